/**
 * The glue between the operational commands and the CIB in use (DECISIONS.md "Which CIB"): a
 * CIB file, shadow or the offline CIB is edited in-process (pure edits from src/ops, written
 * by cib-file-edit.ts); the live cluster gets the Pacemaker tool's argv through the transport.
 * Either way the result is a ToolResult printed the same way, so output does not depend on
 * the target.
 */
import { hostname } from 'node:os';
import { diag } from '../diagnostic.js';
import { message } from '../messages/catalog.js';
import type { Session } from '../session/session.js';
import { INTERRUPTED_CODE, TransportError, type ExecResult } from '../transport/types.js';
import type { Document } from '../shadow-cib/xml.js';
import type { ToolResult } from './crm-attribute.js';
import { editCibFile, readCib } from './cib-file-edit.js';

/** How long one tool call may take before tcrm gives up on it (a node that stopped answering). */
export function toolTimeoutMs(session: Session): number {
  const fromEnv = Number.parseInt(session.env.TCRM_TOOL_TIMEOUT ?? '', 10);
  return Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv * 1000 : 120_000;
}

/** Environment that points Pacemaker's tools at the CIB in use (CIB_file for files and shadows). */
export function toolEnv(session: Session): Record<string, string> {
  const s = session.source;
  if (s.kind !== 'live' && s.path) return { CIB_file: s.path };
  return {};
}

/**
 * Runs a Pacemaker tool where the CIB in use is: through the transport, with CIB_file set for
 * file sources. A transport failure or a timeout is reported (clear text, within the timeout)
 * and gives null.
 */
export async function runTool(session: Session, argv: string[], opts: { stdin?: string; timeoutMs?: number } = {}): Promise<ExecResult | null> {
  const timeoutMs = opts.timeoutMs ?? toolTimeoutMs(session);
  let transport;
  try {
    transport = await session.cluster();
    const signal = session.interrupted;
    const run = transport.exec(argv, { env: toolEnv(session), timeoutMs, signal, ...(opts.stdin !== undefined ? { stdin: opts.stdin } : {}) });
    // A transport that ignores timeoutMs must not hang the session either.
    const guard = new Promise<'timeout'>((resolve) => {
      const t = setTimeout(() => resolve('timeout'), timeoutMs + 2000);
      run.then(() => clearTimeout(t), () => clearTimeout(t));
    });
    const result = await Promise.race([run, guard]);
    if (result !== 'timeout' && result.code === INTERRUPTED_CODE && signal.aborted) {
      session.notice(message('TCRM6012', { tool: argv[0]!, where: transport.where }));
      return null;
    }
    if (result === 'timeout' || /timed out after \d+ ms/.test(result.stderr) && result.code !== 0) {
      session.report(diag('TCRM6003', 'error', message('TCRM6003', { tool: argv[0]!, seconds: Math.round(timeoutMs / 1000), where: transport.where })));
      if (result === 'timeout') await session.dropTransport();
      return null;
    }
    return result;
  } catch (e) {
    // First line only: a failing SSH library may put pages of source in its message.
    const reason = (e instanceof Error ? e.message : String(e)).split('\n')[0]!.slice(0, 300);
    const where = e instanceof TransportError ? e.where : transport?.where ?? 'local';
    const code = e instanceof TransportError && e.outcomeUnknown ? 'TCRM6011' : 'TCRM6010';
    session.report(diag(code, 'error', message(code, { tool: argv[0]!, where, reason })));
    await session.dropTransport();
    return null;
  }
}

/** Prints a tool's output: stdout as command output, stderr as it came (to stderr). */
export function printToolResult(session: Session, r: { stdout: string; stderr: string }): void {
  const out = r.stdout.replace(/\n$/, '');
  if (out) session.out.print(out);
  const err = r.stderr.replace(/\n$/, '');
  if (err) session.notice(err);
}

/**
 * A tool-shaped command (crm_attribute, crm_resource --set-parameter…): in-process on a file,
 * the tool itself on live. Returns the exit status crmsh would give (true when rc = 0).
 */
export async function toolCommand(session: Session, fileEdit: (doc: Document) => ToolResult, argv: string[]): Promise<boolean> {
  const s = session.source;
  if (s.kind === 'live' || !s.path) {
    const r = await runTool(session, argv);
    if (!r) return false;
    printToolResult(session, r);
    return r.code === 0;
  }
  const outcome = await editCibFile(s.path, fileEdit);
  if (!outcome.ok) return session.reportAll(outcome.diagnostics);
  printToolResult(session, outcome.value);
  return outcome.value.code === 0;
}

/** The CIB in use as a document: the file, or `cibadmin -Ql` through the transport. */
export async function currentCib(session: Session): Promise<Document | null> {
  const s = session.source;
  if (s.kind !== 'live' && s.path) {
    const r = await readCib(s.path);
    if (!r.ok) {
      session.reportAll(r.diagnostics);
      return null;
    }
    return r.value;
  }
  const r = await runTool(session, ['cibadmin', '-Ql']);
  if (!r) return null;
  if (r.code !== 0) {
    session.report(diag('CRM', 'error', `running cibadmin -Ql: ${r.stderr.trim()}`));
    return null;
  }
  const { parseXml } = await import('../shadow-cib/xml.js');
  try {
    return parseXml(r.stdout);
  } catch (e) {
    session.report(diag('CRM', 'error', `running cibadmin -Ql: ${(e as Error).message}`));
    return null;
  }
}

/** crmsh's utils.this_node(): the node tcrm runs on, or the node the transport reached. */
export async function thisNode(session: Session): Promise<string> {
  if (session.source.kind === 'live') {
    const t = await session.cluster().catch(() => null);
    if (t?.nodeName) return t.nodeName;
    const r = await runTool(session, ['crm_node', '-n']);
    if (r && r.code === 0 && r.stdout.trim()) return r.stdout.trim();
  }
  return hostname();
}

/** crmsh's manage-children option (ask, never, always). */
export function manageChildren(session: Session): 'ask' | 'never' | 'always' {
  const v = session.settings.get('core.manage_children') ?? 'ask';
  return v === 'never' || v === 'always' ? v : 'ask';
}
