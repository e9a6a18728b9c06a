/**
 * Arguments of the resource level. What needs the CIB stays with the engine: whether a word
 * after `move r` is a node or a lifetime, whether the resource exists or is promotable.
 */
import type { Arg, AttrAction, SecretAction, ShellCommand } from './shell-ast.js';
import type { ArgContext } from './shell-context.js';
import { takeTrailing } from './shell-context.js';
import { parseAttrCommand } from './shell-attr-command.js';
import type { CommandParser } from './shell-cmd-root.js';

function resourceList(kind: 'resource.locate' | 'resource.start' | 'resource.stop'): CommandParser {
  return (ctx) => {
    if (ctx.args.length === 0) return ctx.fail('Expected at least one resource as argument');
    return { kind, resources: ctx.args };
  };
}

function oneResource(kind: 'resource.promote' | 'resource.demote' | 'resource.manage' | 'resource.unmanage' | 'resource.clear'): CommandParser {
  return (ctx) => {
    const rsc = ctx.args[0];
    // manage/unmanage check the name only when they commit; the message is the same.
    return ctx.saneName(rsc) ? { kind, rsc } : null;
  };
}

function moveOrBan(kind: 'resource.move' | 'resource.ban'): CommandParser {
  return (ctx) => {
    const [rsc, ...rest] = ctx.args;
    if (!ctx.saneName(rsc)) return null;
    const force = takeTrailing(rest, ['force']).length > 0 || !!ctx.options.force;
    if (rest.length >= 3) return ctx.fail(`usage: ${ctx.name} <rsc> [<node>] [<lifetime>] [force]`);
    if (kind === 'resource.move' && rest.length === 0 && !force) {
      return ctx.fail("No target node: Move requires either a target node or 'force'");
    }
    return { kind, rsc, rest, force };
  };
}

function cleanupOrRefresh(kind: 'resource.cleanup' | 'resource.refresh'): CommandParser {
  return (ctx) => {
    // crmsh: a third word of any kind means force; `force` in first or second place too.
    const isForce = (a: Arg | undefined): boolean => a?.text === 'force';
    const force = ctx.args.length >= 3 || isForce(ctx.args[0]) || isForce(ctx.args[1]);
    const rsc = isForce(ctx.args[0]) ? undefined : ctx.args[0];
    const node = isForce(ctx.args[1]) ? undefined : ctx.args[1];
    if (rsc && !ctx.saneName(rsc)) return null;
    if (node && !ctx.saneName(node)) return null;
    const cmd: ShellCommand = { kind, force };
    if (rsc) cmd.rsc = rsc;
    if (node) cmd.node = node;
    return cmd;
  };
}

function attrCommand(kind: 'resource.param' | 'resource.meta' | 'resource.utilization'): CommandParser {
  return (ctx) => {
    const w = parseAttrCommand(ctx, { known: ['set', 'delete', 'show', 'get'] });
    if (!w) return null;
    const cmd: ShellCommand = { kind, rsc: w.target, action: w.action as AttrAction, name: w.name };
    if (w.value) cmd.value = w.value;
    return cmd;
  };
}

const FAILCOUNT_ACTIONS = ['set', 'delete', 'show'];

export const RESOURCE_PARSERS: Record<string, CommandParser> = {
  status: (ctx) => {
    for (const r of ctx.args) if (!ctx.saneName(r)) return null;
    return { kind: 'resource.status', resources: ctx.args };
  },
  locate: resourceList('resource.locate'),
  start: resourceList('resource.start'),
  stop: resourceList('resource.stop'),
  restart: (ctx) => ({ kind: 'resource.restart', resources: ctx.args }),
  promote: oneResource('resource.promote'),
  demote: oneResource('resource.demote'),
  manage: oneResource('resource.manage'),
  unmanage: oneResource('resource.unmanage'),
  clear: oneResource('resource.clear'),
  maintenance: (ctx) => {
    const [rsc, onOff] = ctx.args;
    const value = (onOff?.text ?? 'true').toLowerCase();
    if (!['on', 'true', 'off', 'false'].includes(value)) return ctx.fail('Expected <resource> [on|off|true|false]', onOff?.at);
    return { kind: 'resource.maintenance', rsc, on: value === 'on' || value === 'true' };
  },
  move: moveOrBan('resource.move'),
  ban: moveOrBan('resource.ban'),
  cleanup: cleanupOrRefresh('resource.cleanup'),
  refresh: cleanupOrRefresh('resource.refresh'),
  operations: (ctx) => {
    const [rsc, node] = ctx.args;
    const cmd: ShellCommand = { kind: 'resource.operations' };
    if (rsc) cmd.rsc = rsc;
    if (node) cmd.node = node;
    return cmd;
  },
  constraints: (ctx) => ({ kind: 'resource.constraints', rsc: ctx.args[0] }),
  failcount: parseFailcount,
  param: attrCommand('resource.param'),
  meta: attrCommand('resource.meta'),
  utilization: attrCommand('resource.utilization'),
  secret: (ctx) => {
    const w = parseAttrCommand(ctx, {
      known: ['set', 'stash', 'unstash', 'delete', 'show', 'get', 'check'],
      valueless: ['stash', 'unstash', 'check'],
    });
    if (!w) return null;
    const cmd: ShellCommand = { kind: 'resource.secret', rsc: w.target, action: w.action as SecretAction, name: w.name };
    if (w.value) cmd.value = w.value;
    return cmd;
  },
  trace: parseTrace,
  untrace: (ctx) => {
    const [, op, interval] = ctx.texts;
    const cmd: ShellCommand = { kind: 'resource.untrace', rsc: ctx.args[0] };
    if (op === 'probe') {
      cmd.op = 'monitor';
      cmd.interval = interval ?? '0';
    } else {
      if (op !== undefined) cmd.op = op;
      if (interval !== undefined) cmd.interval = interval;
    }
    return cmd;
  },
  scores: () => ({ kind: 'resource.scores' }),
};

function parseFailcount(ctx: ArgContext): ShellCommand | null {
  const [rsc, action, node, value, operation, interval] = ctx.args;
  // crmsh first warns `Resource r not exists in this cluster` when the CIB lacks it (engine).
  if (!FAILCOUNT_ACTIONS.includes(action.text)) {
    return ctx.fail(`${action.text} is not valid command(should be one of ['set', 'delete', 'show'])`, action.at);
  }
  if (action.text === 'set' && !value) {
    return ctx.plain(`Bad usage: Missing value argument to set, command: 'failcount ${rsc.text} set ${node.text}'`, action.at);
  }
  if (action.text !== 'set' && value) {
    return ctx.plain(
      `Bad usage: Too many arguments to ${action.text}, command: 'failcount ${rsc.text} ${action.text} ${node.text} ${value.text}'`,
      action.at,
    );
  }
  const cmd: ShellCommand = { kind: 'resource.failcount', rsc, action: action.text as AttrAction, node };
  if (value) cmd.value = value;
  if (operation) cmd.operation = operation;
  if (interval) cmd.interval = interval;
  return cmd;
}

function parseTrace(ctx: ArgContext): ShellCommand | null {
  const [rsc, ...rest] = ctx.args;
  // crmsh looks the resource up first (`resource r does not exist`): the engine does that.
  const force = takeTrailing(rest, ['force']).length > 0 || !!ctx.options.force;
  const usage = 'usage: trace <rsc> [<op>] [<interval>] [<log-dir>]';
  if (rest.length > 3) return ctx.fail(usage);
  let op: string | undefined;
  let interval: string | undefined;
  let dir: string | undefined;
  for (const a of rest) {
    if (a.text.startsWith('/')) {
      if (dir !== undefined) return ctx.fail(usage);
      dir = a.text;
    } else if (/^[0-9]+$/.test(a.text)) {
      if (interval !== undefined) return ctx.fail(usage);
      interval = a.text;
    } else {
      if (op !== undefined) return ctx.fail(usage);
      op = a.text;
    }
  }
  if (op === 'probe') {
    op = 'monitor';
    interval ??= '0';
  }
  const cmd: ShellCommand = { kind: 'resource.trace', rsc, force };
  if (op !== undefined) cmd.op = op;
  if (interval !== undefined) cmd.interval = interval;
  if (dir !== undefined) cmd.dir = dir;
  return cmd;
}
