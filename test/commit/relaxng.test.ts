/**
 * tcrm's RELAX NG check (src/commit/relaxng/) may only ever say "valid" when libxml2 — what
 * crm_verify and cibadmin use — says so too; "not sure" is always allowed, it only costs time.
 * Checked on every CIB of the golden corpus and on thousands of seeded mutations of them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { RelaxNGValidator, XmlDocument, XmlValidateError } from 'libxml2-wasm';
import { xmlRegisterFsInputProviders } from 'libxml2-wasm/lib/nodejs.mjs';
import { describe, expect, it } from 'vitest';
import { danglingReferences } from '../../src/commit/idref-check.js';
import { matchesSchema } from '../../src/commit/relaxng/derive.js';
import { loadSchema } from '../../src/commit/relaxng/load-schema.js';
import { typedAttributesFor, vendoredSchemaDir } from '../../src/commit/schema-data.js';
import { childElements, parseXml, serializeDocument, type Document, type Element } from '../../src/shadow-cib/xml.js';
import { Picker, prng } from '../helpers/config-generator.js';
import { FIXTURE_ROOT } from '../helpers/fixtures.js';

const SCHEMA = 'pacemaker-3.9';
const schemaFile = join(vendoredSchemaDir(), `${SCHEMA}.rng`);

xmlRegisterFsInputProviders();
const libxml2 = RelaxNGValidator.fromDoc(
  XmlDocument.fromString(readFileSync(schemaFile, 'utf8'), { url: pathToFileURL(schemaFile).href }),
);
const start = loadSchema(schemaFile);

function libxml2Accepts(doc: Document): boolean {
  const xml = XmlDocument.fromString(serializeDocument(doc));
  const realWrite = process.stderr.write;
  process.stderr.write = (() => true) as typeof process.stderr.write;
  try {
    libxml2.validate(xml);
    return true;
  } catch (e) {
    if (e instanceof XmlValidateError) return false;
    throw e;
  } finally {
    process.stderr.write = realWrite;
    xml.dispose();
  }
}

/** What schema-validate.ts concludes without libxml2: sure it is valid, or not sure. */
function surelyValid(doc: Document): boolean {
  return matchesSchema(start, doc.documentElement!) && danglingReferences(doc, typedAttributesFor(SCHEMA)!).length === 0;
}

/** Every golden CIB (the configurations crmsh wrote, valid or not) as a whole `pacemaker-3.9` CIB. */
function corpus(): Array<{ name: string; text: string }> {
  const out: Array<{ name: string; text: string }> = [];
  for (const dir of readdirSync(FIXTURE_ROOT).sort()) {
    let text: string;
    try {
      text = readFileSync(join(FIXTURE_ROOT, dir, 'expected.cib.xml'), 'utf8');
    } catch {
      continue;
    }
    if (!text.startsWith('<configuration')) continue;
    out.push({
      name: dir,
      text: `<cib validate-with="${SCHEMA}" epoch="1" num_updates="0" admin_epoch="0">${text}<status/></cib>`,
    });
  }
  return out;
}

const documents = corpus();

describe('RELAX NG by derivatives against libxml2', () => {
  it('gives libxml2’s verdict on every CIB of the golden corpus', () => {
    expect(documents.length).toBeGreaterThan(400);
    const disagreements: string[] = [];
    let valid = 0;
    for (const { name, text } of documents) {
      const doc = parseXml(text);
      const ours = surelyValid(doc);
      const theirs = libxml2Accepts(doc);
      if (theirs) valid++;
      if (ours !== theirs) disagreements.push(`${name}: tcrm ${ours}, libxml2 ${theirs}`);
    }
    expect(disagreements).toEqual([]);
    expect(valid).toBeGreaterThan(300);
  });

  it('never accepts a mutated CIB that libxml2 refuses, and is sure of nearly every valid one', { timeout: 600_000 }, () => {
    const pick = new Picker(prng(Number(process.env.TCRM_RELAXNG_SEED ?? 20261128)));
    const pools = vocabulary(documents.map((d) => parseXml(d.text)));
    let refusedByLibxml2 = 0;
    let validButUnsure = 0;
    let validTotal = 0;
    const unsound: string[] = [];
    const count = Number(process.env.TCRM_RELAXNG_MUTATIONS ?? 2_500);
    for (let i = 0; i < count; i++) {
      const base = pick.one(documents);
      const doc = parseXml(base.text);
      const applied: string[] = [];
      for (let m = pick.int(1, 3); m > 0; m--) applied.push(mutate(doc, pick, pools));
      const theirs = libxml2Accepts(doc);
      const ours = surelyValid(doc);
      if (!theirs) refusedByLibxml2++;
      if (ours && !theirs) unsound.push(`${base.name} after ${applied.join(', ')}`);
      if (theirs) {
        validTotal++;
        if (!ours) validButUnsure++;
      }
    }
    expect(unsound).toEqual([]);
    // The mutations must actually reach invalid documents, or the first assertion proves nothing.
    expect(refusedByLibxml2).toBeGreaterThan(count * 0.4);
    expect(validButUnsure).toBeLessThanOrEqual(Math.ceil(validTotal * 0.02));
  });

  it('refuses a duplicate id, an unknown attribute and a wrong value like libxml2', () => {
    const base = documents.find((d) => d.text.includes('<primitive '))!.text;
    const cases = [
      base.replace(/<primitive id="([^"]+)"/, '<primitive id="$1" bogus="1"'),
      base.replace(/<primitive id="([^"]+)"([^>]*)\/>/, '<primitive id="$1"$2/><primitive id="$1"$2/>'),
      base.replace(/class="ocf"/, 'class="nosuchclass"'),
      base.replace(/<resources>/, '<resources>text'),
    ];
    for (const text of cases) {
      const doc = parseXml(text);
      expect(libxml2Accepts(doc)).toBe(false);
      expect(surelyValid(doc)).toBe(false);
    }
  });
});

interface Vocabulary {
  tags: string[];
  attributes: string[];
  values: string[];
}

function vocabulary(docs: Document[]): Vocabulary {
  const tags = new Set<string>();
  const attributes = new Set<string>();
  const values = new Set(['', ' ', 'x y', '1', '-1', '0', '+5', 'true', 'no', 'INFINITY', '-inf', '10s', 'é', 'a:b', '#uname']);
  const visit = (el: Element): void => {
    tags.add(el.tagName);
    for (let i = 0; i < el.attributes.length; i++) {
      const a = el.attributes.item(i)!;
      attributes.add(a.name);
      if (values.size < 3_000) values.add(a.value);
    }
    childElements(el).forEach(visit);
  };
  docs.forEach((d) => visit(d.documentElement!));
  return { tags: [...tags].sort(), attributes: [...attributes].sort(), values: [...values].sort() };
}

function allElements(doc: Document): Element[] {
  const out: Element[] = [];
  const visit = (el: Element): void => {
    out.push(el);
    childElements(el).forEach(visit);
  };
  visit(doc.documentElement!);
  return out;
}

/** One random change, biased to the configuration; returns what it did, for the failure message. */
function mutate(doc: Document, pick: Picker, pools: Vocabulary): string {
  const elements = allElements(doc).filter((e) => e !== doc.documentElement);
  if (elements.length === 0) return 'nothing left to change';
  const el = pick.one(elements);
  const attrs = Array.from({ length: el.attributes.length }, (_, i) => el.attributes.item(i)!);
  switch (pick.int(0, 8)) {
    case 0:
      if (attrs.length === 0) break;
      el.removeAttribute(pick.one(attrs).name);
      return `removed an attribute of ${el.tagName}`;
    case 1:
    case 2: {
      if (attrs.length === 0) break;
      const a = pick.one(attrs);
      a.value = pick.one(pools.values);
      return `set ${el.tagName}@${a.name}`;
    }
    case 3: {
      const renamed = doc.createElement(pick.one(pools.tags));
      attrs.forEach((a) => renamed.setAttribute(a.name, a.value));
      while (el.firstChild) renamed.appendChild(el.firstChild);
      el.parentNode!.replaceChild(renamed, el);
      return `renamed ${el.tagName} to ${renamed.tagName}`;
    }
    case 4:
      el.parentNode!.insertBefore(el.cloneNode(true), el.nextSibling);
      return `duplicated ${el.tagName}`;
    case 5:
      el.parentNode!.removeChild(el);
      return `removed ${el.tagName}`;
    case 6: {
      const target = pick.one(elements.filter((e) => !isInside(e, el)));
      if (!target) break;
      target.appendChild(el);
      return `moved ${el.tagName} into ${target.tagName}`;
    }
    case 7:
      el.setAttribute(pick.one(pools.attributes), pick.one(pools.values));
      return `set an attribute on ${el.tagName}`;
    case 8: {
      const sibling = el.nextSibling;
      if (!sibling) break;
      el.parentNode!.insertBefore(sibling, el);
      return `swapped ${el.tagName} with its next sibling`;
    }
  }
  el.setAttribute(pick.one(pools.attributes), pick.one(pools.values));
  return `set an attribute on ${el.tagName}`;
}

function isInside(node: Element, ancestor: Element): boolean {
  for (let p: Element | null = node; p; p = p.parentNode as Element | null) if (p === ancestor) return true;
  return false;
}
