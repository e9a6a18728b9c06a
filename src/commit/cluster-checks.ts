/**
 * The commit gate's crm_verify part, emulated offline: the lines `crm_verify -VV` prints for a
 * CIB (schema, cluster options, Blind faith, resource meta values, the STONITH rule), in its
 * order, and crmsh's rule for when they block a commit.
 */
import type { Diagnostic } from '../diagnostic.js';
import { childElements, ELEMENT_NODE, firstChild, type Document, type Element, type Node } from '../shadow-cib/xml.js';
import { checkSchedulerOptions, pcmkBoolean } from './cluster-options.js';
import { resourceLines, setScore } from './resource-checks.js';
import { checkSchema, type SchemaOptions } from './schema-validate.js';
import { crmshLabelled, pcmkLine, summarise, type VerifyLine } from './verify-lines.js';

export interface CrmVerifyResult {
  lines: VerifyLine[];
  /** crm_verify's exit code: 0, or 78 when it found configuration errors or warnings. */
  rc: 0 | 78;
  notes: Diagnostic[];
}

const STONITH_TRIO = [
  'Resource start-up disabled since no STONITH resources have been defined',
  'Either configure some or disable STONITH with the stonith-enabled option',
  'NOTE: Clusters with shared data need STONITH to ensure data integrity',
];

/** What `crm_verify -VV` prints for this CIB, read as a quorate partition with no status. */
export function emulateCrmVerify(doc: Document, opts: SchemaOptions = {}): CrmVerifyResult {
  const schema = checkSchema(doc, opts);
  if (!schema.valid) return { lines: schema.lines, rc: 78, notes: schema.notes };
  const { lines, rc } = summarise([...schema.lines, ...clusterLines(doc)]);
  return { lines, rc, notes: schema.notes };
}

/** The scheduler's lines for a schema-valid CIB, without crm_verify's closing line. */
export function clusterLines(doc: Document): VerifyLine[] {
  const options = checkSchedulerOptions(clusterProperties(doc));
  const flag = (name: string): boolean => pcmkBoolean(options.effective.get(name) ?? 'true') ?? true;
  const stonithEnabled = flag('stonith-enabled');
  const haveWatchdog = pcmkBoolean(options.effective.get('have-watchdog') ?? 'false') === true;
  const lines = [...options.lines];

  if (options.effective.get('stonith-action') === 'poweroff') {
    lines.push(
      pcmkLine(
        'unpack_config',
        'warning',
        "Support for stonith-action of 'poweroff' is deprecated and will be removed in a future release (use 'off' instead)",
        'warning',
      ),
    );
  }
  if (pcmkBoolean(options.effective.get('remove-after-stop') ?? 'false')) {
    lines.push(
      pcmkLine(
        'unpack_config',
        'warning',
        'Support for the remove-after-stop cluster property is deprecated and will be removed in a future release',
        'warning',
      ),
    );
  }
  if (!stonithEnabled || !flag('startup-fencing')) {
    lines.push(pcmkLine('unpack_config', 'warning', 'Blind faith: not fencing unseen nodes'));
  }
  lines.push(...resourceLines(doc, { stonithEnabled, nodeCount: nodeCount(doc) }));
  // have-watchdog (SBD) stands in for a fencing resource.
  if (stonithEnabled && !hasStonithResource(doc) && !haveWatchdog) {
    lines.push(...STONITH_TRIO.map((t) => pcmkLine('unpack_resources', 'error', t, 'error')));
  }
  return lines;
}

/**
 * crmsh's commit gate: with no primitive at all crmsh skips crm_verify (and tcrm still refuses a
 * schema-invalid CIB, which cibadmin would reject); otherwise crm_verify's lines, labelled as
 * crmsh labels them, block the commit when crm_verify exits with anything but 0 or 1.
 */
export function checkAtCommit(doc: Document, opts: SchemaOptions = {}): { lines: Diagnostic[]; blocking: boolean } {
  if (!hasPrimitive(doc)) {
    const schema = checkSchema(doc, opts);
    if (schema.valid) return { lines: schema.notes, blocking: false };
    return { lines: [...crmshLabelled(schema.lines), ...schema.notes], blocking: true };
  }
  const result = emulateCrmVerify(doc, opts);
  return { lines: [...crmshLabelled(result.lines), ...result.notes], blocking: result.rc !== 0 };
}

/**
 * `configure verify`: crmsh always runs crm_verify there (the no-primitive rule is commit's
 * only), unless the configuration holds no object at all. OK when crm_verify exits 0 or 1.
 */
export function checkAtVerify(doc: Document, opts: SchemaOptions = {}): { lines: Diagnostic[]; ok: boolean } {
  if (!hasObjects(doc)) return { lines: [], ok: true };
  const result = emulateCrmVerify(doc, opts);
  return { lines: [...crmshLabelled(result.lines), ...result.notes], ok: result.rc === 0 };
}

/**
 * Cluster properties as the scheduler reads them: cib-bootstrap-options first, then the other
 * sets by descending score (among equal scores the later set first, as Pacemaker does); the
 * first value found for a name wins.
 */
export function clusterProperties(doc: Document): Map<string, string> {
  const crmConfig = firstChild(configuration(doc), 'crm_config');
  const sets = crmConfig ? childElements(crmConfig).filter((s) => s.tagName === 'cluster_property_set') : [];
  const ordered = [
    ...sets.filter((s) => s.getAttribute('id') === 'cib-bootstrap-options'),
    ...sets
      .filter((s) => s.getAttribute('id') !== 'cib-bootstrap-options')
      .map((set, index) => ({ set, index, score: setScore(set.getAttribute('score')) }))
      .sort((a, b) => b.score - a.score || b.index - a.index)
      .map((e) => e.set),
  ];
  const props = new Map<string, string>();
  for (const set of ordered) {
    for (const nv of childElements(set)) {
      const name = nv.getAttribute('name');
      if (nv.tagName === 'nvpair' && name && nv.hasAttribute('value') && !props.has(name)) {
        props.set(name, nv.getAttribute('value')!);
      }
    }
  }
  return props;
}

function configuration(doc: Document): Element {
  return firstChild(doc.documentElement!, 'configuration')!;
}

/** Some section of the configuration holds an element. */
function hasObjects(doc: Document): boolean {
  for (let section = configuration(doc).firstChild; section; section = section.nextSibling) {
    if (section.nodeType === ELEMENT_NODE && firstElement(section)) return true;
  }
  return false;
}

function firstElement(node: Node): Element | null {
  for (let c = node.firstChild; c; c = c.nextSibling) if (c.nodeType === ELEMENT_NODE) return c as Element;
  return null;
}

/** Whether an element below `<resources>` (templates and their insides left out) passes the
 *  test; the walk stops at the first that does. */
function someResourceElement(doc: Document, test: (el: Element) => boolean): boolean {
  const resources = firstChild(configuration(doc), 'resources');
  const walk = (el: Element): boolean => {
    for (let c = el.firstChild; c; c = c.nextSibling) {
      if (c.nodeType !== ELEMENT_NODE) continue;
      const child = c as Element;
      if (child.tagName === 'template') continue;
      if (test(child) || walk(child)) return true;
    }
    return false;
  };
  return resources !== null && walk(resources);
}

/** crmsh's test for "the configuration has primitives" (group, clone and bundle members count). */
export function hasPrimitive(doc: Document): boolean {
  return someResourceElement(doc, (e) => e.tagName === 'primitive');
}

function hasStonithResource(doc: Document): boolean {
  return someResourceElement(doc, (e) => e.tagName === 'primitive' && e.getAttribute('class') === 'stonith');
}

function nodeCount(doc: Document): number {
  const nodes = firstChild(configuration(doc), 'nodes');
  return nodes ? childElements(nodes).filter((n) => n.tagName === 'node').length : 0;
}
