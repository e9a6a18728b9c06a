/**
 * configure-level commands that are not object statements: show, verify, commit, refresh, and
 * the structural edits (delete, rename, erase, set, modgroup, default-timeouts) and
 * whole-configuration commands (load, save, filter, upgrade, ptest) of issue 10, whose document
 * work lives in src/shadow-cib/edit/.
 */

import type { Selector } from '../grammar/shell-ast.js';
import { checkAtVerify } from '../commit/cluster-checks.js';
import { semanticChecks } from './semantic-checks.js';
import { showConfiguration } from '../shadow-cib/show.js';
import { ConfigureSession } from './configure-session.js';
import { commitConfigure } from './commit-command.js';
import { loadCibWithText } from './cib-io.js';
import type { HandlerTable } from './commands.js';
import type { Session } from './session.js';
import type { Arg } from '../grammar/shell-ast.js';
import { diag, type Position } from '../diagnostic.js';
import { message, languageFrom } from '../messages/catalog.js';
import type { LowerContext } from '../shadow-cib/lower/common.js';
import { deleteObjects } from '../shadow-cib/edit/delete.js';
import { renameObject } from '../shadow-cib/edit/rename.js';
import { eraseConfiguration, eraseNodes } from '../shadow-cib/edit/erase.js';
import { setByPath } from '../shadow-cib/edit/set-path.js';
import { modgroup, oneLine, type ModgroupRequest } from '../shadow-cib/edit/modgroup.js';
import { defaultTimeouts } from '../shadow-cib/edit/default-timeouts.js';
import { parseConfigText } from '../shadow-cib/edit/parse-text.js';
import { statementsFromXml } from '../shadow-cib/edit/parse-xml.js';
import { applyStatements } from '../shadow-cib/edit/apply-text.js';
import { findObjectGlob, objectsOf } from '../shadow-cib/edit/model.js';
import { canDelete, saysRunning, statusIdFor } from '../shadow-cib/edit/running.js';
import { selectObjects } from '../shadow-cib/selectors.js';
import { parseXml, serializeDocument, type Document, type Element } from '../shadow-cib/xml.js';
import { writeFileAtomically } from '../commit/atomic-write.js';
import { readCibFile } from '../commit/cib-file.js';
import { LocalTransport } from '../transport/local.js';
import type { ExecResult, Transport } from '../transport/types.js';
import { agentCatalogFor } from './agent-source.js';
import type { AgentCatalog } from '../agents/types.js';
import { agentsUsedBy } from '../verify/index.js';
import { liveVerifyFindings } from './live-verify.js';
import { clusterOptions } from '../commit/cluster-options.js';
import { vendoredSchemaDir } from '../commit/schema-data.js';
import { columns } from './columns.js';
import { placeInSession } from './finding-positions.js';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

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

/* ---- structural edits and whole-configuration commands (issue 10) ---- */

const lowerCtx = (session: Session): LowerContext => {
  const cfg = session.configure!;
  return { ids: cfg.ids, changed: cfg.changed };
};

/** crmsh's context.fatal_error: the message labelled with the command's qualified name. */
const fatal = (session: Session, command: string, text: string, at?: Position): false => {
  session.report(diag('CRM', 'error', `configure.${command}: ${text}`, at));
  return false;
};

const forceOn = (session: Session): boolean => session.opts.force || session.settings.isYes('core.force');

const EDIT_AND_FILE_HANDLERS: HandlerTable = {
  'configure.delete': async (session, cmd) => {
    const order = loadedOrder(session);
    const ids = cmd.ids.map((a) => a.text);
    const running = await runningResources(session, ids);
    const r = session.configure!.edit((doc) =>
      deleteObjects(doc, ids, lowerCtx(session), {
        ignoreMissing: forceOn(session),
        loadedOrder: order,
        canDelete: (id) => canDelete(doc, id, running.has(id)),
      }),
    );
    session.reportAll(r.diagnostics);
    if (cmd.force && running.size > 0) {
      // crmsh sets target-role=Stopped, commits and waits for the DC before deleting; tcrm says so.
      const ids = [...running].join(' ');
      session.report(diag('TCRM8513', 'info', message('TCRM8513', { ids }, languageFrom(session.env))));
    }
    return r.ok;
  },
  'configure.rename': async (session, cmd) => {
    const order = loadedOrder(session);
    const running = await runningResources(session, [cmd.oldId.text]);
    const r = session.configure!.edit((doc) =>
      renameObject(doc, cmd.oldId.text, cmd.newId.text, lowerCtx(session), {
        lang: languageFrom(session.env),
        loadedOrder: order,
        canRename: (id) => canDelete(doc, id, running.has(id)),
      }),
    );
    session.reportAll(r.diagnostics.map((d) => (d.code === 'TCRM8501' ? { ...d, at: cmd.newId.at } : d)));
    return r.ok;
  },
  'configure.erase': (session, cmd) => {
    const order = loadedOrder(session);
    const r = session.configure!.edit((doc) => (cmd.nodes ? eraseNodes(doc, lowerCtx(session)) : eraseConfiguration(doc, lowerCtx(session), order)));
    session.reportAll(r.diagnostics);
    return r.ok;
  },
  'configure.set': (session, cmd) => {
    const r = session.configure!.edit((doc) => setByPath(doc, cmd.path, cmd.pathArg.text, cmd.value.text, lowerCtx(session)));
    return r.error === undefined ? true : fatal(session, 'set', r.error, cmd.pathArg.at);
  },
  'configure.modgroup': (session, cmd) => {
    const req: ModgroupRequest = { group: cmd.group.text, action: cmd.action, member: cmd.member.text };
    if (cmd.position) req.position = { where: cmd.position.where, ref: cmd.position.ref.text };
    const r = session.configure!.edit((doc) => modgroup(doc, req, lowerCtx(session)));
    if (r.fatal !== undefined) return fatal(session, 'modgroup', r.fatal, cmd.group.at);
    session.reportAll(r.diagnostics);
    return r.ok;
  },
  'configure.default-timeouts': async (session, cmd) => {
    const working = session.configure!.working;
    const catalog = await agentCatalog(session, working);
    const r = session.configure!.edit((doc) => defaultTimeouts(doc, cmd.ids.map((a) => a.text), lowerCtx(session), catalog));
    session.reportAll(r.diagnostics);
    return r.ok;
  },
  'configure.save': async (session, cmd) => {
    const cfg = session.configure!;
    const { text, diagnostics } = showConfiguration(cfg.working, {
      selectors: selectorWords(cmd.selectors),
      xml: cmd.xml,
      changed: cfg.changed,
      sortElements: session.settings.isYes('core.sort_elements'),
      forEdit: true,
    });
    if (!session.reportAll(diagnostics)) return false;
    const file = cmd.file.text;
    if (file === '-') {
      if (text !== '') session.out.print(text);
    } else {
      const path = resolve(session.opts.cwd, file);
      if (session.opts.interactive && existsSync(path) && !(await session.confirm(`File ${file} exists. Do you want to overwrite it?`))) {
        return false;
      }
      try {
        await writeFileAtomically(path, text === '' ? '' : `${text}\n`);
      } catch (e) {
        const reason = e instanceof Error ? e.message : String(e);
        session.report(diag('TCRM8507', 'error', message('TCRM8507', { path: file, reason }, languageFrom(session.env)), cmd.file.at));
        return false;
      }
    }
    // crmsh: an empty result for a non-empty selection is a failure.
    return !(text === '' && cmd.selectors.length > 0);
  },
  'configure.load': async (session, cmd) => {
    const cfg = session.configure!;
    if (cmd.method === 'replace') {
      if (session.opts.interactive && cfg.hasChanges() && !(await session.confirm('This operation will erase all changes. Do you want to proceed?'))) {
        return false;
      }
      // crmsh erases before it even opens the file.
      const order = loadedOrder(session);
      session.reportAll(cfg.edit((doc) => eraseConfiguration(doc, lowerCtx(session), order)).diagnostics);
    }
    const text = await readSource(session, cmd.source);
    if (text === null) return false;
    const parsed = cmd.xml ? statementsFromXml(text, cmd.source.text) : parseConfigText(text, cmd.source.text);
    session.reportAll(parsed.diagnostics);
    if (!parsed.ok) return false;
    const r = cfg.edit((doc) =>
      applyStatements(doc, parsed.statements, lowerCtx(session), {
        remove: cmd.method === 'push',
        method: cmd.method === 'replace' ? 'replace' : 'update',
      }),
    );
    session.reportAll(r.diagnostics);
    return r.ok;
  },
  'configure.filter': async (session, cmd) => {
    const cfg = session.configure!;
    const words = selectorWords(cmd.selectors);
    const all = objectsOf(cfg.working);
    const selection = words.length === 0 ? { objects: all, diagnostics: [] } : selectObjects(all, words, cfg.changed);
    if (!session.reportAll(selection.diagnostics)) return false;
    const { text, diagnostics } = showConfiguration(cfg.working, {
      selectors: words,
      xml: cmd.xml,
      changed: cfg.changed,
      sortElements: session.settings.isYes('core.sort_elements'),
      forEdit: true,
    });
    if (!session.reportAll(diagnostics)) return false;
    const input = cmd.xml ? text : oneObjectPerLine(text);
    const run = await runFilterProgram(session, cmd.program.text, input);
    if (run.stderr !== '') session.notice(run.stderr.replace(/\n$/, ''));
    if (run.code !== 0) return false;
    if (run.stdout === input) return true;
    const parsed = cmd.xml ? statementsFromXml(run.stdout, '<filter>') : parseConfigText(run.stdout, '<filter>');
    session.reportAll(parsed.diagnostics);
    if (!parsed.ok) return false;
    const r = cfg.edit((doc) =>
      applyStatements(doc, parsed.statements, lowerCtx(session), { remove: true, method: 'replace', selection: selection.objects }),
    );
    session.reportAll(r.diagnostics);
    return r.ok;
  },
  'configure.upgrade': async (session, cmd) => {
    const cfg = session.configure!;
    const lang = languageFrom(session.env);
    const schema = cfg.working.documentElement?.getAttribute('validate-with') ?? '';
    // crmsh runs the upgrade only when forced or on a 0.6 schema, and says nothing otherwise.
    if (!(cmd.force || forceOn(session)) && schema !== '' && !/^0[.]6/.test(schema)) return true;
    const source = session.source;
    const env: Record<string, string> = {};
    let transport: Transport;
    if (source.kind === 'live') {
      transport = await session.cluster();
    } else {
      if (!(await toolAvailable(session, 'cibadmin'))) {
        session.report(diag('TCRM8502', 'error', message('TCRM8502', { command: 'upgrade', tool: 'cibadmin' }, lang)));
        return false;
      }
      transport = new LocalTransport(session.env);
      env.CIB_file = source.path!;
    }
    const r = await transport.exec(['cibadmin', '--upgrade', '--force'], { env, timeoutMs: 60_000 });
    if (r.stdout !== '') session.out.print(r.stdout.replace(/\n$/, ''));
    if (r.stderr !== '') session.notice(r.stderr.replace(/\n$/, ''));
    if (r.code !== 0) return false;
    if (source.path) {
      // The target was upgraded in place, as crmsh does; the working copy follows its schema.
      const fresh = await readCibFile(source.path);
      const upgraded = fresh.doc?.documentElement?.getAttribute('validate-with');
      if (upgraded) cfg.edit((doc) => doc.documentElement!.setAttribute('validate-with', upgraded));
    }
    return true;
  },
  'configure.ptest': async (session, cmd) => {
    const lang = languageFrom(session.env);
    if (!(await toolAvailable(session, 'crm_simulate'))) {
      session.report(diag('TCRM8502', 'error', message('TCRM8502', { command: 'simulate', tool: 'crm_simulate' }, lang)));
      return false;
    }
    const working = session.configure!.working;
    const dir = await mkdtemp(join(tmpdir(), 'tcrm-simulate-'));
    try {
      const file = join(dir, 'cib.xml');
      await writeFileAtomically(file, serializeDocument(withStatus(working)));
      const verbosity = cmd.actions ? 'v'.repeat(Math.max(3, cmd.verbosity.length)) : cmd.verbosity;
      const argv = ['crm_simulate', '-x', file, '-S', `-${verbosity.toUpperCase()}`];
      if (cmd.scores) argv.push('-s');
      if (cmd.utilization) argv.push('-U');
      // crmsh runs `2>&1 crm_simulate …`: both streams into one pipe, in the order written. A
      // constant script does the redirection; the arguments stay argv.
      const r = await new LocalTransport(session.env).exec(['sh', '-c', 'exec 2>&1; exec "$@"', 'sh', ...argv], { timeoutMs: 120_000 });
      let out = r.stdout + r.stderr;
      let rc = r.code;
      if (cmd.actions) {
        const lines = out.split('\n').filter((l) => l.includes('LogActions:') && !/(^|\W)Leave(\W|$)/.test(l));
        out = lines.join('\n');
        rc = lines.length === 0 ? 1 : 0;
      }
      if (rc !== 0) {
        session.report(diag('CRM', 'warning', cmd.actions && rc === 1 ? 'No actions found.' : `Simulation was unsuccessful (RC=${rc}).`));
      }
      if (!cmd.nograph) session.report(diag('CRM', 'info', 'install graphviz to see a transition graph'));
      if (out.trim() !== '') session.out.print(out.replace(/\n$/, ''));
      return true;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
  'configure.get_property': (session, cmd) => {
    const doc = session.configure!.working;
    if (cmd.names.length === 0) {
      session.out.print(columns(clusterOptions().map((o) => o.name), 80));
      return true;
    }
    for (const name of cmd.names) {
      const v = propertyValue(doc, name.text) ?? clusterOptions().find((o) => o.name === name.text)?.default ?? undefined;
      if (v !== undefined) session.out.print(cmd.truth ? String(['yes', 'true', 'on', '1'].includes(v.toLowerCase())) : v);
      else if (cmd.truth) session.out.print('false');
      else return fatal(session, 'get_property', `${name.text}: Property not set`, name.at);
    }
    return true;
  },
  'configure.schema': (session, cmd) => {
    const cfg = session.configure!;
    const current = cfg.working.documentElement?.getAttribute('validate-with') ?? '';
    if (cmd.schema === undefined) {
      session.out.print(current);
      return true;
    }
    // crmsh's change_schema; a schema is known when Pacemaker's RelaxNG file for it is bundled.
    const wanted = cmd.schema.text;
    if (wanted === current) {
      session.report(diag('CRM', 'info', `already using schema ${wanted}`));
      return true;
    }
    if (!/^[\w.-]+$/.test(wanted) || !existsSync(join(vendoredSchemaDir(), `${wanted}.rng`))) {
      const path = `/usr/share/pacemaker/${wanted}.rng`;
      session.report(diag('CRM', 'error', `Cannot read schema file '${path}': [Errno 2] No such file or directory: '${path}'`, cmd.schema.at));
      session.report(diag('CRM', 'error', `schema ${wanted} does not exist`, cmd.schema.at));
      return false;
    }
    cfg.edit((doc) => doc.documentElement!.setAttribute('validate-with', wanted));
    return true;
  },
};

export const CONFIGURE_HANDLERS: HandlerTable = {
  ...EDIT_AND_FILE_HANDLERS,
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
    if (text !== '') session.page(text);
    return true;
  },
  'configure.commit': (session, cmd) => commitConfigure(session, { force: cmd.force, replace: cmd.replace }),
  'configure.verify': async (session) => {
    const working = session.configure!.working;
    const cluster = checkAtVerify(working);
    session.reportAll(placeInSession(cluster.lines, session.configure, working));
    const checks = await semanticChecks(session, working, {});
    session.reportAll(checks.diagnostics);
    // the real crm_verify on the live CIB or with --live: only what the emulation did not say
    const real = await liveVerifyFindings(session, working, cluster.lines);
    if (real) session.reportAll(real.diagnostics);
    return cluster.ok && checks.worst < 2 && !real?.blocking;
  },
  'configure.refresh': async (session) => {
    const cfg = session.configure!;
    if (cfg.hasChanges() && session.opts.interactive && !(await session.confirm('All changes will be dropped. Do you want to proceed?'))) {
      return true;
    }
    const loaded = await loadCibWithText(session, session.source);
    if (!loaded) return false;
    session.adoptConfigure(new ConfigureSession(loaded.doc, loaded.text));
    return true;
  },
};

/** crmsh's get_property: the first value of the name in the cluster property sets. */
function propertyValue(doc: Document, name: string): string | undefined {
  for (const o of objectsOf(doc).filter((x) => x.kind === 'property')) {
    for (const nv of Array.from(o.el.getElementsByTagName('nvpair'))) {
      if (nv.getAttribute('name') === name && nv.hasAttribute('value')) return nv.getAttribute('value')!;
    }
  }
  return undefined;
}

/**
 * On the live CIB, which of these resources run (crmsh asks `crm_resource -W -r ID` of each,
 * the clone's id for a cloned one); none elsewhere. Ids are passed as argv, never in a string.
 */
async function runningResources(session: Session, ids: string[]): Promise<Set<string>> {
  const out = new Set<string>();
  if (session.source.kind !== 'live') return out;
  const doc = session.configure!.working;
  const transport = await session.cluster();
  for (const typed of ids) {
    const id = findObjectGlob(doc, typed)?.id;
    const statusId = id === undefined ? undefined : statusIdFor(doc, id);
    if (id === undefined || statusId === undefined) continue;
    const r = await transport.exec(['crm_resource', '-W', '-r', statusId], { timeoutMs: 30_000 });
    if (saysRunning(r.stdout)) out.add(id);
  }
  return out;
}

/** The ids of the objects of the CIB as loaded, in crmsh's load order. */
function loadedOrder(session: Session): string[] {
  return objectsOf(session.configure!.loaded).map((o) => o.id);
}

/** The selected objects' text, one object per line (crmsh's repr with format_mode=-1). */
function oneObjectPerLine(text: string): string {
  return text === '' ? '' : `${oneLine(text)}\n`;
}

/** A copy of the working CIB with a status section (crm_simulate needs one). */
function withStatus(doc: Document): Document {
  const copy = parseXml(serializeDocument(doc));
  const root = copy.documentElement!;
  if (!Array.from(root.childNodes).some((n) => (n as Element).tagName === 'status')) root.appendChild(copy.createElement('status'));
  return copy;
}

async function toolAvailable(session: Session, tool: string): Promise<boolean> {
  for (const dir of (session.env.PATH ?? '/usr/sbin:/usr/bin:/sbin:/bin').split(':')) {
    if (dir !== '' && existsSync(join(dir, tool))) return true;
  }
  return false;
}

/**
 * Runs the user's filter program as crmsh does (`sh -c PROGRAM`, the objects on stdin) in the
 * session's directory. The script is a constant; the directory and the program are passed as
 * positional parameters (data), and no id ever goes into a command line.
 */
function runFilterProgram(session: Session, program: string, input: string): Promise<ExecResult> {
  const script = 'cd -- "$1" || exit 127; exec sh -c "$2"';
  return new LocalTransport(session.env).exec(['sh', '-c', script, 'sh', session.opts.cwd, program], { stdin: input, timeoutMs: 600_000 });
}

/** The text of a `load` source (a file, relative to the session's directory), or null after an error. */
async function readSource(session: Session, source: Arg): Promise<string | null> {
  const lang = languageFrom(session.env);
  if (source.text === '-') {
    const text = await session.takeStdin();
    if (text === null) session.report(diag('TCRM8512', 'error', message('TCRM8512', {}, lang), source.at));
    return text;
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(source.text)) {
    session.report(diag('TCRM8506', 'error', message('TCRM8506', { url: source.text }, lang), source.at));
    return null;
  }
  try {
    return await readFile(resolve(session.opts.cwd, source.text), 'utf8');
  } catch (e) {
    session.report(diag('CRM', 'error', `could not open ${source.text}: ${pythonIoError(e, source.text)}`, source.at));
    return null;
  }
}

/** Python's str() of the IOError crmsh prints (`[Errno 2] No such file or directory: 'x'`). */
function pythonIoError(e: unknown, path: string): string {
  const code = (e as NodeJS.ErrnoException).code;
  const known: Record<string, [number, string]> = {
    ENOENT: [2, 'No such file or directory'],
    EACCES: [13, 'Permission denied'],
    EISDIR: [21, 'Is a directory'],
    ENOTDIR: [20, 'Not a directory'],
  };
  const k = code ? known[code] : undefined;
  return k ? `[Errno ${k[0]}] ${k[1]}: '${path}'` : e instanceof Error ? e.message : String(e);
}

function agentCatalog(session: Session, doc: Document): Promise<AgentCatalog> {
  return agentCatalogFor(session, agentsUsedBy(doc));
}
