/**
 * Raw terminal input → single keys. Ink's `useInput` merges a chunk such as `"conf\t"` into one
 * event and reports Backspace and Delete alike (stack.md pitfalls 1–2), so the REPL reads the raw
 * chunks and decodes them here: one key per code point, escape sequences kept whole, bracketed
 * paste markers as their own keys. Pure: no IO.
 */

export type Key =
  | { kind: 'char'; text: string }
  | { kind: 'enter' }
  | { kind: 'tab' }
  | { kind: 'backspace' }
  | { kind: 'delete' }
  | { kind: 'left' | 'right' | 'up' | 'down' | 'home' | 'end' }
  | { kind: 'wordLeft' | 'wordRight' | 'deleteWordRight' | 'deleteWordLeft' }
  /** Ctrl + a letter, lowercase (`ctrl a` … `ctrl z`), excluding Tab, Enter and Backspace. */
  | { kind: 'ctrl'; letter: string }
  | { kind: 'pasteStart' | 'pasteEnd' }
  | { kind: 'escape' }
  /** A sequence we do not act on (function keys …): ignored, never inserted as text. */
  | { kind: 'unknown'; seq: string };

const CSI_FINAL: Record<string, Key> = {
  A: { kind: 'up' },
  B: { kind: 'down' },
  C: { kind: 'right' },
  D: { kind: 'left' },
  H: { kind: 'home' },
  F: { kind: 'end' },
};

const TILDE: Record<string, Key> = {
  '1': { kind: 'home' },
  '7': { kind: 'home' },
  '4': { kind: 'end' },
  '8': { kind: 'end' },
  '3': { kind: 'delete' },
  '200': { kind: 'pasteStart' },
  '201': { kind: 'pasteEnd' },
};

function csiKey(params: string, final: string, seq: string): Key {
  if (final === '~') {
    const first = params.split(';')[0] ?? '';
    return TILDE[first] ?? { kind: 'unknown', seq };
  }
  const base = CSI_FINAL[final];
  if (!base) return { kind: 'unknown', seq };
  // `ESC [ 1 ; 5 C`: Ctrl (5) or Alt (3) with an arrow moves by words.
  const mod = params.split(';')[1];
  if ((mod === '5' || mod === '3') && (base.kind === 'left' || base.kind === 'right')) {
    return { kind: base.kind === 'left' ? 'wordLeft' : 'wordRight' };
  }
  return base;
}

/** Splits one raw input chunk into keys. */
export function decodeKeys(chunk: string): Key[] {
  const keys: Key[] = [];
  let i = 0;
  while (i < chunk.length) {
    const c = chunk[i]!;
    if (c === '\x1b') {
      const next = chunk[i + 1];
      if (next === '[') {
        // CSI: parameters (0x30–0x3f), intermediates, one final byte (0x40–0x7e).
        let j = i + 2;
        while (j < chunk.length && /[0-9;?]/.test(chunk[j]!)) j++;
        if (j >= chunk.length) {
          keys.push({ kind: 'unknown', seq: chunk.slice(i) });
          break;
        }
        const seq = chunk.slice(i, j + 1);
        keys.push(csiKey(chunk.slice(i + 2, j), chunk[j]!, seq));
        i = j + 1;
        continue;
      }
      if (next === 'O' && i + 2 < chunk.length) {
        const seq = chunk.slice(i, i + 3);
        keys.push(CSI_FINAL[chunk[i + 2]!] ?? { kind: 'unknown', seq });
        i += 3;
        continue;
      }
      if (next === 'b' || next === 'B') keys.push({ kind: 'wordLeft' });
      else if (next === 'f' || next === 'F') keys.push({ kind: 'wordRight' });
      else if (next === 'd' || next === 'D') keys.push({ kind: 'deleteWordRight' });
      else if (next === '\x7f' || next === '\b') keys.push({ kind: 'deleteWordLeft' });
      else if (next === undefined) {
        keys.push({ kind: 'escape' });
        i += 1;
        continue;
      } else {
        keys.push({ kind: 'escape' });
        i += 1;
        continue;
      }
      i += 2;
      continue;
    }
    if (c === '\r') {
      keys.push({ kind: 'enter' });
      i += chunk[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    if (c === '\n') keys.push({ kind: 'enter' });
    else if (c === '\t') keys.push({ kind: 'tab' });
    else if (c === '\x7f' || c === '\b') keys.push({ kind: 'backspace' });
    else if (c >= '\x01' && c <= '\x1a') keys.push({ kind: 'ctrl', letter: String.fromCharCode(c.charCodeAt(0) + 96) });
    else if (c < ' ') keys.push({ kind: 'unknown', seq: c });
    else {
      const cp = chunk.codePointAt(i)!;
      const text = String.fromCodePoint(cp);
      keys.push({ kind: 'char', text });
      i += text.length;
      continue;
    }
    i += 1;
  }
  return keys;
}
