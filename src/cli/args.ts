/** crm's command line (commands.md §1), parsed into a plain object; never throws. */
export interface CliArgs {
  file?: string;
  cib?: string;
  display?: 'plain' | 'color' | 'color-always' | 'uppercase';
  force: boolean;
  answerNo: boolean;
  wait: boolean;
  debug: boolean;
  options: Array<[string, string]>;
  lang?: string;
  /** `--hosts user@host[:port],…`: the live cluster's nodes over SSH (issue 7). */
  hosts?: string;
  /** `-C NAME` / `--cluster NAME`: a named cluster profile from tcrm's config file. */
  profile?: string;
  /** `--accept-new-host-key`: an unknown SSH host key is appended to known_hosts. */
  acceptNewHostKey: boolean;
  /** `--live`: run the real crm_verify in verify and at commit on a CIB file or shadow too. */
  live: boolean;
  version: boolean;
  help: boolean;
  /** Words of a one-shot command (`tcrm configure show`). */
  rest: string[];
  errors: Array<{ code: 'TCRM0003' | 'TCRM0004'; option: string }>;
}

const DISPLAYS = new Set(['plain', 'color', 'color-always', 'uppercase']);

export function parseArgs(argv: string[]): CliArgs {
  const args: CliArgs = {
    force: false,
    answerNo: false,
    wait: false,
    debug: false,
    options: [],
    acceptNewHostKey: false,
    live: false,
    version: false,
    help: false,
    rest: [],
    errors: [],
  };
  let i = 0;
  const value = (option: string): string | undefined => {
    const eq = option.indexOf('=');
    if (option.startsWith('--') && eq > 0) return option.slice(eq + 1);
    if (i + 1 < argv.length) return argv[++i];
    args.errors.push({ code: 'TCRM0003', option });
    return undefined;
  };
  for (; i < argv.length; i++) {
    const a = argv[i]!;
    if (args.rest.length > 0 || !a.startsWith('-') || a === '-') {
      args.rest.push(a);
      continue;
    }
    const name = a.startsWith('--') ? a.split('=')[0]! : a;
    switch (name) {
      case '-f':
      case '--file':
        args.file = value(a);
        break;
      case '-c':
      case '--cib':
        args.cib = value(a);
        break;
      case '-D':
      case '--display': {
        const v = value(a);
        if (v && DISPLAYS.has(v)) args.display = v as CliArgs['display'];
        else if (v) args.errors.push({ code: 'TCRM0004', option: `${a} ${v}` });
        break;
      }
      case '-F':
      case '--force':
        args.force = true;
        break;
      case '-n':
      case '--no':
        args.answerNo = true;
        break;
      case '-w':
      case '--wait':
        args.wait = true;
        break;
      case '-d':
      case '--debug':
        args.debug = true;
        break;
      case '-o':
      case '--opt': {
        const v = value(a);
        const eq = v?.indexOf('=') ?? -1;
        if (v && eq > 0) args.options.push([v.slice(0, eq), v.slice(eq + 1)]);
        else if (v) args.errors.push({ code: 'TCRM0004', option: `${a} ${v}` });
        break;
      }
      case '--lang':
        args.lang = value(a);
        break;
      case '--hosts':
        args.hosts = value(a);
        break;
      case '-C':
      case '--cluster':
        args.profile = value(a);
        break;
      case '--accept-new-host-key':
        args.acceptNewHostKey = true;
        break;
      case '--live':
        args.live = true;
        break;
      case '--version':
        args.version = true;
        break;
      case '-h':
      case '--help':
        args.help = true;
        break;
      default:
        args.errors.push({ code: 'TCRM0004', option: a });
    }
  }
  return args;
}
