/** Commands every level has: help and ls (cd, up and quit move through the plan's moves). */
import { lsListing } from '../grammar/shell-ls.js';
import type { HandlerTable } from './commands.js';
import { diag } from '../diagnostic.js';
import { renderHelp } from '../help/render.js';
import { languageFrom, message } from '../messages/catalog.js';

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
    const lang = languageFrom(session.env);
    const result = renderHelp(session.levels.join('/'), cmd.topic, cmd.subtopic, message('TCRM7004', {}, lang));
    if (!result.ok) {
      session.report(diag('CRM', 'error', result.error));
      return false;
    }
    session.page(result.text);
    return true;
  },
};
