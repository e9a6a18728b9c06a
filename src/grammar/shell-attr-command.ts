/**
 * The `<target> set|delete|show <name> [<value>]` commands (node attribute/utilization/
 * status-attr, resource param/meta/utilization/secret/failcount) share crmsh's checks and texts:
 *   `Bad usage: 'foo', command: 'param r foo ip'`                  (a word crmsh has no entry for)
 *   `Bad usage: Unknown command 'get', command: 'param r get ip'`  (an entry it cannot run)
 *   `Bad usage: Missing value argument to set, command: '…'`
 *   `Bad usage: Too many arguments to show, command: '…'`
 *   `x'y: bad name` + `Bad usage: Expected valid name, got 'x'y', command: '…'`
 */
import type { Arg } from './shell-ast.js';
import type { ArgContext } from './shell-context.js';

export interface AttrCommandTable {
  /** Subcommands crmsh has a tool command for. */
  known: readonly string[];
  /** Of those, the ones that take no value (besides delete and show). */
  valueless?: readonly string[];
}

export interface AttrCommandWords {
  target: Arg;
  action: string;
  name: Arg;
  value?: Arg;
}

/** Python's repr of a str, which crmsh prints for unknown subcommands. */
export function pyRepr(s: string): string {
  if (s.includes("'") && !s.includes('"')) return `"${s}"`;
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

export function parseAttrCommand(ctx: ArgContext, table: AttrCommandTable): AttrCommandWords | null {
  const [target, actionArg, name, value] = ctx.args;
  const action = actionArg.text;
  const cmdline = [target.text, action, name.text, ...(value ? [value.text] : [])].join(' ');
  const badUsage = (msg: string): null => ctx.plain(`Bad usage: ${msg}, command: '${ctx.name} ${cmdline}'`, actionArg.at);
  const sane = (arg: Arg): boolean => {
    if (!arg.text.includes("'")) return true;
    ctx.plain(`${arg.text}: bad name`, arg.at);
    badUsage(`Expected valid name, got '${arg.text}'`);
    return false;
  };

  if (!table.known.includes(action)) return badUsage(pyRepr(action));
  const words: AttrCommandWords = { target, action, name };
  if (action === 'set') {
    if (!value) return badUsage('Missing value argument to set');
    if (!sane(target) || !sane(name) || !sane(value)) return null;
    words.value = value;
    return words;
  }
  if (action === 'delete' || action === 'show' || table.valueless?.includes(action)) {
    if (value) return badUsage(`Too many arguments to ${action}`);
    if (!sane(target) || !sane(name)) return null;
    return words;
  }
  return badUsage(`Unknown command ${pyRepr(action)}`);
}
