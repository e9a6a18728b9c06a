/**
 * Arguments of the ra level. Which classes, providers and agents exist is the engine's question
 * (`class foo does not exist`, `got no meta-data, does this RA exist?`).
 */
import type { AgentSpec, ShellCommand } from './shell-ast.js';
import type { CommandParser } from './shell-cmd-root.js';

/** Daemons whose option metadata `ra info` prints (crmsh's meta_progs and meta_progs_20). */
export const META_DAEMONS = [
  'crmd', 'pengine', 'stonithd', 'cib',
  'pacemaker-controld', 'pacemaker-schedulerd', 'pacemaker-fenced', 'pacemaker-based',
];

/** `[class:[provider:]]type` as written; crmsh gives up on more than three parts. */
export function parseAgentSpec(text: string): AgentSpec {
  if (META_DAEMONS.includes(text)) return { kind: 'daemon', name: text };
  const parts = text.split(':');
  if (parts.length === 3) return { kind: 'agent', class: parts[0], provider: parts[1], type: parts[2], text };
  if (parts.length === 2) return { kind: 'agent', class: parts[0], type: parts[1], text };
  if (parts.length === 1) return { kind: 'agent', type: parts[0], text };
  return { kind: 'agent', class: '', provider: '', type: '', text };
}

export const RA_PARSERS: Record<string, CommandParser> = {
  classes: () => ({ kind: 'ra.classes' }),
  list: (ctx) => (ctx.args[1] ? { kind: 'ra.list', class: ctx.args[0], provider: ctx.args[1] } : { kind: 'ra.list', class: ctx.args[0] }),
  providers: (ctx) => ({ kind: 'ra.providers', type: ctx.args[0], class: ctx.args[1]?.text ?? 'ocf' }),
  info: (ctx) => {
    const t = ctx.texts;
    if (t.length === 0) return ctx.fail('Expected [<class>:[<provider>:]]<type>');
    if (t.length > 1) {
      // The old form `info <type> <class> [<provider>]`.
      const text = `${t[1]}:${t[2] ?? 'heartbeat'}:${t[0]}`;
      return { kind: 'ra.info', agent: { kind: 'agent', class: t[1], provider: t[2] ?? 'heartbeat', type: t[0], text } };
    }
    return { kind: 'ra.info', agent: parseAgentSpec(t[0]) };
  },
  validate: (ctx) => {
    const [agent, ...rest] = ctx.args;
    const params: Array<{ name: string; value: string }> = [];
    for (let i = 0; i < rest.length; i++) {
      const eq = rest[i].text.indexOf('=');
      // Python's dict() message for a `name` without `=`.
      if (eq < 0) return ctx.fail(`dictionary update sequence element #${i} has length 1; 2 is required`, rest[i].at);
      params.push({ name: rest[i].text.slice(0, eq), value: rest[i].text.slice(eq + 1) });
    }
    const cmd: ShellCommand = { kind: 'ra.validate', agent, params };
    return cmd;
  },
};
