/**
 * Vendors the Pacemaker data tcrm needs offline, from an installed Pacemaker (Debian
 * pacemaker-common / pacemaker 2.1.5):
 *   data/schemas/*.rng         RelaxNG schemas for validate-with pacemaker-2.x, 3.x and next
 *   data/schemas/idrefs.json   per schema version: IDREF- and ID-typed attributes per element
 *   data/schemas/PROVENANCE.md where the files came from and under which licence
 *   data/cluster-options.json  cluster options (name, type, default, allowed values) per daemon
 *
 * Run: node --import tsx scripts/vendor-pacemaker-data.ts [--schemas DIR] [--daemons DIR]
 * The output is committed; re-run it only when moving to another Pacemaker version.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DOMParser, type Element } from '@xmldom/xmldom';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outSchemas = join(repoRoot, 'data', 'schemas');
const outOptions = join(repoRoot, 'data', 'cluster-options.json');

function argValue(flag: string, fallback: string): string {
  const i = process.argv.indexOf(flag);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}
const schemaDir = argValue('--schemas', '/usr/share/pacemaker');
const daemonDir = argValue('--daemons', '/usr/lib/pacemaker');

/** The schema versions we ship: what validate-with may name on a Pacemaker 2.x cluster. */
function shippedVersions(): string[] {
  const versions = readdirSync(schemaDir)
    .map((f) => /^pacemaker-((?:[23]\.\d+)|next)\.rng$/.exec(f)?.[1])
    .filter((v): v is string => v !== undefined);
  return versions.sort(compareVersions);
}

function compareVersions(a: string, b: string): number {
  if (a === 'next' || b === 'next') return a === b ? 0 : a === 'next' ? 1 : -1;
  const [a1, a2] = a.split('.').map(Number);
  const [b1, b2] = b.split('.').map(Number);
  return a1! - b1! || a2! - b2!;
}

const rngCache = new Map<string, Element>();
function rng(file: string): Element {
  let root = rngCache.get(file);
  if (!root) {
    const doc = new DOMParser().parseFromString(readFileSync(join(schemaDir, file), 'utf8'), 'text/xml');
    root = doc.documentElement!;
    rngCache.set(file, root);
  }
  return root;
}

function kids(el: Element): Element[] {
  const out: Element[] = [];
  for (let c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === 1) out.push(c as Element);
  return out;
}

/** Every file a schema pulls in through externalRef and include. */
function closure(start: string): Set<string> {
  const seen = new Set<string>();
  const todo = [start];
  while (todo.length > 0) {
    const f = todo.pop()!;
    if (seen.has(f)) continue;
    seen.add(f);
    const walk = (el: Element): void => {
      if ((el.localName === 'externalRef' || el.localName === 'include') && el.getAttribute('href')) {
        todo.push(el.getAttribute('href')!);
      }
      kids(el).forEach(walk);
    };
    walk(rng(f));
  }
  return seen;
}

type AttrMap = Record<string, string[]>;
interface TypedAttributes {
  idrefs: AttrMap;
  ids: AttrMap;
}

/**
 * Which attributes of which elements are typed IDREF or ID in one schema version. Walks the
 * grammar from its start, following ref/externalRef/include, and records each typed attribute
 * against the nearest enclosing element.
 */
function typedAttributes(version: string): TypedAttributes {
  const idrefs = new Map<string, Set<string>>();
  const ids = new Map<string, Set<string>>();
  const visited = new Set<string>();

  const add = (map: Map<string, Set<string>>, el: string, attr: string): void => {
    if (!map.has(el)) map.set(el, new Set());
    map.get(el)!.add(attr);
  };

  /** Grammar scopes to resolve a ref in: innermost first (include overrides, then files). */
  type Scope = Element[];

  const definesIn = (grammar: Element, name: string): Element[] => {
    const out: Element[] = [];
    for (const k of kids(grammar)) {
      if (k.localName === 'define' && k.getAttribute('name') === name) out.push(k);
      if (k.localName === 'include') {
        const overrides = kids(k).filter((d) => d.localName === 'define' && d.getAttribute('name') === name);
        out.push(...(overrides.length > 0 ? overrides : definesIn(rng(k.getAttribute('href')!), name)));
      }
    }
    return out;
  };

  const walk = (node: Element, scope: Scope, element: string): void => {
    switch (node.localName) {
      case 'element': {
        const name = node.getAttribute('name') || '*';
        kids(node).forEach((k) => walk(k, scope, name));
        return;
      }
      case 'attribute': {
        const name = node.getAttribute('name');
        const types = descendants(node).filter((d) => d.localName === 'data').map((d) => d.getAttribute('type'));
        if (name && types.includes('IDREF')) add(idrefs, element, name);
        if (name && types.includes('ID')) add(ids, element, name);
        return;
      }
      case 'ref': {
        const name = node.getAttribute('name')!;
        for (const g of scope) {
          const defs = definesIn(g, name);
          if (defs.length === 0) continue;
          const key = `${scopeKey(g)}#${name}@${element}`;
          if (visited.has(key)) return;
          visited.add(key);
          defs.forEach((d) => kids(d).forEach((k) => walk(k, scope, element)));
          return;
        }
        return;
      }
      case 'externalRef': {
        const file = node.getAttribute('href')!;
        walkGrammar(rng(file), [], element);
        return;
      }
      case 'grammar':
        walkGrammar(node, scope, element);
        return;
      default:
        kids(node).forEach((k) => walk(k, scope, element));
    }
  };

  const walkGrammar = (grammar: Element, outer: Scope, element: string): void => {
    const scope = [grammar, ...outer];
    for (const k of kids(grammar)) {
      if (k.localName === 'start') kids(k).forEach((s) => walk(s, scope, element));
      if (k.localName === 'include') {
        const starts = kids(k).filter((s) => s.localName === 'start');
        const target = rng(k.getAttribute('href')!);
        const bodies = starts.length > 0 ? starts : kids(target).filter((s) => s.localName === 'start');
        bodies.forEach((s) => kids(s).forEach((c) => walk(c, [k, target, ...scope], element)));
      }
    }
  };

  const scopeIds = new Map<Element, number>();
  const scopeKey = (g: Element): number => {
    if (!scopeIds.has(g)) scopeIds.set(g, scopeIds.size);
    return scopeIds.get(g)!;
  };

  walkGrammar(rng(`pacemaker-${version}.rng`), [], '');
  const plain = (m: Map<string, Set<string>>): AttrMap =>
    Object.fromEntries([...m.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, [...v].sort()]));
  return { idrefs: plain(idrefs), ids: plain(ids) };
}

function descendants(el: Element): Element[] {
  const out: Element[] = [];
  for (const k of kids(el)) out.push(k, ...descendants(k));
  return out;
}

function packageVersion(pkg: string): string {
  try {
    return execFileSync('dpkg-query', ['-W', '-f', '${Version}', pkg], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

interface ClusterOption {
  name: string;
  daemon: string;
  type: string;
  default: string | null;
  values?: string[];
}

function daemonOptions(daemon: string): ClusterOption[] {
  const xml = execFileSync(join(daemonDir, `pacemaker-${daemon}`), ['metadata'], { encoding: 'utf8' });
  const root = new DOMParser().parseFromString(xml, 'text/xml').documentElement!;
  return descendants(root)
    .filter((p) => p.localName === 'parameter')
    .map((p) => {
      const content = kids(p).find((k) => k.localName === 'content')!;
      const option: ClusterOption = {
        name: p.getAttribute('name')!,
        daemon,
        type: content.getAttribute('type') ?? 'string',
        default: content.hasAttribute('default') ? content.getAttribute('default') : null,
      };
      const values = kids(content).filter((k) => k.localName === 'option').map((k) => k.getAttribute('value')!);
      if (values.length > 0) option.values = values;
      return option;
    });
}

function main(): void {
  const versions = shippedVersions();
  const files = new Set<string>();
  for (const v of versions) closure(`pacemaker-${v}.rng`).forEach((f) => files.add(f));

  if (existsSync(outSchemas)) rmSync(outSchemas, { recursive: true });
  mkdirSync(outSchemas, { recursive: true });
  const sorted = [...files].sort();
  for (const f of sorted) copyFileSync(join(schemaDir, f), join(outSchemas, f));

  const typed: Record<string, TypedAttributes> = {};
  for (const v of versions) typed[`pacemaker-${v}`] = typedAttributes(v);
  writeFileSync(join(outSchemas, 'idrefs.json'), JSON.stringify(typed, null, 1) + '\n');

  const common = packageVersion('pacemaker-common');
  const daemons = packageVersion('pacemaker');
  writeFileSync(join(outSchemas, 'PROVENANCE.md'), provenance(common, sorted, versions));

  const options = ['schedulerd', 'controld', 'based'].flatMap(daemonOptions);
  writeFileSync(
    outOptions,
    JSON.stringify({ source: `pacemaker ${daemons} (pacemaker-{schedulerd,controld,based} metadata)`, options }, null, 1) + '\n',
  );
  console.log(`${sorted.length} schema files, ${versions.length} versions, ${options.length} cluster options`);
}

function provenance(version: string, files: string[], versions: string[]): string {
  return `# Pacemaker RelaxNG schemas (vendored data)

- Source: Debian package \`pacemaker-common\` version ${version}, files from \`/usr/share/pacemaker/\`.
- Upstream: Pacemaker (ClusterLabs), https://github.com/ClusterLabs/pacemaker, directory \`xml/\`.
- Licence: GPL-2.0-or-later. Debian's \`/usr/share/doc/pacemaker-common/copyright\` gives
  \`Files: *\` (which covers upstream's \`xml/\` directory these come from) as GPL-2+; only
  \`include/\`, \`lib/\`, \`po/\` (LGPL-2+), \`doc/\` (CC-BY-SA-4) and two init scripts differ.
  tcrm is GPL-2.0-or-later as well.
- Copied unchanged by \`scripts/vendor-pacemaker-data.ts\`: every \`pacemaker-X.rng\` for
  X in ${versions.join(', ')}, plus every file those pull in through \`externalRef\`/\`include\`.
  Schemas for \`pacemaker-1.x\` and older are not shipped (Pacemaker 2 upgrades them itself).
- \`idrefs.json\` is generated by the same script from these files: for each schema version, the
  attributes typed \`<data type="IDREF"/>\` (\`idrefs\`) and \`<data type="ID"/>\` (\`ids\`) per
  element name, used by tcrm's own dangling-reference check.
- \`../cluster-options.json\` is generated from \`pacemaker-schedulerd metadata\`,
  \`pacemaker-controld metadata\` and \`pacemaker-based metadata\` (Debian \`pacemaker\`).

Files (${files.length}):
${files.map((f) => `- ${f}`).join('\n')}
`;
}

main();
