/**
 * The cib level (shadow-and-commit.md §2): shadows are files `shadow.NAME` in the shadow
 * directory, made from the CIB `cib use live` means (a CIB file, or the live cluster through the
 * session's transport); `cib commit` merges the shadow into it (DECISIONS.md: never a blind
 * replace) using the base recorded at `cib new`; a shadow with no known base is a replace,
 * after showing the differences and asking.
 */
import { readFile, readdir, unlink } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { diag } from '../diagnostic.js';
import { commitToFile } from '../commit/file-target.js';
import { readCibFile } from '../commit/cib-file.js';
import { parseXml, serializeDocument } from '../shadow-cib/xml.js';
import { emptyCibXml, fileOrOffline, shadowDir, shadowPath, type CibSource } from './cib-source.js';
import { loadCib, loadLiveCib, sessionLang } from './cib-io.js';
import { commitToLive } from './commit-command.js';
import { LocalTransport } from '../transport/local.js';
import type { Transport } from '../transport/types.js';
import { basename } from 'node:path';
import { patchListing } from '../commit/patch-listing.js';
import { message } from '../messages/catalog.js';
import type { Document } from '../shadow-cib/xml.js';
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
  return fileOrOffline(session.env, session.opts.cwd, Boolean(session.opts.openTransport));
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
    if (live.kind === 'live') return commitShadowToLive(session, name, path, shadow.doc);
    if (!live.path) {
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

  'cib.diff': async (session) => {
    const name = session.source.shadow;
    if (!name || !session.source.path) {
      // crm_shadow's own words on stderr; crmsh ignores its exit status.
      session.notice('No active shadow configuration defined');
      return true;
    }
    const shadow = await readCibFile(session.source.path);
    if (!shadow.doc) return session.reportAll(shadow.diagnostics ?? []);
    const live = await loadCib(session, baseSource(session));
    if (!live) return false;
    const lines = patchListing(live, shadow.doc);
    if (lines.length > 0) session.out.print(lines.join('\n'));
    return true;
  },

  'cib.import': async (session, cmd) => {
    const name = await importShadow(session, cmd.file.text, cmd.name?.text);
    if (!name) return false;
    // crmsh then uses the shadow (with its status).
    await dropTemporaryShadow(session);
    session.source = shadowSource(session, name);
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

/**
 * `cib commit NAME` into the live cluster: merged against the base recorded at `cib new` (the
 * live commit path: re-read, merge, framed patch, confirm); with no known base, the differences
 * are shown and, once confirmed (or -F), the configuration is replaced.
 */
async function commitShadowToLive(session: Session, name: string, path: string, shadow: Document): Promise<boolean> {
  const failed = (): false => {
    session.report(diag('CRM', 'error', `cib.commit: failed to commit the ${name} shadow CIB`));
    return false;
  };
  const base = await readShadowBase(session.env, path);
  let result;
  if (base) {
    result = await commitToLive(session, parseXml(base), shadow, { force: session.opts.force, replace: false });
  } else {
    const live = await loadLiveCib(session);
    if (!live) return failed();
    session.notice(message('TCRM4116', { name }, sessionLang(session)));
    const lines = patchListing(live.doc, shadow);
    if (lines.length > 0) session.out.print(lines.join('\n'));
    if (!(await session.confirm(`The ${name} shadow CIB was not made by tcrm: replace the configuration with it?`))) {
      session.report(diag('TCRM4003', 'error', `cib.commit: ${name} has no known base; use -F to replace the configuration with it`));
      return failed();
    }
    result = await commitToLive(session, live.doc, shadow, { force: session.opts.force, replace: true });
  }
  if (!result.ok) return failed();
  await recordShadowBase(session.env, path, serializeDocument(shadow));
  session.report(diag('CRM', 'info', `cib.commit: committed '${name}' shadow CIB to the cluster`));
  return true;
}

/*
 * `cib import {FILE|NUMBER} [NAME]` (crmsh ui_cib.do_import): a CIB or a scheduler input copied
 * into the shadow NAME (default: the file's name without `.bz2`), which is then used. A FILE is
 * read on this machine; a NUMBER (or name) is looked up in Pacemaker's pe_state_dir — on the
 * node the session talks to when it is remote. bz2 files are unpacked by `bzip2 -dc` (argv).
 * An imported shadow has no live base: committing it asks first, then replaces.
 */
const PE_STATE_DIR = '/var/lib/pacemaker/pengine';

// crmsh's glob order: NAME, NAME.bz2, pe-*-NAME.bz2 — the first pattern that matches wins.
const FIND_PE = 'cd "$1" 2>/dev/null || exit 0; for p in "$2" "$2.bz2"; do [ -e "$p" ] && { echo "$1/$p"; exit 0; }; done; for f in pe-*-"$2".bz2; do [ -e "$f" ] && echo "$1/$f"; done';

async function importShadow(session: Session, infile: string, given?: string): Promise<string | null> {
  const fail = (text: string): null => {
    session.report(diag('CRM', 'error', `cib.import: ${text}`));
    return null;
  };
  let where: Transport;
  let path = infile;
  if (existsSync(infile)) {
    where = new LocalTransport(session.env);
  } else {
    if (infile.includes('/')) return fail(`${infile}: no such file`);
    where = session.opts.openTransport ? await session.cluster() : new LocalTransport(session.env);
    const found = await where.exec(['sh', '-c', FIND_PE, 'tcrm-find-pe', PE_STATE_DIR, infile]);
    const files = found.stdout.split('\n').filter(Boolean);
    if (files.length === 0) return fail(`no ${infile} pe input file`);
    if (files.length > 1) return fail(`more than one ${infile} pe input file: ${files.join(' ')}`);
    path = files[0]!;
  }
  const name = given ?? basename(path).replace('.bz2', '');
  let content: string | null = null;
  if (path.endsWith('.bz2')) {
    const r = await where.exec(['bzip2', '-dc', '--', path]);
    if (r.code === 0) content = r.stdout;
    else session.report(diag('CRM', 'error', `open: ${r.stderr.trim()}`));
  } else if (where instanceof LocalTransport) {
    content = await readFile(path, 'utf8').catch((e: Error) => {
      session.report(diag('CRM', 'error', `open: ${e.message}`));
      return null;
    });
  } else {
    const r = await where.exec(['cat', '--', path]);
    if (r.code === 0) content = r.stdout;
    else session.report(diag('CRM', 'error', `open: ${r.stderr.trim()}`));
  }
  if (content === null) return fail(`Error copying PE file to shadow: ${path} -> ${name}`);
  const target = shadowPath(session.env, name);
  await writeStateFile(target, content);
  await forgetShadowBase(session.env, target);
  return name;
}
