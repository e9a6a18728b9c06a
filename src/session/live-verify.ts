/**
 * The real crm_verify, run only against a live cluster or with `--live` (issue 3 item 2): the
 * working CIB piped to `crm_verify -VV --xml-pipe` the way crmsh runs it (cibverify.py:
 * `crm_verify -VV -p`), on the node through the session's transport when the CIB is the live
 * one, else on this machine. Piping the working CIB (rather than `crm_verify -L`) checks what is
 * about to be committed, with the node's own Pacemaker. Its findings are merged with the lines
 * tcrm already showed from its emulation: each once, the new ones with crm_verify's own level.
 */
import { localExec } from '../commit/local-transport.js';
import { diag, type Diagnostic } from '../diagnostic.js';
import { languageFrom, message } from '../messages/catalog.js';
import { hasPrimitive } from '../commit/cluster-checks.js';
import { childElements, configurationOf, serializeNode, type Document, type Element } from '../shadow-cib/xml.js';
import { mergeCrmVerifyLines, parseCrmVerifyOutput } from '../verify/crm-verify-output.js';
import type { Session } from './session.js';

export interface LiveVerifyResult {
  /** crm_verify's lines not among `shown`, each once, with its own level. */
  diagnostics: Diagnostic[];
  /** crmsh's rule: anything but exit 0 or 1 from crm_verify fails verify and blocks a commit. */
  blocking: boolean;
  /** crm_verify's exit code. */
  rc: number;
}

/** Whether the real crm_verify runs for this session: the live CIB, or `--live`. */
export function crmVerifyWanted(session: Session): boolean {
  return session.source.kind === 'live' || session.opts.live === true;
}

/**
 * Runs crm_verify on `doc` when `crmVerifyWanted`; null otherwise or when crm_verify could not
 * run (a warning says why). `shown`: what was already reported (the emulated crm_verify lines),
 * so nothing is said twice. The commit gate calls this after `checkAtCommit`.
 */
export async function liveVerifyFindings(
  session: Session,
  doc: Document,
  shown: Array<Pick<Diagnostic, 'message'>> = [],
  /** crmsh skips crm_verify in verify when there is no object, at commit when there is no primitive. */
  when: 'verify' | 'commit' = 'verify',
): Promise<LiveVerifyResult | null> {
  if (!crmVerifyWanted(session)) return null;
  if (when === 'commit' ? !hasPrimitive(doc) : !hasObjects(doc)) return null;
  const argv = ['crm_verify', '-VV', '--xml-pipe'];
  const lang = languageFrom(session.env);
  const onNode = session.source.kind === 'live';
  const stdin = withoutStatus(doc, !onNode);
  const r = onNode
    ? await (await session.cluster()).exec(argv, { stdin, timeoutMs: 60_000 })
    : await localExec(session.env, 60_000)(argv, { stdin });
  // 127: no crm_verify; other codes above 78 are not verdicts (crm_verify's own usage errors, a kill).
  if (r.code !== 0 && r.code !== 1 && r.code !== 78) {
    const reason = (r.stderr.trim().split('\n')[0] ?? '') || `exit ${r.code}`;
    const where = onNode ? (await session.cluster()).where : 'local';
    const code = r.code === 127 ? 'TCRM3206' : onNode ? 'TCRM3203' : 'TCRM3204';
    session.report(diag(code, 'warning', message(code, { where, reason }, lang)));
    return null;
  }
  const real = parseCrmVerifyOutput(r.stderr);
  return { diagnostics: mergeCrmVerifyLines(real, shown), blocking: r.code !== 0 && r.code !== 1, rc: r.code };
}

function hasObjects(doc: Document): boolean {
  return childElements(configurationOf(doc)).some((section) => childElements(section).length > 0);
}

/**
 * The CIB as crmsh pipes it to crm_verify (verify.md §1): the root's attributes and the
 * configuration, no `<status>`. A file or shadow counts as quorate (DECISIONS.md "Checks at
 * commit": no "lack of quorum" noise offline); the live CIB keeps the cluster's own have-quorum.
 */
function withoutStatus(doc: Document, quorate: boolean): string {
  const root = doc.documentElement!.cloneNode(true) as Element;
  if (quorate) root.setAttribute('have-quorum', '1');
  for (const c of childElements(root)) if (c.tagName === 'status') root.removeChild(c);
  return serializeNode(root) + '\n';
}
