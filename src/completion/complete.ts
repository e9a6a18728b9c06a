/**
 * The completion engine: walks the words before the cursor through the level tree as crmsh's
 * completer does (a level word enters the level, a command word hands the rest to that
 * command's completer), asks the completer for candidates, and matches them against the word
 * under the cursor (prefix, else fuzzy).
 *
 * The prepared candidate list is cached by everything it depends on (the words before the
 * cursor, the progressive part of the word, the CIB and its version, …): while the user types a
 * word, each keystroke only filters a sorted list.
 */
import { CONFIGURE_OBJECT_COMMANDS } from '../grammar/parse-configure.js';
import { pathSegments } from '../grammar/levels.js';
import { resolveCommandWord } from '../grammar/match-command.js';
import { cibIndex } from './cib-index.js';
import { CONFIGURE_COMPLETERS } from './configure-completers.js';
import { grammarKeywords } from './grammar-assist.js';
import { splitBeforeCursor } from './line-words.js';
import { matchPrepared, prepareOffers, type PreparedOffers } from './match.js';
import type { ArgContext, Offer } from './provider.js';
import { cdCandidates, commandCandidates, helpCandidates, SHELL_COMPLETERS } from './shell-completers.js';
import type { CompletionContext, CompletionResult } from './types.js';

const OBJECT_COMMANDS = new Set<string>(CONFIGURE_OBJECT_COMMANDS);

function levelKey(path: string): string {
  const segs = pathSegments(path);
  return segs.length === 0 ? 'root' : segs[segs.length - 1];
}

function argCandidates(path: string, a: ArgContext): Offer[] {
  if (a.command === 'help') return helpCandidates(path, a);
  if (a.command === 'cd') return cdCandidates(path, a);
  const table = a.level === 'configure' ? CONFIGURE_COMPLETERS : SHELL_COMPLETERS[a.level];
  const found = table?.[a.command]?.(a) ?? [];
  if (found.length === 0 && a.level === 'configure' && OBJECT_COMMANDS.has(a.command)) {
    return grammarKeywords(a.command, a.args);
  }
  return found;
}

/** What the words before the cursor ask for at the word under it. */
function candidatesFor(ctx: CompletionContext, words: string[], partial: string): { offers: Offer[]; volatile: boolean } {
  let path = ctx.levels.filter((s) => s && s !== 'root').join('/');
  for (let i = 0; i < words.length; i++) {
    const spec = resolveCommandWord(path, words[i]);
    if (!spec) return { offers: [], volatile: false };
    if (spec.kind === 'level') {
      path = path ? `${path}/${spec.level ?? spec.name}` : spec.level ?? spec.name;
      continue;
    }
    const a: ArgContext = {
      ctx,
      get ix() {
        return cibIndex(ctx.cib, ctx.cibVersion);
      },
      level: levelKey(path),
      command: spec.name,
      args: words.slice(i + 1),
      partial,
    };
    const offers = argCandidates(path, a);
    return { offers, volatile: a.volatile === true };
  }
  return { offers: commandCandidates(path), volatile: false };
}

/** The part of the word completers may depend on (provider.ts `Completer`). */
function progressivePart(partial: string): string {
  const cut = Math.max(partial.lastIndexOf(':'), partial.lastIndexOf('='), partial.lastIndexOf('/'));
  const base = partial.slice(partial.lastIndexOf('/') + 1);
  return partial.slice(0, cut + 1) + (base.startsWith('.') ? '\0.' : '');
}

const ids = new WeakMap<object, number>();
let nextId = 1;
function idOf(o: object | undefined): number {
  if (!o) return 0;
  let id = ids.get(o);
  if (id === undefined) ids.set(o, (id = nextId++));
  return id;
}

/** A few recent lists: Tab, double Tab and the next keystrokes usually ask for the same one. */
const CACHE_SIZE = 8;
const cache = new Map<string, PreparedOffers>();

function preparedFor(ctx: CompletionContext, words: string[], partial: string): PreparedOffers {
  const key = [
    // Not the callbacks (a REPL may build a new context, closures included, per keystroke):
    // what they return is volatile and never cached.
    idOf(ctx.cib), ctx.cibVersion ?? '', idOf(ctx.agents), ctx.nodes?.join('\0') ?? '', ctx.cwd, ctx.lang ?? '',
    ctx.levels.join('/'), words.join('\0'), progressivePart(partial),
  ].join('\u0001');
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key); // most recently used goes last
    cache.set(key, hit);
    return hit;
  }
  let found: { offers: Offer[]; volatile: boolean };
  try {
    found = candidatesFor(ctx, words, partial);
  } catch {
    found = { offers: [], volatile: false }; // a completer bug must not break typing
  }
  const prepared = prepareOffers(found.offers);
  if (found.volatile) return prepared;
  cache.set(key, prepared);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return prepared;
}

const NO_SPACE_AFTER = /[=:/]$/;

export function complete(ctx: CompletionContext, line: string, cursor: number): CompletionResult {
  const { words, current } = splitBeforeCursor(line, cursor);
  const prepared = preparedFor(ctx, words.map((w) => w.text), current.text);
  const { candidates, common } = matchPrepared(prepared, current.text);
  const exact = candidates.filter((c) => !c.fuzzy);
  const complete = exact.length === 1 && !NO_SPACE_AFTER.test(exact[0].text);
  return { from: current.from, to: current.to, candidates, common, complete };
}
