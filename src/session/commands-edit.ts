/**
 * `configure edit [xml] [ID…]`: the `show` text of the objects in an editor, applied back on
 * save; on errors crmsh's question "Edit or discard changes (yes to edit, no to discard)?"
 * (cibconfig.py `_edit_save`). With `xml` the objects are shown as `show xml` prints them and
 * the saved XML is applied as `filter … xml` applies it (objects removed from the text are
 * deleted, changed ones replaced whole). The terminal hand-over is the front end's
 * (`opts.editFile`).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { diag } from '../diagnostic.js';
import { message } from '../messages/catalog.js';
import { applyStatements } from '../shadow-cib/edit/apply-text.js';
import { objectsOf } from '../shadow-cib/edit/model.js';
import { statementsFromXml } from '../shadow-cib/edit/parse-xml.js';
import { selectObjects } from '../shadow-cib/selectors.js';
import { showConfiguration } from '../shadow-cib/show.js';
import { selectorWords } from './commands-configure.js';
import type { ConfigureSession } from './configure-session.js';
import { applyEditedText, type ApplyEditResult } from './edit-objects.js';
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
    const cfg = session.configure!;
    const words = selectorWords(cmd.selectors);
    let apply: (edited: string, original: string, file: string) => ApplyEditResult = (edited, original, file) =>
      applyEditedText(cfg, original, edited, file);
    if (cmd.xml) {
      const all = objectsOf(cfg.working);
      const selection = words.length === 0 ? { objects: all, diagnostics: [] } : selectObjects(all, words, cfg.changed);
      if (!session.reportAll(selection.diagnostics)) return false;
      apply = (edited, _original, file) => applyEditedXml(cfg, selection.objects, edited, file);
    }
    const shown = showConfiguration(cfg.working, {
      selectors: words,
      xml: cmd.xml,
      changed: cfg.changed,
      sortElements: session.settings.isYes('core.sort_elements'),
      ...(cmd.xml ? { forEdit: true } : {}),
    });
    if (!session.reportAll(shown.diagnostics)) return false;
    const original = shown.text === '' ? '' : shown.text + '\n';
    const dir = await mkdtemp(join(session.env.TMPDIR || '/tmp', 'tcrm-edit-'));
    const file = join(dir, cmd.xml ? 'config.xml' : 'config.crm');
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
        const result = apply(edited, original, file);
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

/** The saved XML over the objects the editor showed: removed ones deleted, the rest replaced. */
function applyEditedXml(cfg: ConfigureSession, selection: ReturnType<typeof objectsOf>, edited: string, file: string): ApplyEditResult {
  const parsed = statementsFromXml(edited, file);
  if (!parsed.ok) return { diagnostics: parsed.diagnostics, ok: false };
  const applied = cfg.edit((doc) =>
    applyStatements(doc, parsed.statements, { ids: cfg.ids, changed: cfg.changed }, { remove: true, method: 'replace', selection }),
  );
  return { diagnostics: [...parsed.diagnostics, ...applied.diagnostics], ok: applied.ok };
}
