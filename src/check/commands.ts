/** The commands of an answer, whatever its mode: each a logical line with file positions. */
import type { LogicalLine } from '../grammar/words.js';

export interface InputCommand {
  /**
   * `line`: typed in crm (a script line, or after a crm prompt);
   * `shell`: `crm WORDS…` typed at a shell prompt (a one-shot command, or the start of a session).
   */
  kind: 'line' | 'shell';
  line: LogicalLine;
  /** The transcript's prompt: the CIB in use and the level path it shows. */
  prompt?: { cib: string; level: string };
  /** Answers to crm's questions printed after the command (`Do you want to commit them? yes`). */
  answers: boolean[];
}
