/**
 * Arguments of configure's non-object commands (show, edit, commit, delete, load, set, …).
 * Object commands (primitive, location, …) are parse-configure.ts's job; the dispatcher only
 * recognises them. Checks that need the CIB (does the object exist, is it a group) are left to
 * the engine; the error texts below are crmsh 4.4.1's, checked with `crm -f`.
 */
import type { Arg, LoadMethod, ObjectSelection, Selector, SetPath, ShellCommand } from './shell-ast.js';
import type { ArgContext } from './shell-context.js';
import type { CommandParser } from './shell-cmd-root.js';

/** crmsh's mkset_obj words: `xml` only counts as the first word. */
export function parseSelection(args: Arg[]): ObjectSelection {
  const xml = args.length > 0 && args[0].text === 'xml';
  const selectors: Selector[] = (xml ? args.slice(1) : args).map(selectorOf);
  return { xml, selectors };
}

const PREFIXED = ['type', 'tag', 'related', 'obscure'] as const;

function selectorOf(arg: Arg): Selector {
  if (arg.text === 'changed') return { kind: 'changed', at: arg.at };
  if (arg.text === 'and' || arg.text === 'or') return { kind: arg.text, at: arg.at };
  for (const p of PREFIXED) {
    if (arg.text.startsWith(`${p}:`)) return { kind: p, value: { text: arg.text.slice(p.length + 1), at: arg.at } };
  }
  return { kind: 'id', pattern: arg };
}

const LOAD_METHODS: LoadMethod[] = ['replace', 'update', 'push'];

/** Graph types crmsh can draw (crm_gv.gv_types). */
const GRAPH_TYPES = ['dot'];

export const CONFIGURE_PARSERS: Record<string, CommandParser> = {
  show: (ctx) => ({ kind: 'configure.show', ...parseSelection(ctx.args) }),
  edit: (ctx) => ({ kind: 'configure.edit', ...parseSelection(ctx.args) }),
  filter: (ctx) => ({ kind: 'configure.filter', program: ctx.args[0], ...parseSelection(ctx.args.slice(1)) }),
  save: (ctx) => {
    if (ctx.args.length === 0) return ctx.fail('Expected 1 argument (0 given)');
    const file = ctx.args[ctx.args.length - 1];
    return { kind: 'configure.save', file, ...parseSelection(ctx.args.slice(0, -1)) };
  },
  load: parseLoad,
  verify: () => ({ kind: 'configure.verify' }),
  refresh: () => ({ kind: 'configure.refresh' }),
  commit: (ctx) => {
    for (const a of ctx.args) {
      if (a.text !== 'force' && a.text !== 'replace') return ctx.plain(`syntax parsing 'configure.commit ${a.text}'`, a.at);
    }
    return { kind: 'configure.commit', force: ctx.texts.includes('force'), replace: ctx.texts.includes('replace') };
  },
  delete: (ctx) => {
    const isForce = (a: Arg): boolean => a.text === '-f' || a.text === '--force';
    return { kind: 'configure.delete', force: ctx.args.some(isForce), ids: ctx.args.filter((a) => !isForce(a)) };
  },
  rename: (ctx) => ({ kind: 'configure.rename', oldId: ctx.args[0], newId: ctx.args[1] }),
  erase: (ctx) => {
    const [nodes] = ctx.args;
    if (nodes && nodes.text !== 'nodes') return ctx.fail(`Expected 'nodes' (found '${nodes.text}')`, nodes.at);
    return { kind: 'configure.erase', nodes: !!nodes };
  },
  set: (ctx) => {
    const [pathArg, value] = ctx.args;
    const parts = pathArg.text.split('.');
    if (parts.length < 2 || parts.length > 4) {
      return ctx.fail(`Invalid path: "${pathArg.text}"; Valid path: "id.[op_type.][interval.]name"`, pathArg.at);
    }
    const path: SetPath = { id: parts[0], name: parts[parts.length - 1] };
    if (parts.length >= 3) path.op = parts[1];
    if (parts.length === 4) path.interval = parts[2];
    return { kind: 'configure.set', path, pathArg, value };
  },
  modgroup: parseModgroup,
  'default-timeouts': (ctx) => ({ kind: 'configure.default-timeouts', ids: ctx.args }),
  get_property: (ctx) => {
    const isTruth = (a: Arg): boolean => a.text === '-t' || a.text === '--true';
    return { kind: 'configure.get_property', truth: ctx.args.some(isTruth), names: ctx.args.filter((a) => !isTruth(a)) };
  },
  schema: (ctx) => (ctx.args[0] && ctx.args[0].text !== '' ? { kind: 'configure.schema', schema: ctx.args[0] } : { kind: 'configure.schema' }),
  upgrade: (ctx) => {
    const [force] = ctx.args;
    if (force && force.text !== '' && force.text !== 'force') return ctx.fail("Expected 'force' or no argument", force.at);
    return { kind: 'configure.upgrade', force: !!force && force.text === 'force' };
  },
  ptest: parsePtest,
  graph: parseGraph,
  'validate-all': (ctx) => ({ kind: 'configure.validate-all', rsc: ctx.args[0] }),
  rsctest: (ctx) => {
    if (ctx.args.length === 0) return ctx.plain('specify at least one resource');
    return { kind: 'configure.rsctest', words: ctx.args };
  },
};

function parseLoad(ctx: ArgContext): ShellCommand | null {
  const args = ctx.args;
  if (args.length < 2) return ctx.fail('Expected 2 arguments (0 given)');
  const xml = args[0].text === 'xml';
  const expected = xml ? 3 : 2;
  if (args.length !== expected) return ctx.fail(`Expected ${expected} arguments (${args.length} given)`);
  const methodArg = args[expected - 2];
  const method = LOAD_METHODS.find((m) => m === methodArg.text);
  if (!method) return ctx.fail(`Unknown method ${methodArg.text}`, methodArg.at);
  return { kind: 'configure.load', xml, method, source: args[expected - 1] };
}

function parseModgroup(ctx: ArgContext): ShellCommand | null {
  const [group, sub, member, ...rest] = ctx.args;
  if (sub.text !== 'add' && sub.text !== 'remove') return ctx.plain(`modgroup subcommand ${sub.text} unknown`, sub.at);
  const cmd: ShellCommand = { kind: 'configure.modgroup', group, action: sub.text, member };
  if (rest.length === 0) return cmd;
  if (sub.text !== 'add') return ctx.fail(`Expected add (found ${sub.text})`, sub.at);
  const where = rest[0].text;
  if (where !== 'after' && where !== 'before') return ctx.fail(`Expected after|before (found ${where})`, rest[0].at);
  if (rest.length !== 2) return ctx.fail(`Expected 'after|before <id>' (${rest.length} arguments given)`, rest[0].at);
  cmd.position = { where, ref: rest[1] };
  return cmd;
}

function parsePtest(ctx: ArgContext): ShellCommand | null {
  const cmd = { kind: 'configure.ptest' as const, nograph: false, scores: false, utilization: false, actions: false, verbosity: 'vv' };
  for (const a of ctx.texts) {
    if (a === 'nograph') cmd.nograph = true;
    else if (a === 'scores') cmd.scores = true;
    else if (a === 'utilization') cmd.utilization = true;
    else if (a === 'actions') cmd.actions = true;
    else if (/^v+$/.test(a)) cmd.verbosity = a;
    else return ctx.plain(`Bad usage: '${ctx.name} ${ctx.texts.join(' ')}'`);
  }
  return cmd;
}

function parseGraph(ctx: ArgContext): ShellCommand | null {
  const [type, file, format] = ctx.args;
  if (type && type.text === 'exportsettings') return { kind: 'configure.graph', exportSettings: true };
  const gtype = type ? type.text : 'dot';
  if (!GRAPH_TYPES.includes(gtype)) {
    ctx.plain(`graph type ${gtype} is not supported`, type?.at);
    return ctx.fail('Failed to create graph');
  }
  if (file && !ctx.sanePath(file)) return ctx.fail('Failed to create graph');
  const cmd: ShellCommand = { kind: 'configure.graph', exportSettings: false, type: gtype, format: format ? format.text : gtype };
  if (file) cmd.file = file;
  return cmd;
}
