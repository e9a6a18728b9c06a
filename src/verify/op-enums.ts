/**
 * The `op` attributes whose values Pacemaker's schema enumerates (`role`, `on-fail`), for the
 * schema the CIB names in `validate-with` — crmsh asks the same schema. Read from the vendored
 * RelaxNG files (data/schemas); an unknown or missing schema falls back to pacemaker-3.9's.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { agentDataDir } from '../agents/data-dir.js';
import { childElements, parseXml, type Element } from '../shadow-cib/xml.js';

const FALLBACK: Record<string, string[]> = {
  'on-fail': ['ignore', 'block', 'demote', 'stop', 'restart', 'standby', 'fence', 'restart-container'],
  role: ['Stopped', 'Started', 'Promoted', 'Unpromoted', 'Slave', 'Master'],
};

const cache = new Map<string, Record<string, string[]>>();

function descendants(el: Element, tag: string, out: Element[] = []): Element[] {
  for (const c of childElements(el)) {
    if (c.tagName === tag) out.push(c);
    descendants(c, tag, out);
  }
  return out;
}

function readEnums(schemaDir: string, validateWith: string): Record<string, string[]> | null {
  const main = join(schemaDir, `${validateWith}.rng`);
  if (!existsSync(main)) return null;
  const href = /href="(resources-[\d.]+\.rng)"/.exec(readFileSync(main, 'utf8'))?.[1];
  if (!href || !existsSync(join(schemaDir, href))) return null;
  const root = parseXml(readFileSync(join(schemaDir, href), 'utf8')).documentElement!;
  const op = descendants(root, 'element').find((e) => e.getAttribute('name') === 'op');
  if (!op) return null;
  const enums: Record<string, string[]> = {};
  for (const attr of descendants(op, 'attribute')) {
    const values = descendants(attr, 'value').map((v) => v.textContent ?? '');
    if (values.length > 0) enums[attr.getAttribute('name') ?? ''] = values;
  }
  return enums;
}

export function opEnums(validateWith: string | null): Record<string, string[]> {
  const key = validateWith ?? '';
  let enums = cache.get(key);
  if (!enums) {
    let found: Record<string, string[]> | null = null;
    try {
      if (validateWith) found = readEnums(join(dirname(agentDataDir()), 'schemas'), validateWith);
    } catch {
      found = null; // a schema we cannot read: the default enumerations
    }
    enums = found ?? FALLBACK;
    cache.set(key, enums);
  }
  return enums;
}
