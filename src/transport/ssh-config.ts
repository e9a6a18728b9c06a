/**
 * The part of OpenSSH's `~/.ssh/config` that tcrm honours (ssh2 reads no OpenSSH file). Pure:
 * text in, settings out. The subset and its rules are OpenSSH's (ssh_config(5)): keywords are
 * case-insensitive, `Keyword value` or `Keyword=value`, the first value obtained for a keyword
 * wins (IdentityFile accumulates), a `Host` line's patterns use `*` and `?` and a `!pattern`
 * that matches excludes the block. Keywords outside the subset are named once as ignored.
 */

export interface SshHostConfig {
  hostName?: string;
  user?: string;
  port?: number;
  identityFiles: string[];
  userKnownHostsFiles?: string[];
  hostKeyAlias?: string;
  strictHostKeyChecking?: 'yes' | 'no' | 'accept-new' | 'ask';
  connectTimeoutSec?: number;
  /** Keywords present in a block that applied but outside tcrm's subset (each named once). */
  ignored: string[];
}

interface Line {
  keyword: string;
  args: string[];
  lineNo: number;
}

interface Block {
  /** null: the lines before the first Host (apply to every host). */
  patterns: string[] | null;
  /** A `Match` block: tcrm does not evaluate Match, so it never applies. */
  match: boolean;
  lines: Line[];
}

const SUPPORTED = new Set([
  'hostname',
  'user',
  'port',
  'identityfile',
  'userknownhostsfile',
  'hostkeyalias',
  'stricthostkeychecking',
  'connecttimeout',
]);

/** Splits a config line's arguments: whitespace-separated, double quotes group. */
function splitArgs(text: string): string[] {
  const out: string[] = [];
  const re = /"([^"]*)"|(\S+)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(m[1] ?? m[2]!);
  return out;
}

function parseBlocks(text: string): Block[] {
  const blocks: Block[] = [{ patterns: null, match: false, lines: [] }];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const m = /^(\S+?)(?:\s*=\s*|\s+)(.*)$/.exec(line);
    const keyword = (m ? m[1]! : line).toLowerCase();
    const args = m ? splitArgs(m[2]!) : [];
    if (keyword === 'host') blocks.push({ patterns: args, match: false, lines: [] });
    else if (keyword === 'match') blocks.push({ patterns: [], match: true, lines: [] });
    else blocks[blocks.length - 1]!.lines.push({ keyword, args, lineNo: i + 1 });
  });
  return blocks;
}

/** OpenSSH's glob: `*` any run, `?` one character, case-insensitive for host names. */
export function globMatch(pattern: string, text: string): boolean {
  const re = new RegExp(
    '^' + pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.') + '$',
    'i',
  );
  return re.test(text);
}

/** A `Host` pattern list matches when some positive pattern matches and no negated one does. */
export function hostPatternsMatch(patterns: string[], host: string): boolean {
  let positive = false;
  for (const p of patterns.flatMap((x) => x.split(','))) {
    if (p.startsWith('!')) {
      if (globMatch(p.slice(1), host)) return false;
    } else if (globMatch(p, host)) positive = true;
  }
  return positive;
}

export interface ExpandContext {
  home: string;
  localUser: string;
  /** The host as given on the command line (%n). */
  originalHost: string;
}

/**
 * The settings for `host` (the name the user gave). Tokens (`%h` `%r` `%u` `%p` `%n` `%d` `%%`)
 * and `~` are expanded in IdentityFile and UserKnownHostsFile once every value is known, as
 * OpenSSH does.
 */
export function resolveSshConfig(text: string, host: string, ctx: ExpandContext): SshHostConfig {
  const result: SshHostConfig = { identityFiles: [], ignored: [] };
  const rawIdentity: string[] = [];
  let rawKnownHosts: string[] | undefined;
  for (const block of parseBlocks(text)) {
    if (block.match) continue;
    if (block.patterns !== null && !hostPatternsMatch(block.patterns, host)) continue;
    for (const { keyword, args } of block.lines) {
      const value = args[0];
      if (!SUPPORTED.has(keyword)) {
        if (!result.ignored.includes(keyword)) result.ignored.push(keyword);
        continue;
      }
      if (value === undefined) continue;
      switch (keyword) {
        case 'hostname':
          result.hostName ??= value;
          break;
        case 'user':
          result.user ??= value;
          break;
        case 'port': {
          const n = Number(value);
          if (result.port === undefined && Number.isInteger(n) && n > 0 && n < 65536) result.port = n;
          break;
        }
        case 'identityfile':
          if (value.toLowerCase() !== 'none') rawIdentity.push(value);
          break;
        case 'userknownhostsfile':
          rawKnownHosts ??= args;
          break;
        case 'hostkeyalias':
          result.hostKeyAlias ??= value;
          break;
        case 'stricthostkeychecking': {
          const v = value.toLowerCase();
          const mapped = v === 'off' ? 'no' : v === 'on' ? 'yes' : v;
          if (mapped === 'yes' || mapped === 'no' || mapped === 'accept-new' || mapped === 'ask') {
            result.strictHostKeyChecking ??= mapped;
          }
          break;
        }
        case 'connecttimeout': {
          const n = Number(value);
          if (result.connectTimeoutSec === undefined && Number.isFinite(n) && n > 0) result.connectTimeoutSec = n;
          break;
        }
      }
    }
  }
  // %h is HostName after its own expansion (HostName may itself say %h).
  const hostName = (result.hostName ?? host).replace(/%h/g, host);
  if (result.hostName !== undefined) result.hostName = hostName;
  const expand = (path: string): string => {
    const withTokens = path.replace(/%([%hrupnd])/g, (_m, t: string) => {
      switch (t) {
        case '%':
          return '%';
        case 'h':
          return hostName;
        case 'r':
          return result.user ?? ctx.localUser;
        case 'u':
          return ctx.localUser;
        case 'p':
          return String(result.port ?? 22);
        case 'n':
          return ctx.originalHost;
        default:
          return ctx.home;
      }
    });
    return withTokens === '~' ? ctx.home : withTokens.startsWith('~/') ? ctx.home + withTokens.slice(1) : withTokens;
  };
  result.identityFiles = rawIdentity.map(expand);
  if (rawKnownHosts) result.userKnownHostsFiles = rawKnownHosts.map(expand);
  return result;
}
