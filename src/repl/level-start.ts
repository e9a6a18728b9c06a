/**
 * `crm configure` on a terminal starts an interactive session already inside that level
 * (commands.md "level start"); `crm configure show` stays a one-shot command.
 */
import { planLine } from '../grammar/navigate.js';
import { splitLogicalLines } from '../grammar/split-words.js';
import type { LogicalLine } from '../grammar/words.js';

/** The line to run first when the argv words only name levels; undefined otherwise. */
export function levelStartLine(argvText: string): LogicalLine | undefined {
  const lines = splitLogicalLines(argvText, '<argv>');
  if (lines.length !== 1 || lines[0]!.error) return undefined;
  const plan = planLine('', lines[0]!.words);
  return plan.ok && !plan.run && plan.enter.length > 0 && plan.moves.length === 0 ? lines[0] : undefined;
}
