/**
 * Committing to the live CIB (DECISIONS.md "Which CIB, and how a commit applies"):
 * 1. one framed exec (framed.ts) of `cibadmin --patch` with our patch (patch.ts) from the CIB
 *    the session loaded to the working one — or `--replace --scope configuration`;
 * 2. the patch carries the version it was made from (admin_epoch and epoch), so cibadmin
 *    applies it only to exactly that CIB: a CIB that moved answers 103, and then tcrm re-reads
 *    it, merges object by object (merge.ts; the same object changed on both sides is refused
 *    unless forced) and sends a patch from what it read, again versioned. This is the re-read
 *    of DECISIONS.md's commit table with the check done atomically by cibadmin (a versionless
 *    patch, as crm_diff --no-version makes, would be applied over a change to the same object
 *    made between a read and the apply), and it saves a round trip when nothing moved;
 * 3. re-read and confirm: the epoch moved and the CIB holds the intended configuration.
 * A connection lost during the apply leaves the outcome
 * unknown: reconnect, re-read, decide from the configuration whether it landed, then retry once
 * or report which state the CIB is in.
 */
import { diag, type Diagnostic } from '../diagnostic.js';
import { message, type Lang } from '../messages/catalog.js';
import { canonicalConfiguration, configurationOf, type Document } from '../shadow-cib/xml.js';
import { TransportError, type Transport } from '../transport/types.js';
import { isFramingFailure, runFramed, type FramedMode } from './framed.js';
import { cibadminMeaning, cibadminStderr, framingReason } from './live-errors.js';
import { holdsConfiguration } from './live-confirm.js';
import { readLiveCib, sameConfigVersion, versionOf, type LiveExecOptions } from './live-read.js';
import { conflictDiagnostic, mergeConfigurations, type Conflict } from './merge.js';
import { compactXml, createPatch } from './patch.js';

export interface LiveCommitOptions extends LiveExecOptions {
  force: boolean;
  replace: boolean;
  /** A fresh transport after a dropped connection (the session drops the old one first). */
  reconnect: () => Promise<Transport>;
  /** Test hook: change the bytes sent for the apply (a cut stream). */
  mangleStdin?: (stdin: Buffer, attempt: number) => Buffer;
  /** Test hook: called just before the framed apply is sent. */
  beforeApply?: (attempt: number) => Promise<void> | void;
}

export type LiveOutcome = 'applied' | 'not-applied' | 'changed-by-other' | 'unknown';

export interface LiveCommitResult {
  ok: boolean;
  diagnostics: Diagnostic[];
  conflicts: Conflict[];
  /** The live CIB had moved since `loaded` and the commit was merged into it. */
  merged: boolean;
  /** The live CIB as re-read after the commit: the session's new baseline. */
  after?: { doc: Document; text: string };
  /** Set when a connection dropped during an apply: what the re-read found. */
  outcome?: LiveOutcome;
  /** Commands run on the node (reads + applies): the round trips of this commit. */
  execs: number;
}

const MAX_ATTEMPTS = 4;

export async function commitLive(
  first: Transport,
  loaded: Document,
  working: Document,
  opts: LiveCommitOptions,
): Promise<LiveCommitResult> {
  const lang: Lang = opts.lang ?? 'en';
  const out: Diagnostic[] = [];
  let transport = first;
  let execs = 0;
  let merged = false;
  let conflicts: Conflict[] = [];
  let resentAfterDrop = false;
  const result = (ok: boolean, extra: Partial<LiveCommitResult> = {}): LiveCommitResult => ({
    ok,
    diagnostics: out,
    conflicts,
    merged,
    execs,
    ...extra,
  });
  // A read changes nothing, so a connection found dead is replaced and the read run again once.
  const read = async () => {
    execs++;
    try {
      return await readLiveCib(transport, opts);
    } catch (e) {
      if (!(e instanceof TransportError)) throw e;
      transport = await opts.reconnect();
      execs++;
      return readLiveCib(transport, opts);
    }
  };

  let announcedMerge = false;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    // First try: the patch from the CIB the session loaded, carrying its version — cibadmin
    // itself checks that the CIB has not moved (103 otherwise), so no read is needed before it.
    // A replace carries no version, so it reads first; so does every later try.
    const optimistic = attempt === 0 && !opts.replace;
    let current: Document;
    let currentText: string | undefined;
    if (optimistic) {
      current = loaded;
    } else {
      let live;
      try {
        live = await read();
      } catch (e) {
        if (!(e instanceof TransportError)) throw e;
        out.push(diag('TCRM4100', 'error', message('TCRM4100', { where: transport.where, reason: e.message }, lang)));
        return result(false);
      }
      if (!live.doc) {
        out.push(...live.diagnostics);
        return result(false);
      }
      current = live.doc;
      currentText = live.text;
    }
    const moved = !sameConfigVersion(current, loaded);

    let intended: Document;
    let mode: FramedMode;
    let payload: string;
    if (opts.replace) {
      if (moved && !opts.force) {
        out.push(diag('CRM', 'warning', "CIB changed in the meantime: won't touch it!"));
        return result(false);
      }
      intended = working;
      mode = 'replace';
      payload = compactXml(configurationOf(working));
    } else {
      intended = working;
      if (moved) {
        const m = mergeConfigurations(loaded, working, current, { oursWinConflicts: opts.force });
        conflicts = m.conflicts;
        merged = true;
        if (conflicts.length > 0 && !opts.force) {
          out.push(diag('TCRM4111', 'error', message('TCRM4111', { count: conflicts.length }, lang)));
          out.push(...conflicts.map((c) => conflictView(c, lang)));
          return result(false);
        }
        if (!announcedMerge) {
          announcedMerge = true;
          // Forced over conflicts: say which objects of the live CIB are overridden.
          out.push(...conflicts.map((c) => ({ ...conflictView(c, lang), severity: 'warning' as const })));
          const from = versionOf(loaded).epoch;
          const to = versionOf(current).epoch;
          out.push(diag('TCRM4106', 'info', message('TCRM4106', { from, to }, lang)));
        }
        intended = m.merged;
      }
      mode = 'patch';
      const patch = createPatch(current, intended, { expect: versionOf(current) });
      if (patch.changes.length === 0) {
        // The CIB already holds this configuration (the same edits were made meanwhile).
        return result(true, currentText === undefined ? {} : { after: { doc: current, text: currentText } });
      }
      payload = patch.xml;
    }

    await opts.beforeApply?.(attempt);
    let applied;
    try {
      execs++;
      const stdin = Buffer.from(payload, 'utf8');
      applied = await runFramed(transport, mode, stdin, {
        env: opts.env,
        timeoutMs: opts.timeoutMs,
        stdinOverride: opts.mangleStdin?.(stdin, attempt),
      });
    } catch (e) {
      if (!(e instanceof TransportError)) throw e;
      if (!e.outcomeUnknown) {
        out.push(diag('TCRM4100', 'error', e.message));
        return result(false);
      }
      // The apply may or may not have run: find out before doing anything else.
      out.push(diag('TCRM4101', 'warning', message('TCRM4101', { where: transport.where }, lang)));
      const seen = await reconcile(current, intended, mode);
      if (seen.outcome === 'applied') {
        out.push(diag('TCRM4102', 'info', message('TCRM4102', {}, lang)));
        return result(true, { after: seen.after, outcome: 'applied' });
      }
      if (seen.outcome === 'not-applied' && !resentAfterDrop) {
        resentAfterDrop = true;
        out.push(diag('TCRM4103', 'info', message('TCRM4103', {}, lang)));
        continue;
      }
      if (seen.outcome === 'not-applied') {
        out.push(diag('TCRM4105', 'error', message('TCRM4105', { reason: message('TCRM4103', {}, lang) }, lang)));
        return result(false, { outcome: 'not-applied' });
      }
      if (seen.outcome === 'changed-by-other') {
        out.push(diag('TCRM4104', 'error', message('TCRM4104', {}, lang)));
        return result(false, { outcome: 'changed-by-other', after: seen.after });
      }
      out.push(diag('TCRM4105', 'error', message('TCRM4105', { reason: seen.reason ?? '' }, lang)));
      return result(false, { outcome: 'unknown' });
    }

    if (applied.code === 0) {
      const confirmed = await confirm(current, intended);
      return result(true, { after: confirmed });
    }
    if (applied.code === 103 && mode === 'patch') {
      // On the first try this is how a CIB that moved since it was loaded is found out.
      if (!optimistic) out.push(diag('TCRM4107', 'info', message('TCRM4107', {}, lang)));
      continue;
    }
    if (isFramingFailure(applied.code)) {
      out.push(diag('TCRM4109', 'error', message('TCRM4109', { where: transport.where, reason: framingReason(applied.code, lang) }, lang)));
      return result(false);
    }
    // crmsh's intended messages (its 4.4.1 dies with a traceback here), then what cibadmin said.
    out.push(diag('CRM', 'error', `could not ${mode === 'patch' ? 'patch' : 'replace'} cib (rc=${applied.code})`));
    for (const line of cibadminStderr(applied.stderr)) out.push(diag('CRM', 'error', line));
    out.push(diag('TCRM4110', 'error', message('TCRM4110', { code: applied.code, meaning: cibadminMeaning(applied.code, lang) }, lang)));
    if (applied.code === 77) out.push(diag('CRM', 'info', 'Permission denied.'));
    else out.push(diag('CRM', 'info', `offending xml${mode === 'patch' ? ' diff' : ''}: ${payload.length > 65536 ? payload.slice(0, 65536) + '…' : payload}`));
    return result(false);
  }
  out.push(diag('TCRM4114', 'error', message('TCRM4114', { tries: MAX_ATTEMPTS }, lang)));
  return result(false);

  /** After a dropped connection: reconnect, re-read, and say which state the CIB is in. */
  async function reconcile(
    before: Document,
    intended: Document,
    mode: FramedMode,
  ): Promise<{ outcome: LiveOutcome; after?: { doc: Document; text: string }; reason?: string }> {
    try {
      transport = await opts.reconnect();
      const again = await read();
      if (!again.doc) return { outcome: 'unknown', reason: again.diagnostics.map((d) => d.message.trim()).join('; ') };
      if (holdsConfiguration(again.doc, intended)) return { outcome: 'applied', after: again };
      if (mode === 'patch') {
        // A patch applies whole or not at all (and only to the version it names): this session's
        // changes are either all in the CIB — others may have changed it since — or none are.
        const m = mergeConfigurations(loaded, working, again.doc);
        const present = m.conflicts.length === 0 && holdsConfiguration(m.merged, again.doc);
        return present ? { outcome: 'applied', after: again } : { outcome: 'not-applied' };
      }
      if (sameConfigVersion(again.doc, before) && canonicalConfiguration(again.doc) === canonicalConfiguration(before)) {
        return { outcome: 'not-applied' };
      }
      return { outcome: 'changed-by-other', after: again };
    } catch (e) {
      return { outcome: 'unknown', reason: e instanceof Error ? e.message : String(e) };
    }
  }

  /** Re-read after a successful apply: the epoch moved and the CIB holds what was intended. */
  async function confirm(before: Document, intended: Document): Promise<{ doc: Document; text: string } | undefined> {
    let again;
    try {
      again = await read();
    } catch (e) {
      out.push(diag('TCRM4108', 'warning', message('TCRM4108', { detail: e instanceof Error ? e.message : String(e) }, lang)));
      return undefined;
    }
    if (!again.doc) {
      out.push(...again.diagnostics.map((d) => ({ ...d, severity: 'warning' as const })));
      return undefined;
    }
    const moved = versionOf(again.doc).epoch > versionOf(before).epoch || versionOf(again.doc).admin_epoch > versionOf(before).admin_epoch;
    if (!moved || !holdsConfiguration(again.doc, intended)) {
      const detail = moved ? firstDifference(again.doc, intended) : `epoch still ${versionOf(again.doc).epoch}`;
      out.push(diag('TCRM4108', 'warning', message('TCRM4108', { detail }, lang)));
    }
    return { doc: again.doc, text: again.text };
  }
}

function firstDifference(a: Document, b: Document): string {
  const x = canonicalConfiguration(a).split('\n');
  const y = canonicalConfiguration(b).split('\n');
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    if (x[i] !== y[i]) return `line ${i + 1}: ${(x[i] ?? '').trim()} ≠ ${(y[i] ?? '').trim()}`;
  }
  return 'none';
}

/** One conflicting object: what each side has now, on one line each. */
function conflictView(c: Conflict, lang: Lang): Diagnostic {
  const one = (xml: string | null | undefined): string => {
    if (xml === null || xml === undefined) return message('TCRM4117', {}, lang);
    const flat = xml.replace(/\n\s*/g, '');
    return flat.length > 400 ? `${flat.slice(0, 400)}…` : flat;
  };
  const d = conflictDiagnostic(c);
  return {
    ...d,
    // formatDiagnostic indents the hint's first line by two spaces; the second gets the same.
    hint: `${message('TCRM4112', { xml: one(c.oursXml) }, lang)}\n  ${message('TCRM4113', { xml: one(c.theirsXml) }, lang)}`,
  };
}
