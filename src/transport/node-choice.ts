/**
 * Which node serves: each reachable node is asked once (one exec, `PROBE_ARGV`) for its node
 * name and what its partition knows (`crm_mon -1 --output-as=xml`: `<current_dc present
 * name with_quorum>`). Pure parsing here; cluster.ts does the asking.
 */

/**
 * A constant script (no user value in it): the node's Pacemaker name, else its hostname, on the
 * first line, then crm_mon's XML. crm_mon reads `CIB_file` when set, as the tests do.
 * crm_mon on a CIB file takes ~50 ms here, the same as `cibadmin -Q`: one exec answers both questions.
 */
export const PROBE_ARGV = ['sh', '-c', 'n=$(crm_node -n 2>/dev/null) || n=$(uname -n); printf "%s\\n" "$n"; exec crm_mon -1 --output-as=xml'];

export interface NodeReport {
  nodeName: string;
  /** The DC's name when the partition knows one. */
  dc?: string;
  quorate: boolean;
  /** Why the node cannot judge (crm_mon failed), for the user. */
  problem?: string;
}

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:-]+)="([^"]*)"/g)) out[m[1]!] = m[2]!;
  return out;
}

const unescapeXml = (s: string): string =>
  s.replace(/&(lt|gt|quot|apos|amp);/g, (_m, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e]!);

export function parseProbe(code: number, stdout: string, stderr: string): NodeReport {
  const nl = stdout.indexOf('\n');
  const nodeName = (nl < 0 ? stdout : stdout.slice(0, nl)).trim();
  const xml = nl < 0 ? '' : stdout.slice(nl + 1);
  const tag = /<current_dc\b[^>]*>/.exec(xml)?.[0];
  if (code !== 0 || !tag) {
    const problem = stderr.trim().split('\n').pop() || `crm_mon exited with ${code}`;
    return { nodeName, quorate: false, problem };
  }
  const a = attributes(tag);
  const report: NodeReport = { nodeName, quorate: a.with_quorum === 'true' };
  if (a.present === 'true' && a.name) report.dc = unescapeXml(a.name);
  return report;
}

/** A node whose partition has quorum and knows its DC is preferred. */
export const servesWell = (r: NodeReport): boolean => r.quorate && r.dc !== undefined;
