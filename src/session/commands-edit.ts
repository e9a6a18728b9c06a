/**
 * `configure edit [xml] [ID…]`: the `show` text of the objects in an editor, applied back on
 * save; on errors crmsh's question "Edit or discard changes (yes to edit, no to discard)?"
 * (cibconfig.py `_edit_save`). The terminal hand-over is the front end's (`opts.editFile`).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { diag } from '../diagnostic.js';
import { message } from '../messages/catalog.js';
import { showConfiguration } from '../shadow-cib/show.js';
import { selectorWords } from './commands-configure.js';
import { applyEditedText } from './edit-objects.js';
import type { HandlerTable } from './commands.js';
import type { Session } from './session.js';

/** crmsh's editor: `options editor`, else $EDITOR, else vi. */
export function editorOf(session: Session): string {
  return session.settings.get('core.editor') || session.env.EDITOR || session.env.VISUAL || 'vi';
}

export const EDIT_HANDLERS: HandlerTable = {
  'configure.edit': async (session, cmd) => {
    if (!session.opts.interactive || !session.opts.editFile) {
      session.report(diag('CRM', 'info', 'edit not allowed in batch mode'));
      return false;
    }
    if (cmd.xml) {
      session.report(diag('TCRM7001', 'error', message('TCRM7001')));
      return false;
    }
    const cfg = session.configure!;
    const shown = showConfiguration(cfg.working, {
      selectors: selectorWords(cmd.selectors),
      xml: false,
      changed: cfg.changed,
      sortElements: session.settings.isYes('core.sort_elements'),
    });
    if (!session.reportAll(shown.diagnostics)) return false;
    const original = shown.text === '' ? '' : shown.text + '\n';
    const dir = await mkdtemp(join(session.env.TMPDIR || '/tmp', 'tcrm-edit-'));
    const file = join(dir, 'config.crm');
    try {
      await writeFile(file, original, { mode: 0o600 });
      for (;;) {
        const status = session.opts.editFile(file, editorOf(session));
        if (status !== 0) {
          session.report(diag('TCRM7002', 'error', message('TCRM7002', { editor: editorOf(session), status })));
          return false;
        }
        const edited = await readFile(file, 'utf8');
        if (edited === original) return true;
        const result = applyEditedText(cfg, original, edited, file);
        for (const d of result.diagnostics) session.report(d);
        if (result.ok) return true;
        if (session.opts.force || session.settings.isYes('core.force')) {
          session.report(diag('CRM', 'error', 'Save failed and --force is set, aborting edit to avoid infinite loop'));
          return false;
        }
        if (!(await session.confirm('Edit or discard changes (yes to edit, no to discard)?'))) return true;
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};
