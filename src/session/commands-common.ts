/** Commands every level has: help and ls (cd, up and quit move through the plan's moves). */
import { findCommand, levelSpecOf } from '../grammar/levels.js';
import { lsListing } from '../grammar/shell-ls.js';
import type { HandlerTable } from './commands.js';

export const COMMON_HANDLERS: HandlerTable = {
  up: () => true,
  cd: () => true,
  quit: () => true,
  ls: (session) => {
    const path = session.levels.join('/');
    session.out.print(lsListing(path).join('\n'));
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
