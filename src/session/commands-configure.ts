/** configure-level commands that are not object statements: show, verify, commit, refresh. */

import type { Selector } from '../grammar/shell-ast.js';
import { checkAtVerify } from '../commit/cluster-checks.js';
import { semanticChecks } from './semantic-checks.js';
import { showConfiguration } from '../shadow-cib/show.js';
import { ConfigureSession } from './configure-session.js';
import { commitConfigure } from './commit-command.js';
import { loadCibWithText } from './cib-io.js';
import type { HandlerTable } from './commands.js';

/** The selector words as `show` takes them (`fail*`, `type:primitive`, `changed`, `and` …). */
export function selectorWords(selectors: Selector[]): string[] {
  return selectors.map((s) => {
    switch (s.kind) {
      case 'id':
        return s.pattern.text;
      case 'changed':
      case 'and':
      case 'or':
        return s.kind;
      default:
        return `${s.kind}:${s.value.text}`;
    }
  });
}

export const CONFIGURE_HANDLERS: HandlerTable = {
  'configure.show': (session, cmd) => {
    const cfg = session.configure!;
    const { text, diagnostics } = showConfiguration(cfg.working, {
      selectors: selectorWords(cmd.selectors),
      xml: cmd.xml,
      changed: cfg.changed,
      sortElements: session.settings.isYes('core.sort_elements'),
      obscurePattern: session.settings.get('core.obscure_pattern'),
    });
    if (!session.reportAll(diagnostics)) return false;
    if (text !== '') session.out.print(text);
    return true;
  },
  'configure.commit': (session, cmd) => commitConfigure(session, { force: cmd.force, replace: cmd.replace }),
  'configure.verify': async (session) => {
    const working = session.configure!.working;
    const cluster = checkAtVerify(working);
    session.reportAll(cluster.lines);
    const checks = await semanticChecks(session, working, {});
    session.reportAll(checks.diagnostics);
    return cluster.ok && checks.worst < 2;
  },
  'configure.refresh': async (session) => {
    const cfg = session.configure!;
    if (cfg.hasChanges() && session.opts.interactive && !(await session.confirm('All changes will be dropped. Do you want to proceed?'))) {
      return true;
    }
    const loaded = await loadCibWithText(session, session.source);
    if (!loaded) return false;
    session.configure = new ConfigureSession(loaded.doc, loaded.text);
    return true;
  },
};

