/**
 * Reading the live CIB through the transport: `cibadmin -Ql` as crmsh runs it (measured: works
 * on a node, over SSH, and with CIB_file in the environment). A failure keeps crmsh's text,
 * `running cibadmin -Ql: <cibadmin's stderr>`; a lost connection is a TransportError, thrown.
 */
import { diag, type Diagnostic } from '../diagnostic.js';
import { message, type Lang } from '../messages/catalog.js';
import type { Document } from '../shadow-cib/xml.js';
import type { Transport } from '../transport/types.js';
import { parseCibText } from './cib-file.js';

export const QUERY_ARGV = ['cibadmin', '-Ql'];

export type LiveRead = { doc: Document; text: string; diagnostics?: undefined } | { doc?: undefined; text?: undefined; diagnostics: Diagnostic[] };

export interface LiveExecOptions {
  /** Environment for the node's tools (e.g. CIB_file in tests), sent as an `env` argv prefix. */
  env?: Record<string, string>;
  timeoutMs?: number;
  lang?: Lang;
}

export async function readLiveCib(transport: Transport, opts: LiveExecOptions = {}): Promise<LiveRead> {
  const r = await transport.exec(QUERY_ARGV, { env: opts.env, timeoutMs: opts.timeoutMs ?? 60_000 });
  if (r.code !== 0) {
    // crm relays cibadmin's stderr inside its own ERROR line, trailing newline included.
    const text = r.stderr || `${r.code === 127 ? message('TCRM4138', {}, opts.lang) : `exit ${r.code}`}\n`;
    return { diagnostics: [diag('CRM', 'error', `running cibadmin -Ql: ${text}`)] };
  }
  const parsed = parseCibText(r.stdout, `cibadmin -Ql on ${transport.where}`);
  if (!parsed.doc) return { diagnostics: parsed.diagnostics };
  return { doc: parsed.doc, text: parsed.text };
}

export function versionOf(doc: Document): { admin_epoch: number; epoch: number; num_updates: number } {
  const root = doc.documentElement!;
  const n = (a: string): number => Number.parseInt(root.getAttribute(a) ?? '0', 10) || 0;
  return { admin_epoch: n('admin_epoch'), epoch: n('epoch'), num_updates: n('num_updates') };
}

/** Same configuration version: admin_epoch and epoch (num_updates counts status updates). */
export function sameConfigVersion(a: Document, b: Document): boolean {
  const x = versionOf(a);
  const y = versionOf(b);
  return x.admin_epoch === y.admin_epoch && x.epoch === y.epoch;
}
