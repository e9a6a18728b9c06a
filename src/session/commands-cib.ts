/**
 * The cib level on file-backed CIBs (shadow-and-commit.md §2): shadows are files
 * `shadow.NAME` in the shadow directory; `cib commit` merges the shadow into the CIB it was made
 * from (DECISIONS.md: never a blind replace) using the base recorded at `cib new`.
 */
import { readdir, unlink } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { diag } from '../diagnostic.js';
import { commitToFile } from '../commit/file-target.js';
import { readCibFile } from '../commit/cib-file.js';
import { parseXml, serializeDocument } from '../shadow-cib/xml.js';
import { emptyCibXml, fileOrOffline, shadowDir, shadowPath, type CibSource } from './cib-source.js';
import { loadCib } from './cib-io.js';
import { writeStateFile } from './files.js';
import { columns } from './columns.js';
import { forgetShadowBase, readShadowBase, recordShadowBase } from './shadow-base.js';
import type { HandlerTable } from './commands.js';
import type { Session } from './session.js';

function shadowSource(session: Session, name: string, temporary = false): CibSource {
  return { kind: 'shadow', label: temporary ? '@tmp@' : name, shadow: name, path: shadowPath(session.env, name) };
}

/** The CIB a shadow is made from and committed to. */
function baseSource(session: Session): CibSource {
  return fileOrOffline(session.env, session.opts.cwd);
}

async function dropTemporaryShadow(session: Session): Promise<void> {
  const src = session.source;
  if (src.kind === 'shadow' && src.label === '@tmp@' && src.path) {
    await unlink(src.path).catch(() => undefined);
    await forgetShadowBase(session.env, src.path);
  }
}

export const CIB_HANDLERS: HandlerTable = {
  'cib.new': async (session, cmd) => {
    const temporary = !cmd.name;
    const name = cmd.name?.text ?? `crmsh_${randomBytes(4).toString('hex')}`;
    const target = shadowSource(session, name, temporary);
    if (existsSync(target.path!) && !cmd.force && !temporary) {
      // crm_shadow's own words, which crmsh lets through.
      session.out.report(diag('CRM', 'error', `cib.new: A shadow instance '${name}' already exists.`));
      session.out.notice('  To prevent accidental destruction of the cluster, the --force flag is required in order to proceed.');
      return false;
    }
    let content: string;
    if (cmd.empty) {
      content = emptyCibXml();
    } else {
      const doc = await loadCib(session, baseSource(session));
      if (!doc) return false;
      content = serializeDocument(doc);
    }
    await writeStateFile(target.path!, content);
    await recordShadowBase(session.env, target.path!, content);
    await dropTemporaryShadow(session);
    session.source = target;
    session.report(diag('CRM', 'info', `cib.new: ${name} shadow CIB created`));
    return true;
  },

  'cib.use': async (session, cmd) => {
    if (cmd.live || !cmd.name) {
      await dropTemporaryShadow(session);
      session.source = baseSource(session);
      return true;
    }
    const target = shadowSource(session, cmd.name.text);
    if (!existsSync(target.path!)) {
      session.report(diag('CRM', 'error', `cib.use: ${cmd.name.text}: no such shadow CIB`, cmd.name.at));
      return false;
    }
    await dropTemporaryShadow(session);
    session.source = target;
    return true;
  },

  'cib.commit': async (session, cmd) => {
    const name = cmd.name?.text ?? session.source.shadow;
    if (!name) {
      session.report(diag('CRM', 'error', 'cib.commit: There is no shadow CIB to commit'));
      return false;
    }
    const path = shadowPath(session.env, name);
    const shadow = await readCibFile(path);
    if (!shadow.doc) {
      session.reportAll(shadow.diagnostics ?? []);
      session.report(diag('CRM', 'error', `cib.commit: failed to commit the ${name} shadow CIB`));
      return false;
    }
    const live = baseSource(session);
    if (!live.path || live.kind === 'live') {
      session.report(diag('CRM', 'error', `cib.commit: failed to commit the ${name} shadow CIB`));
      return false;
    }
    if (live.kind === 'offline') await loadCib(session, live);
    const base = await readShadowBase(session.env, path);
    const loaded = base ? parseXml(base) : await readBaseForBlindCommit(session, live.path, name);
    if (!loaded) return false;
    const result = await commitToFile(live.path, loaded, shadow.doc, { force: session.opts.force });
    if (!session.reportAll(result.diagnostics) || !result.ok) {
      session.report(diag('CRM', 'error', `cib.commit: failed to commit the ${name} shadow CIB`));
      return false;
    }
    // The committed shadow becomes the new base: a second commit only sends later edits.
    await recordShadowBase(session.env, path, serializeDocument(shadow.doc));
    session.report(diag('CRM', 'info', `cib.commit: committed '${name}' shadow CIB to the cluster`));
    return true;
  },

  'cib.list': async (session) => {
    const dir = shadowDir(session.env);
    const names = existsSync(dir)
      ? (await readdir(dir)).filter((f) => f.startsWith('shadow.')).map((f) => f.slice('shadow.'.length)).sort()
      : [];
    if (names.length > 0) session.out.print(columns(names, 80));
    return true;
  },

  'cib.delete': async (session, cmd) => {
    const name = cmd.name.text;
    if (session.source.shadow === name) {
      session.report(diag('CRM', 'error', `cib.delete: ${name} shadow CIB is in use`, cmd.name.at));
      return false;
    }
    const path = shadowPath(session.env, name);
    await unlink(path).catch(() => undefined);
    await forgetShadowBase(session.env, path);
    session.report(diag('CRM', 'info', `cib.delete: ${name} shadow CIB deleted`));
    return true;
  },

  'cib.reset': async (session, cmd) => {
    const name = cmd.name.text;
    const path = shadowPath(session.env, name);
    if (!existsSync(path)) {
      session.report(diag('CRM', 'error', `cib.reset: ${name}: no such shadow CIB`, cmd.name.at));
      return false;
    }
    const doc = await loadCib(session, baseSource(session));
    if (!doc) return false;
    const content = serializeDocument(doc);
    await writeStateFile(path, content);
    await recordShadowBase(session.env, path, content);
    session.report(diag('CRM', 'info', `cib.reset: copied live CIB to ${name}`));
    return true;
  },
};

/**
 * A shadow with no recorded base (made by `crm cib new`) is committed as a replace, after asking
 * (DECISIONS.md): its base is taken to be the CIB as it is now.
 */
async function readBaseForBlindCommit(session: Session, livePath: string, name: string) {
  if (!(await session.confirm(`The ${name} shadow CIB was not made by tcrm: replace the configuration with it?`))) {
    session.report(diag('TCRM4003', 'error', `cib.commit: ${name} has no known base; use -F to replace the configuration with it`));
    return null;
  }
  const live = await readCibFile(livePath);
  if (!live.doc) {
    session.reportAll(live.diagnostics ?? []);
    return null;
  }
  return live.doc;
}
