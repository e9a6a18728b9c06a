/**
 * Schema validation of a CIB in-process, against the Pacemaker RelaxNG schema its
 * `validate-with` names, with the output crm_verify would print for it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { RelaxNGValidator, XmlDocument, XmlValidateError, type ErrorDetail } from 'libxml2-wasm';
import { xmlRegisterFsInputProviders } from 'libxml2-wasm/lib/nodejs.mjs';
import { diag, type Diagnostic } from '../diagnostic.js';
import { childElements, serializeDocument, type Document, type Element } from '../shadow-cib/xml.js';
import { danglingReferences, danglingRefLine } from './idref-check.js';
import { matchesSchema } from './relaxng/derive.js';
import { loadSchema } from './relaxng/load-schema.js';
import type { Pattern } from './relaxng/patterns.js';
import { typedAttributesFor, vendoredSchemaDir } from './schema-data.js';
import { asDiagnostics, ERRORS_FOUND, SCHEMA_FAILED, type VerifyLine } from './verify-lines.js';

export interface SchemaOptions {
  /** Directory holding `pacemaker-X.rng` files (a live node's own); default: the vendored ones. */
  schemaDir?: string;
  /** Ask libxml2 even when tcrm's own check is sure (the benchmark's baseline). */
  libxml2Only?: boolean;
}

export interface SchemaCheck {
  /** crm_verify's lines for the schema step, closing lines included when invalid. */
  lines: VerifyLine[];
  valid: boolean;
  /** tcrm's own notes (e.g. a schema tcrm does not ship), not part of crm_verify's output. */
  notes: Diagnostic[];
}

const NEXT_DEPRECATED =
  '(validate_with) \twarning: The pacemaker-next schema is deprecated and will be removed in a future release.';
const VALIDATION_DISABLED =
  'Schema validation of configuration is disabled (enabling is encouraged and prevents common misconfigurations)';

/** Validates a CIB against its schema; crm_verify's lines as diagnostics (empty when valid). */
export function validateCibSchema(doc: Document, opts: SchemaOptions = {}): Diagnostic[] {
  const result = checkSchema(doc, opts);
  return [...asDiagnostics(result.lines), ...result.notes];
}

export function checkSchema(doc: Document, opts: SchemaOptions = {}): SchemaCheck {
  const schema = doc.documentElement?.getAttribute('validate-with') ?? '';
  const dir = opts.schemaDir ?? vendoredSchemaDir();
  if (schema === 'none') {
    return { lines: [{ text: VALIDATION_DISABLED, level: 'warning' }], valid: true, notes: [] };
  }
  if (schema === '') {
    // crm_verify tries every schema in turn and ends at "none": validation off, not an error.
    const hint = 'the CIB has no validate-with attribute';
    return { lines: [{ text: VALIDATION_DISABLED, level: 'warning', hint }], valid: true, notes: [] };
  }
  const known = /^pacemaker-(\d+\.\d+|next)$/.test(schema);
  const file = join(dir, `${schema}.rng`);
  if (!known || !existsSync(file)) {
    if (/^(pacemaker|transitional)-[01]\.\d+$/.test(schema)) {
      // Pacemaker upgrades these old schemas itself on the next write; tcrm does not ship them.
      const note = diag('TCRM3010', 'warning', `schema ${schema} is not bundled with tcrm: the CIB was not validated`);
      return { lines: [], valid: true, notes: [note] };
    }
    const hint = `validate-with="${schema}" names no schema known here`;
    const failed: VerifyLine = { text: SCHEMA_FAILED, level: 'error', hint };
    return { lines: [failed, { text: ERRORS_FOUND, level: 'error' }], valid: false, notes: [] };
  }

  const lead: VerifyLine[] = schema === 'pacemaker-next' ? [{ text: NEXT_DEPRECATED, level: 'warning' }] : [];
  const dangling = danglingReferences(doc, typedAttributesFor(schema) ?? { idrefs: {}, ids: {} });
  // The usual case, a valid CIB, is settled on the DOM; libxml2 (which needs the CIB printed and
  // parsed again) gives the verdict and crm_verify's wording whenever that check is not sure.
  if (dangling.length === 0 && !opts.libxml2Only && surelyValid(file, doc)) return { lines: lead, valid: true, notes: [] };
  const outcome = runRelaxNg(validatorFor(file), doc);
  const errors = [
    ...outcome.details.map((d) => detailLine(doc, d)),
    ...dangling.map(danglingRefLine),
    ...unexplainedStderr(outcome.stderr),
  ];
  if (outcome.valid && dangling.length === 0) return { lines: lead, valid: true, notes: [] };
  return {
    lines: [...lead, ...errors, { text: SCHEMA_FAILED, level: 'error' }, { text: ERRORS_FOUND, level: 'error' }],
    valid: false,
    notes: [],
  };
}

const derivativeSchemas = new Map<string, Pattern | null>();

/** tcrm's own RELAX NG check; false means "not sure", never "invalid" (see relaxng/). */
function surelyValid(file: string, doc: Document): boolean {
  let start = derivativeSchemas.get(file);
  if (start === undefined) {
    try {
      start = loadSchema(file);
    } catch {
      start = null; // a schema using constructs relaxng/ does not read: libxml2 alone
    }
    derivativeSchemas.set(file, start);
  }
  if (!start || !doc.documentElement) return false;
  try {
    return matchesSchema(start, doc.documentElement);
  } catch {
    return false;
  }
}

// Loaded once per schema file and kept for the life of the process (the schema documents are
// never disposed: the compiled schema may still point into them).
const validators = new Map<string, RelaxNGValidator>();
let providersRegistered = false;

function validatorFor(file: string): RelaxNGValidator {
  let v = validators.get(file);
  if (!v) {
    if (!providersRegistered) providersRegistered = xmlRegisterFsInputProviders() || true;
    const rng = XmlDocument.fromString(readFileSync(file, 'utf8'), { url: pathToFileURL(file).href });
    v = RelaxNGValidator.fromDoc(rng);
    validators.set(file, v);
  }
  return v;
}

interface RelaxNgOutcome {
  valid: boolean;
  details: ErrorDetail[];
  stderr: string;
}

/**
 * libxml2 reports some errors (dangling IDREFs) only by printing them, so stderr is captured
 * around the synchronous validate call.
 */
function runRelaxNg(validator: RelaxNGValidator, doc: Document): RelaxNgOutcome {
  const xml = XmlDocument.fromString(serializeDocument(doc));
  const captured: string[] = [];
  const realWrite = process.stderr.write;
  process.stderr.write = ((chunk: string | Uint8Array): boolean => {
    captured.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  }) as typeof process.stderr.write;
  try {
    validator.validate(xml);
    return { valid: true, details: [], stderr: captured.join('') };
  } catch (e) {
    if (!(e instanceof XmlValidateError)) throw e;
    return { valid: false, details: e.details, stderr: captured.join('') };
  } finally {
    process.stderr.write = realWrite;
    xml.dispose();
  }
}

/** A libxml2 error as crmsh shows it: `element (id): message` instead of the line number. */
function detailLine(doc: Document, d: ErrorDetail): VerifyLine {
  const message = d.message.trimEnd();
  const el = d.xpath ? elementAt(doc, d.xpath) : null;
  if (!el) return { text: `Relax-NG validity error : ${message}`, level: 'error' };
  return { text: `${el.tagName} (${idLabel(el)}): ${message}`, level: 'error', schemaElement: true };
}

function idLabel(el: Element): string {
  if (el.getAttribute('id')) return el.getAttribute('id')!;
  for (let p = el.parentNode as Element | null; p && p.nodeType === 1; p = p.parentNode as Element | null) {
    if (p.getAttribute('id')) return `in ${p.getAttribute('id')}`;
  }
  return el.tagName;
}

/** Resolves libxml2's node path (`/cib/configuration/resources/primitive[2]/operations`). */
function elementAt(doc: Document, xpath: string): Element | null {
  let current: Element | null = null;
  for (const step of xpath.split('/').filter(Boolean)) {
    const m = /^([^[\]]+)(?:\[(\d+)\])?$/.exec(step);
    if (!m) return null;
    const [, name, index] = m;
    const candidates: Element[] = current
      ? childElements(current).filter((c) => c.tagName === name)
      : doc.documentElement?.tagName === name
        ? [doc.documentElement]
        : [];
    current = candidates[(index ? Number(index) : 1) - 1] ?? null;
    if (!current) return null;
  }
  return current;
}

const IDREF_LINE = /^element \S+: validity error : IDREF attribute \S+ references an unknown ID ".*"$/;

/**
 * Lines libxml2 printed besides its returned details. Its IDREF lines are left out: tcrm's own
 * check reports those (libxml2 also names ids that exist when they follow an invalid element,
 * and under test runners its printing does not reach process.stderr at all).
 */
function unexplainedStderr(stderr: string): VerifyLine[] {
  return stderr
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !IDREF_LINE.test(l))
    .filter((l, i, all) => all.indexOf(l) === i)
    .map((text) => ({ text, level: 'error' as const }));
}
