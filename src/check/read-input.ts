/**
 * Reading a student's file safely: size limit, binary junk, invalid UTF-8, BOM and CRLF.
 * Whatever the bytes, the answer is text or one clear finding — never an exception.
 */
import type { Lang } from '../messages/catalog.js';
import { message } from '../messages/catalog.js';
import type { CheckFinding } from './types.js';

/** Lab answers are a few kilobytes; a bigger file is certainly not one. */
export const MAX_INPUT_BYTES = 2 * 1024 * 1024;

/** `notice`: the text was read, but not as UTF-8 (a warning worth showing with the findings). */
export type ReadResult = { ok: true; text: string; notice?: CheckFinding } | { ok: false; finding: CheckFinding };

const at = (line: number, column: number, code: string, text: string, severity: CheckFinding['severity'] = 'error'): CheckFinding => ({
  line,
  column,
  endLine: line,
  endColumn: column + 1,
  severity,
  code,
  message: text,
  suggestion: null,
});

/** Line and column (1-based) of a byte offset, counting UTF-8 characters before it. */
function positionOf(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  const before = Buffer.from(bytes.subarray(lineStart, offset)).toString('utf8');
  return { line, column: [...before].length + 1 };
}

/** The first byte that makes this not a text file: NUL or other C0 control (tab, CR, LF, FF allowed). */
function firstControlByte(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) return i;
    if (b === 0x7f) return i;
  }
  return -1;
}

/** The offset of the first invalid UTF-8 sequence, or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return -1;
}

/**
 * UTF-16 (what Windows Notepad's "Unicode" and PowerShell's `>` write): a byte-order mark, or
 * ASCII text with a NUL after (LE) or before (BE) every character.
 */
function utf16Of(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length < 2) return null;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const n = Math.min(bytes.length & ~1, 200);
  if (n < 8) return null;
  let le = true;
  let be = true;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i + 1] !== 0 || bytes[i] === 0) le = false;
    if (bytes[i] !== 0 || bytes[i + 1] === 0) be = false;
  }
  return le ? 'utf-16le' : be ? 'utf-16be' : null;
}

/** A text's first C0 control character (tab, CR, LF, FF allowed), as for bytes. */
function firstControlChar(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f) return i;
  }
  return -1;
}

/**
 * Windows-1252 (Latin-1 with the quotes and €) is what a French Windows editor saves when it
 * does not save UTF-8: an accent is then one byte that is not valid UTF-8. Taken for such a text
 * when nothing else looks binary and most bytes are ASCII.
 */
function looksLatin1(bytes: Uint8Array): boolean {
  let high = 0;
  for (const b of bytes) if (b >= 0x80) high++;
  return high * 5 < bytes.length;
}

/** Windows-1252's 0x80–0x9F (Node's TextDecoder reads that label as ISO-8859-1, where these
 *  are control characters); undefined bytes keep their Latin-1 value. */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeCp1252(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : String.fromCharCode(b);
  return out;
}

export function decodeInput(bytes: Uint8Array, file: string, lang: Lang): ReadResult {
  if (bytes.length > MAX_INPUT_BYTES) {
    const text = message('TCRM2003', { file, size: bytes.length, limit: MAX_INPUT_BYTES }, lang);
    return { ok: false, finding: at(1, 1, 'TCRM2003', text) };
  }
  const utf16 = utf16Of(bytes);
  if (utf16) {
    const text = new TextDecoder(utf16).decode(bytes);
    const bad = firstControlChar(text);
    if (bad < 0) {
      const notice = at(1, 1, 'TCRM2009', message('TCRM2009', { file, encoding: utf16.toUpperCase() }, lang), 'warning');
      return finishText(text, file, lang, notice);
    }
  }
  // the earliest of a control byte and a broken UTF-8 sequence
  const control = firstControlByte(bytes);
  const invalid = firstInvalidUtf8(bytes);
  if (control < 0 && invalid >= 0 && looksLatin1(bytes)) {
    const pos = positionOf(bytes, invalid);
    const notice = at(pos.line, pos.column, 'TCRM2009', message('TCRM2009', { file, encoding: 'Windows-1252 (Latin-1)' }, lang), 'warning');
    return finishText(decodeCp1252(bytes), file, lang, notice);
  }
  const found = [control, invalid].filter((i) => i >= 0);
  const bad = found.length > 0 ? Math.min(...found) : -1;
  if (bad >= 0) {
    const pos = positionOf(bytes, bad);
    const byte = bytes[bad]!.toString(16).padStart(2, '0');
    return { ok: false, finding: at(pos.line, pos.column, 'TCRM2002', message('TCRM2002', { file, byte, ...pos }, lang)) };
  }
  return finishText(Buffer.from(bytes).toString('utf8'), file, lang);
}

function finishText(decoded: string, file: string, lang: Lang, notice?: CheckFinding): ReadResult {
  let text = decoded;
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // Old Mac line ends (a lone CR): the word splitter knows LF and CRLF only.
  if (text.includes('\r')) text = text.replace(/\r(?!\n)/g, '\n');
  if (text.trim() === '') return { ok: false, finding: at(1, 1, 'TCRM2001', message('TCRM2001', { file }, lang)) };
  return notice ? { ok: true, text, notice } : { ok: true, text };
}

/** The physical lines of a text (CRLF and lone CR endings accepted). */
export function physicalLines(text: string): string[] {
  return text.split(/\r\n|\n|\r/);
}
