/**
 * Arguments of the commands every level has (help, ls, cd, up, quit) and of the root's own
 * status and verify.
 */
import type { ShellCommand } from './shell-ast.js';
import type { ArgContext } from './shell-context.js';

export type CommandParser = (ctx: ArgContext) => ShellCommand | null;

/** crm_mon options for `status` words; other words reach crm_mon unchanged. */
const CRM_MON_OPTIONS: Record<string, string> = {
  bynode: '-n',
  inactive: '-r',
  ops: '-o',
  timing: '-t',
  failcounts: '-f',
  verbose: '-V',
  quiet: '-Q',
  html: '--as-html',
  xml: '--as-xml',
  simple: '-s',
  tickets: '-c',
  noheaders: '-D',
  detail: '-R',
  brief: '-b',
  full: '-ncrft',
};

export const COMMON_PARSERS: Record<string, CommandParser> = {
  help: (ctx) => {
    const [topic, subtopic] = ctx.texts;
    const cmd: ShellCommand = { kind: 'help' };
    if (topic !== undefined) cmd.topic = topic;
    if (subtopic !== undefined) cmd.subtopic = subtopic;
    return cmd;
  },
  ls: () => ({ kind: 'ls' }),
  cd: (ctx) => ({ kind: 'cd', target: ctx.texts[0] ?? '..' }),
  up: () => ({ kind: 'up' }),
  quit: () => ({ kind: 'quit' }),
};

export const ROOT_PARSERS: Record<string, CommandParser> = {
  status: (ctx) => {
    const options = ctx.texts;
    const crmMonArgs = options.length === 0 ? ['-r'] : options.map((o) => CRM_MON_OPTIONS[o] ?? o);
    return { kind: 'root.status', options, crmMonArgs };
  },
  verify: (ctx) => ({ kind: 'root.verify', scores: ctx.texts.includes('scores') }),
};
