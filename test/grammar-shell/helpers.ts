import { splitLogicalLines } from '../../src/grammar/split-words.js';
import type { Diagnostic } from '../../src/diagnostic.js';
import type { LogicalLine } from '../../src/grammar/words.js';

export function lineOf(text: string): LogicalLine {
  const lines = splitLogicalLines(text, 'test');
  if (lines.length !== 1) throw new Error(`expected one logical line in ${JSON.stringify(text)}`);
  return lines[0];
}

/** Diagnostics as crmsh prints them: `ERROR: …`, `WARNING: …`, `INFO: …`. */
export function printed(diags: Diagnostic[]): string[] {
  return diags.map((d) => `${d.severity.toUpperCase()}: ${d.message}`);
}

import { planLine } from '../../src/grammar/navigate.js';
import { parseShellCommand, type ParseOptions } from '../../src/grammar/shell-commands.js';
import type { ShellCommand } from '../../src/grammar/shell-ast.js';

/** Strip positions so commands compare by content. */
function withoutPositions<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (k, v) => (k === 'at' ? undefined : v))) as T;
}

/** Plan a line typed at `level`, then parse the command's arguments: what crmsh would print and run. */
export function parse(level: string, text: string, options: ParseOptions = {}): { cmd: ShellCommand | null; out: string[] } {
  const line = lineOf(text);
  const plan = planLine(level, line.words);
  if (!plan.ok || !plan.run) return { cmd: null, out: printed(plan.diagnostics) };
  const words = plan.words.map((w) => (typeof w === 'string' ? { text: w, quoted: false, at: line.at, end: line.at } : w));
  const r = parseShellCommand(plan.run.level, plan.run.command, { ...line, words }, plan.run.argStart, options);
  return { cmd: r.cmd && withoutPositions(r.cmd), out: [...printed(plan.diagnostics), ...printed(r.diagnostics)] };
}

/** The error lines only. */
export function errorsOf(level: string, text: string, options: ParseOptions = {}): string[] {
  return parse(level, text, options).out.filter((l) => l.startsWith('ERROR'));
}
