/**
 * A shell script handed in as the answer, feeding crm a here-document:
 *
 *     crm configure <<EOF
 *     primitive failoverip …
 *     commit
 *     EOF
 *
 * The `crm … <<EOF` line starts crm (not interactive: it reads the lines, asks nothing), the
 * lines up to the delimiter are its commands, the delimiter ends it. Without this, every line
 * of the here-document would be read at the shell's top level ("primitive: No such command").
 */
import type { LogicalLine } from '../grammar/words.js';
import type { InputCommand } from './commands.js';

/** `<<EOF`, `<<-EOF`, `<<'EOF'`, `<<"EOF"`, and `<<` followed by the word. */
const OPERATOR = /^<<-?(?:(['"])(\w+)\1|(\w+))?$/;

export function heredocCommands(commands: readonly InputCommand[]): InputCommand[] {
  const out: InputCommand[] = [];
  let delimiter: string | null = null;
  for (const cmd of commands) {
    const words = cmd.line.words;
    if (delimiter !== null) {
      if (words.length === 1 && words[0]!.text === delimiter) {
        out.push({ kind: 'end', line: cmd.line, answers: [] });
        delimiter = null;
      } else out.push(cmd);
      continue;
    }
    const start = words[0]?.text === 'sudo' ? 1 : 0;
    // `<<'FIN'` arrives quoted and unquoted to `<<FIN`: the quotes only stop expansions
    const op = words.findIndex((w) => OPERATOR.test(w.text));
    if (cmd.kind !== 'line' || cmd.prompt || words[start]?.text !== 'crm' || op < 0) {
      out.push(cmd);
      continue;
    }
    const m = OPERATOR.exec(words[op]!.text)!;
    const name = m[2] ?? m[3] ?? words[op + 1]?.text.replace(/^(['"])(.*)\1$/, '$2');
    if (!name) {
      out.push(cmd);
      continue;
    }
    const crmWords = words.slice(start + 1, op);
    const line: LogicalLine = { ...cmd.line, words: crmWords, text: crmWords.map((w) => w.text).join(' '), at: crmWords[0]?.at ?? cmd.line.at };
    out.push({ kind: 'shell', line, answers: [], batch: true });
    delimiter = name;
  }
  return out;
}
