/**
 * Arguments of the node level. Whether a node is a cluster member (`Node "x" is not a cluster
 * node`) is the engine's check; only the word rules are here.
 */
import type { Arg, AttrAction, ShellCommand } from './shell-ast.js';
import type { ArgContext } from './shell-context.js';
import { parseAttrCommand } from './shell-attr-command.js';
import type { CommandParser } from './shell-cmd-root.js';

const LIFETIMES = ['reboot', 'forever'];

function optionalNode(ctx: ArgContext): { node?: Arg } | null {
  const [node] = ctx.args;
  if (!node) return {};
  return ctx.saneName(node) ? { node } : null;
}

/** argparse accepts any unambiguous prefix of a long option: `--al` is `--all`, `--he` is `--help`. */
const isLongOption = (word: string, option: string): boolean => word.length > 2 && option.startsWith(word) && word.startsWith('--');

/**
 * standby/online: `--all` or node names; other words (even `--bogus`) count as node names.
 * `-h`/`--help` make crmsh print the command's usage and fail: we ask for the command's help.
 */
function parseNodeList(ctx: ArgContext, args: Arg[]): { nodes: Arg[]; all: boolean } | 'help' | null {
  if (args.some((a) => a.text === '-h' || isLongOption(a.text, '--help'))) return 'help';
  const isAll = (a: Arg): boolean => isLongOption(a.text, '--all');
  const all = args.some(isAll);
  const nodes = args.filter((a) => !isAll(a));
  if (all && nodes.length > 0) return ctx.fail('Should either use --all or specific node(s)');
  return { nodes, all };
}

function attrCommand(kind: 'node.attribute' | 'node.utilization' | 'node.status-attr'): CommandParser {
  return (ctx) => {
    const w = parseAttrCommand(ctx, { known: ['set', 'delete', 'show'] });
    if (!w) return null;
    const cmd: ShellCommand = { kind, node: w.target, action: w.action as AttrAction, name: w.name };
    if (w.value) cmd.value = w.value;
    return cmd;
  };
}

export const NODE_PARSERS: Record<string, CommandParser> = {
  show: (ctx) => (ctx.args[0] ? { kind: 'node.show', node: ctx.args[0] } : { kind: 'node.show' }),
  standby: (ctx) => {
    const args = [...ctx.args];
    const last = args[args.length - 1];
    let lifetime: 'forever' | 'reboot' = 'forever';
    if (last && LIFETIMES.includes(last.text)) {
      lifetime = last.text as 'forever' | 'reboot';
      args.pop();
    }
    const list = parseNodeList(ctx, args);
    if (list === 'help') return { kind: 'help', topic: 'standby' };
    return list && { kind: 'node.standby', ...list, lifetime };
  },
  online: (ctx) => {
    const list = parseNodeList(ctx, ctx.args);
    if (list === 'help') return { kind: 'help', topic: 'online' };
    return list && { kind: 'node.online', ...list };
  },
  maintenance: (ctx) => {
    const n = optionalNode(ctx);
    return n && { kind: 'node.maintenance', ...n };
  },
  ready: (ctx) => {
    const n = optionalNode(ctx);
    return n && { kind: 'node.ready', ...n };
  },
  clearstate: (ctx) => {
    const n = optionalNode(ctx);
    return n && { kind: 'node.clearstate', ...n };
  },
  fence: (ctx) => (ctx.saneName(ctx.args[0]) ? { kind: 'node.fence', node: ctx.args[0] } : null),
  delete: (ctx) => ({ kind: 'node.delete', node: ctx.args[0] }),
  server: (ctx) => ({ kind: 'node.server', nodes: ctx.args }),
  attribute: attrCommand('node.attribute'),
  utilization: attrCommand('node.utilization'),
  'status-attr': attrCommand('node.status-attr'),
};
