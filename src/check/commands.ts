/** The commands of an answer, whatever its mode: each a logical line with file positions. */
import type { LogicalLine } from '../grammar/words.js';

export interface InputCommand {
  /**
   * `line`: typed in crm (a script line, or after a crm prompt);
   * `shell`: `crm WORDS…` typed at a shell prompt (a one-shot command, or the start of a session);
   * `end`: crm stops reading here (the end of a here-document fed to it).
   */
  kind: 'line' | 'shell' | 'end';
  line: LogicalLine;
  /** The transcript's prompt: the CIB in use and the level path it shows. */
  prompt?: { cib: string; level: string };
  /** A `shell` command whose crm reads its commands from a here-document, not a terminal. */
  batch?: boolean;
  /** Answers to crm's questions printed after the command (`Do you want to commit them? yes`). */
  answers: boolean[];
}
