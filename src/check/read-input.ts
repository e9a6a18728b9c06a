/**
 * Reading a student's file safely: size limit, binary junk, invalid UTF-8, BOM and CRLF.
 * Whatever the bytes, the answer is text or one clear finding — never an exception.
 */
import type { Lang } from '../messages/catalog.js';
import { message } from '../messages/catalog.js';
import type { CheckFinding } from './types.js';

/** Lab answers are a few kilobytes; a bigger file is certainly not one. */
export const MAX_INPUT_BYTES = 2 * 1024 * 1024;

export type ReadResult = { ok: true; text: string } | { ok: false; finding: CheckFinding };

const at = (line: number, column: number, code: string, text: string): CheckFinding => ({
  line,
  column,
  endLine: line,
  endColumn: column + 1,
  severity: 'error',
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

export function decodeInput(bytes: Uint8Array, file: string, lang: Lang): ReadResult {
  if (bytes.length > MAX_INPUT_BYTES) {
    const text = message('TCRM2003', { file, size: bytes.length, limit: MAX_INPUT_BYTES }, lang);
    return { ok: false, finding: at(1, 1, 'TCRM2003', text) };
  }
  // the earliest of a control byte and a broken UTF-8 sequence
  const found = [firstControlByte(bytes), firstInvalidUtf8(bytes)].filter((i) => i >= 0);
  const bad = found.length > 0 ? Math.min(...found) : -1;
  if (bad >= 0) {
    const pos = positionOf(bytes, bad);
    const byte = bytes[bad]!.toString(16).padStart(2, '0');
    return { ok: false, finding: at(pos.line, pos.column, 'TCRM2002', message('TCRM2002', { file, byte, ...pos }, lang)) };
  }
  let text = Buffer.from(bytes).toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // Old Mac line ends (a lone CR): the word splitter knows LF and CRLF only.
  if (text.includes('\r')) text = text.replace(/\r(?!\n)/g, '\n');
  if (text.trim() === '') return { ok: false, finding: at(1, 1, 'TCRM2001', message('TCRM2001', { file }, lang)) };
  return { ok: true, text };
}

/** The physical lines of a text (CRLF and lone CR endings accepted). */
export function physicalLines(text: string): string[] {
  return text.split(/\r\n|\n|\r/);
}
