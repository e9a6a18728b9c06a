/** Commands every level has: help and ls (cd, up and quit move through the plan's moves). */
import { findCommand, levelSpecOf, listedCommands } from '../grammar/levels.js';
import type { HandlerTable } from './commands.js';
import { columns } from './columns.js';

export const COMMON_HANDLERS: HandlerTable = {
  up: () => true,
  cd: () => true,
  quit: () => true,
  ls: (session) => {
    const path = session.levels.join('/');
    const names = listedCommands(path);
    session.out.print(columns(session.levels.length > 0 ? ['..', ...names] : names, 80));
    return true;
  },
  help: (session, cmd) => {
    const path = session.levels.join('/');
    const level = levelSpecOf(path);
    if (!cmd.topic) {
      const lines = [`${level?.summary ?? ''}`, '', 'Commands:'];
      for (const c of level?.commands ?? []) {
        if (!c.hidden) lines.push(`    ${c.name.padEnd(18)}${c.summary}`);
      }
      session.out.print(lines.join('\n'));
      return true;
    }
    const spec = findCommand(path, cmd.topic) ?? findCommand('', cmd.topic);
    if (!spec) {
      session.out.print(`No help for ${cmd.topic}`);
      return false;
    }
    session.out.print(`${spec.name}: ${spec.summary}\n\nUsage:\n    ${spec.usage}`);
    return true;
  },
};
