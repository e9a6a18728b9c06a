/**
 * The per-resource lines crm_verify prints while the scheduler unpacks resources: invalid
 * `multiple-active`, `requires` and `target-role` meta attributes, and the parsers' warnings for
 * `priority`, `resource-stickiness`, `migration-threshold`, `failure-timeout`. A resource's meta
 * value comes from itself, else its template, else its parents, else rsc_defaults. Resources are
 * visited as the scheduler does: in document order, a parent before its children, a clone's
 * children once per instance (`child:0`, `child:1`, … up to clone-max, by default the number of
 * nodes), and a bundle with the resources it implies.
 */
import { childElements, ELEMENT_NODE, firstChild, type Document, type Element } from '../shadow-cib/xml.js';
import { checkInteger, checkInterval, pcmkBoolean } from './cluster-options.js';
import { pcmkLine, type VerifyLine } from './verify-lines.js';

const RESOURCE_TAGS = new Set(['primitive', 'group', 'clone', 'master', 'bundle']);
const ROLES = ['stopped', 'started', 'unpromoted', 'slave', 'promoted', 'master'];
const PROMOTED_ONLY = ['unpromoted', 'slave', 'promoted', 'master'];
const MULTIPLE_ACTIVE = ['block', 'stop_only', 'stop_start', 'stop_unexpected'];
const REQUIRES = ['nothing', 'quorum', 'fencing', 'unfencing'];
const HEALTH_COLOURS = ['red', 'yellow', 'green'];

type Meta = Map<string, string>;

/** Name → value of an element's meta_attributes sets, read by descending score (among equal
 *  scores the later set first, as Pacemaker does); the first set naming a value wins. */
export function metaOf(el: Element | null): Meta {
  return el ? metaOfSets(childrenOf(el).metaSets) : new Map();
}

/** The meta_attributes sets and the resources among an element's children, in one pass. */
function childrenOf(el: Element): { metaSets: Element[]; resources: Element[] } {
  const metaSets: Element[] = [];
  const resources: Element[] = [];
  for (let c = el.firstChild; c; c = c.nextSibling) {
    if (c.nodeType !== ELEMENT_NODE) continue;
    const tag = (c as Element).tagName;
    if (tag === 'meta_attributes') metaSets.push(c as Element);
    else if (RESOURCE_TAGS.has(tag)) resources.push(c as Element);
  }
  return { metaSets, resources };
}

function metaOfSets(sets: Element[]): Meta {
  const meta: Meta = new Map();
  for (const set of inReadingOrder(sets)) {
    for (const nv of childElements(set)) {
      const name = nv.getAttribute('name');
      const value = nv.getAttribute('value');
      if (nv.tagName === 'nvpair' && name && value !== null && !meta.has(name)) meta.set(name, value);
    }
  }
  return meta;
}

function inReadingOrder(sets: Element[]): Element[] {
  if (sets.length < 2) return sets;
  return sets
    .map((set, index) => ({ set, index, score: setScore(set.getAttribute('score')) }))
    .sort((a, b) => b.score - a.score || b.index - a.index)
    .map((e) => e.set);
}

export function setScore(score: string | null): number {
  if (score === 'INFINITY' || score === '+INFINITY') return 1_000_000;
  if (score === '-INFINITY') return -1_000_000;
  return Number.parseInt(score ?? '0', 10) || 0;
}

export interface ResourceContext {
  stonithEnabled: boolean;
  nodeCount: number;
}

export function resourceLines(doc: Document, ctx: ResourceContext): VerifyLine[] {
  const config = firstChild(doc.documentElement!, 'configuration');
  const resources = config && firstChild(config, 'resources');
  if (!resources) return [];
  const defaults = metaOf(firstChild(config, 'rsc_defaults'));
  const templates = new Map(
    childElements(resources)
      .filter((e) => e.tagName === 'template')
      .map((t) => [t.getAttribute('id') ?? '', t] as const),
  );
  const lines: VerifyLine[] = [];

  /** The scheduler's checks of one resource, given how it reads its meta attributes. */
  const checkOne = (id: string, meta: Meta, promotable: boolean, stonithClass: boolean): void => {
    // The order in which the scheduler reads these meta attributes.
    append(lines, integerNoise(metaValue(meta, defaults, 'priority')));
    append(lines, multipleActive(metaValue(meta, defaults, 'multiple-active')));
    append(lines, scoreNoise(metaValue(meta, defaults, 'resource-stickiness')));
    append(lines, scoreNoise(metaValue(meta, defaults, 'migration-threshold')));
    if (!stonithClass) append(lines, requires(id, metaValue(meta, defaults, 'requires'), ctx.stonithEnabled));
    append(lines, intervalNoise(metaValue(meta, defaults, 'failure-timeout')));
    append(lines, targetRole(id, metaValue(meta, defaults, 'target-role'), promotable));
  };
  // a template's meta attributes, read once however many primitives use it
  const templateMeta = new Map<string, Meta>();
  const metaOfTemplate = (id: string): Meta => {
    let meta = templateMeta.get(id);
    if (!meta) templateMeta.set(id, (meta = metaOf(templates.get(id) ?? null)));
    return meta;
  };

  const visit = (el: Element, inherited: Meta, suffix: string, promotable: boolean): void => {
    const { metaSets, resources: children } = childrenOf(el);
    const own = metaSets.length > 0 ? metaOfSets(metaSets) : NO_META;
    const template = el.tagName === 'primitive' && el.getAttribute('template');
    const meta = layered(inherited, template ? metaOfTemplate(template) : NO_META, own);
    const id = (el.getAttribute('id') ?? '') + suffix;
    const topPromotable =
      promotable || el.tagName === 'master' || (el.tagName === 'clone' && pcmkBoolean(metaValue(meta, defaults, 'promotable') ?? '') === true);
    const stonithClass = el.tagName === 'primitive' && resourceClass(el, templates) === 'stonith';
    checkOne(id, meta, topPromotable, stonithClass);

    if (el.tagName === 'clone' || el.tagName === 'master') {
      const max = Number.parseInt(metaValue(meta, defaults, 'clone-max') ?? '', 10);
      const instances = Number.isFinite(max) && max >= 0 ? max : ctx.nodeCount;
      for (let i = 0; i < instances; i++) children.forEach((c) => visit(c, meta, `${suffix}:${i}`, topPromotable));
    } else if (el.tagName === 'bundle') {
      visitBundleParts(el, id, meta, topPromotable);
    } else {
      children.forEach((c) => visit(c, meta, suffix, topPromotable));
    }
  };

  /**
   * The resources the scheduler creates for a bundle: `<id>-clone` and one instance of the
   * primitive per replica, then per replica the container `<id>-<runtime>-<i>` and, with a
   * primitive, the remote connection `<id>-<i>`. (Bundles with ip-range-start also get IP
   * resources, which tcrm does not model.)
   */
  const visitBundleParts = (bundle: Element, id: string, meta: Meta, promotable: boolean): void => {
    const runtime = childElements(bundle).find((c) => ['docker', 'rkt', 'podman'].includes(c.tagName));
    const primitive = childElements(bundle).find((c) => c.tagName === 'primitive');
    const network = childElements(bundle).find((c) => c.tagName === 'network');
    if (primitive && !network?.hasAttribute('control-port') && !network?.hasAttribute('ip-range-start')) {
      lines.push(
        pcmkLine('pe__unpack_bundle', 'error', `Cannot control ${id} inside ${primitive.getAttribute('id')} without either ip-range-start or control-port`, 'error'),
        pcmkLine('unpack_resources', 'error', `Ignoring <bundle> resource '${id}' because configuration is invalid`, 'error'),
      );
      return;
    }
    const replicas = Math.max(1, Number.parseInt(runtime?.getAttribute('replicas') ?? '', 10) || 1);
    if (primitive) {
      checkOne(`${id}-clone`, meta, promotable, false);
      for (let i = 0; i < replicas; i++) visit(primitive, meta, `:${i}`, promotable);
    }
    for (let i = 0; i < replicas; i++) {
      if (runtime) checkOne(`${id}-${runtime.tagName}-${i}`, meta, promotable, false);
      if (primitive) checkOne(`${id}-${i}`, meta, promotable, false);
    }
  };

  for (const el of childElements(resources)) {
    if (RESOURCE_TAGS.has(el.tagName)) visit(el, new Map(), '', false);
  }
  return lines;
}

const NO_META: Meta = new Map();
const NO_LINES: readonly VerifyLine[] = [];

function metaValue(meta: Meta, defaults: Meta, name: string): string | undefined {
  return meta.get(name) ?? defaults.get(name);
}

/** Own values over the template's over the inherited ones (the maps are only read). */
function layered(inherited: Meta, fromTemplate: Meta, own: Meta): Meta {
  if (inherited.size === 0 && fromTemplate.size === 0) return own;
  return new Map([...inherited, ...fromTemplate, ...own]);
}

function append(lines: VerifyLine[], more: readonly VerifyLine[]): void {
  for (const line of more) lines.push(line);
}

function resourceClass(el: Element, templates: Map<string, Element>): string | null {
  const cls = el.getAttribute('class');
  if (cls !== null) return cls;
  const template = el.getAttribute('template');
  return template ? (templates.get(template)?.getAttribute('class') ?? null) : null;
}

/** The parsers' warnings for an integer meta value (they never block). */
function integerNoise(value: string | undefined): readonly VerifyLine[] {
  return value === undefined ? NO_LINES : checkInteger(value).lines;
}

/** A score also takes the node-health colours. */
function scoreNoise(value: string | undefined): readonly VerifyLine[] {
  if (value === undefined || HEALTH_COLOURS.includes(value.toLowerCase())) return NO_LINES;
  return checkInteger(value).lines;
}

function intervalNoise(value: string | undefined): readonly VerifyLine[] {
  return value === undefined ? NO_LINES : checkInterval(value).lines;
}

function multipleActive(value: string | undefined): readonly VerifyLine[] {
  if (value === undefined || MULTIPLE_ACTIVE.includes(value.toLowerCase())) return NO_LINES;
  return [
    pcmkLine(
      'pe__unpack_resource',
      'warning',
      `${value} is not a valid value for multiple-active, using default of "stop_start"`,
      'warning',
    ),
  ];
}

function requires(id: string, value: string | undefined, stonithEnabled: boolean): readonly VerifyLine[] {
  if (value === undefined) return NO_LINES;
  const v = value.toLowerCase();
  if (!REQUIRES.includes(v)) {
    const fallback = stonithEnabled ? 'fencing' : 'quorum';
    return [
      pcmkLine('unpack_requires', 'error', `Resetting 'requires' for ${id} to '${fallback}' because '${value}' is not valid`, 'error'),
    ];
  }
  if (stonithEnabled) return NO_LINES;
  if (v === 'fencing') {
    return [pcmkLine('unpack_requires', 'warning', `${id} requires fencing but fencing is disabled`, 'warning')];
  }
  if (v === 'unfencing') {
    return [
      pcmkLine('unpack_requires', 'warning', `Resetting "requires" for ${id} to "quorum" because fencing is disabled`, 'warning'),
    ];
  }
  return NO_LINES;
}

function targetRole(id: string, value: string | undefined, promotable: boolean): readonly VerifyLine[] {
  if (value === undefined) return NO_LINES;
  const v = value.toLowerCase();
  if (v === 'unknown') {
    return [pcmkLine('get_target_role', 'error', `Ignoring 'target-role' for ${id} because '${value}' is not valid`, 'error')];
  }
  if (!ROLES.includes(v)) {
    return [
      pcmkLine('text2role', 'error', `Unknown role: ${value}`),
      pcmkLine('get_target_role', 'error', `Ignoring 'target-role' for ${id} because '${value}' is not valid`, 'error'),
    ];
  }
  if (PROMOTED_ONLY.includes(v) && !promotable) {
    return [
      pcmkLine(
        'get_target_role',
        'error',
        `Ignoring 'target-role' for ${id} because '${value}' only makes sense for promotable clones`,
        'error',
      ),
    ];
  }
  return NO_LINES;
}
