/**
 * Resource-set lists of colocation / order / rsc_ticket / location `{ }`: `a ( b c:start ) [ d e ]`.
 * crmsh reads these as a flat word list after the rest of the statement, splitting a bracket
 * glued to the front or back of a word, and checks brackets, set options and role/action
 * suffixes as it goes; the first problem is the error. Both the parser (for the error) and the
 * CST → AST converter (for the items) use this one scanner, so they cannot disagree.
 */
import type { Position } from '../diagnostic.js';
import type { RefItem, RscRef } from './ast.js';
import { ACTIONS, ROLES, canonize, isBooleanWord } from './configure-patterns.js';
import type { WordToken } from './tokens.js';

/** A word of the list after splitting glued brackets; `token` is the shell word it came from. */
export interface SetWord {
  text: string;
  at: Position;
  token: WordToken;
}

export interface SetScanError {
  message: string;
  /** The word crmsh names in `near <…>`, or null when it names none. */
  near: SetWord | null;
  /** Where the problem is. */
  at: SetWord;
}

const OPEN = ['(', '['];
const CLOSE = [')', ']'];
const MATCHING: Record<string, string> = { '(': ')', '[': ']' };

const shift = (p: Position, n: number): Position => ({ ...p, col: p.col + n, offset: p.offset + n });

/** crmsh splits one bracket off the front, or else one off the back, of a longer word. */
export function splitGluedBrackets(tokens: WordToken[]): SetWord[] {
  const out: SetWord[] = [];
  for (const token of tokens) {
    const text = token.image;
    const at = token.word.at;
    if (text.length > 1 && OPEN.includes(text[0]) && !token.word.quoted) {
      out.push({ text: text[0], at, token }, { text: text.slice(1), at: shift(at, 1), token });
    } else if (text.length > 1 && CLOSE.includes(text[text.length - 1]) && !token.word.quoted) {
      out.push(
        { text: text.slice(0, -1), at, token },
        { text: text[text.length - 1], at: shift(at, text.length - 1), token },
      );
    } else {
      out.push({ text, at, token });
    }
  }
  return out;
}

export type SuffixKind = 'role' | 'action';

export interface SetScan {
  items: RefItem[];
  error?: SetScanError;
}

/** Scans a resource-set list; stops at the first error, as crmsh does. */
export function scanResourceSets(tokens: WordToken[], kind: SuffixKind): SetScan {
  const words = splitGluedBrackets(tokens);
  const items: RefItem[] = [];
  const allowed = kind === 'action' ? ACTIONS : ROLES;
  let open: { bracket: '(' | '['; refs: RscRef[]; options: Array<[string, string]>; at: Position } | null = null;
  let openedWord: SetWord | null = null;
  let current = 0; // refs in the set being built (crmsh's "set_pl")
  const fail = (message: string, near: SetWord | null, at: SetWord): SetScan => ({
    items,
    error: { message, near, at },
  });
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const p = w.text;
    const quoted = w.token.word.quoted;
    if (p === '_rsc_set_') continue;
    if (OPEN.includes(p) && !quoted) {
      if (open) return fail('Cannot nest resource sets', w, w);
      open = { bracket: p as '(' | '[', refs: [], options: [], at: w.at };
      openedWord = w;
      current = 0;
      continue;
    }
    if (CLOSE.includes(p) && !quoted) {
      if (current === 0) return fail('Empty resource set', w, w);
      if (!open) return fail('Unmatched closing bracket', w, w);
      if (p !== MATCHING[open.bracket]) return fail('Mismatched closing bracket', w, w);
      items.push({ kind: 'set', bracket: open.bracket, refs: open.refs, options: open.options, at: open.at });
      open = null;
      current = 0;
      continue;
    }
    if (p.includes('=')) {
      const parts = p.split('=');
      if (parts.length !== 2) return fail(`Extra = in ${p}`, w, w);
      const [name, value] = parts;
      if (name !== 'sequential' && name !== 'require-all') return fail('Unknown attribute', w, w);
      if (!isBooleanWord(value)) return fail(`Not a boolean: ${value}`, w, w);
      // Inside brackets the option belongs to that set; outside, crmsh applies it from the set
      // being built on (lowering replays that), so it stays an item of the list.
      if (open) open.options.push([name, value]);
      else items.push({ kind: 'option', name: name as 'sequential' | 'require-all', value, at: w.at });
      continue;
    }
    const parts = p.split(':');
    let ref: RscRef = { name: p, at: w.at };
    if (parts.length >= 2) {
      if (parts.length === 2 && !canonize(parts[1], allowed)) {
        return fail(`Invalid ${kind} for ${p}`, null, w);
      }
      if (parts.length > 2) return fail(`Invalid ${kind} for ${p}`, null, w);
      ref = { name: parts[0], suffix: parts[1], at: w.at };
    }
    current++;
    if (open) open.refs.push(ref);
    else items.push({ kind: 'ref', ...ref });
  }
  if (open && openedWord) {
    const last = words[words.length - 1];
    return fail('Unmatched opening bracket', last, openedWord);
  }
  return { items };
}
