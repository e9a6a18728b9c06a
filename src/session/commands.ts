/**
 * Shell commands other than configure object statements: parse the arguments with the grammar,
 * then run the handler registered for the command's kind.
 */
import { diag } from '../diagnostic.js';
import type { NavRun } from '../grammar/navigate.js';
import { parseShellCommand } from '../grammar/shell-commands.js';
import type { ShellCommand, ShellCommandKind } from '../grammar/shell-ast.js';
import type { LogicalLine } from '../grammar/words.js';
import { CIB_HANDLERS } from './commands-cib.js';
import { CONFIGURE_HANDLERS } from './commands-configure.js';
import { COMMON_HANDLERS } from './commands-common.js';
import { OPTIONS_HANDLERS } from './commands-options.js';
import { EDIT_HANDLERS } from './commands-edit.js';
import { NODE_HANDLERS } from './commands-node.js';
import { RESOURCE_HANDLERS } from './commands-resource.js';
import { STATUS_HANDLERS } from './commands-status.js';
import { RA_HANDLERS } from './commands-ra.js';
import type { Session } from './session.js';

export type Handler<K extends ShellCommandKind = ShellCommandKind> = (
  session: Session,
  cmd: Extract<ShellCommand, { kind: K }>,
  line: LogicalLine,
) => Promise<boolean> | boolean;

export type HandlerTable = { [K in ShellCommandKind]?: Handler<K> };

const HANDLERS: HandlerTable = { ...COMMON_HANDLERS, ...CIB_HANDLERS, ...CONFIGURE_HANDLERS, ...OPTIONS_HANDLERS, ...EDIT_HANDLERS, ...NODE_HANDLERS, ...RESOURCE_HANDLERS, ...STATUS_HANDLERS, ...RA_HANDLERS };

export async function runShellCommand(session: Session, run: NavRun, line: LogicalLine): Promise<boolean> {
  const { cmd, diagnostics } = parseShellCommand(run.level, run.command, line, run.argStart, {
    force: session.opts.force || session.settings.isYes('core.force'),
  });
  if (!session.reportAll(diagnostics) || !cmd) return false;
  const handler = (HANDLERS as Record<string, Handler | undefined>)[cmd.kind];
  if (!handler) {
    const at = line.words[run.argStart - 1]?.at;
    session.report(diag('TCRM0008', 'error', `${cmd.kind}: not implemented by tcrm yet`, at));
    return false;
  }
  return handler(session, cmd, line);
}
