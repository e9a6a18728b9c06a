/**
 * Applying an edited `show` text back to the working CIB, the way crmsh's `edit` saves it
 * (cibconfig.py `CibObjectSet.save`, remove=True, method='replace'): every statement is parsed
 * first and nothing changes on a syntax error; objects whose text was removed are deleted,
 * changed or new statements re-define their object (`applyUpdate`: old child ids inherited);
 * if anything fails the working copy is put back exactly as it was.
 */
import type { Diagnostic } from '../diagnostic.js';
import type { ConfigStatement } from '../grammar/ast.js';
import { planLine } from '../grammar/navigate.js';
import { parseConfigureStatement } from '../grammar/parse-configure.js';
import { splitLogicalLines } from '../grammar/split-words.js';
import type { LogicalLine } from '../grammar/words.js';
import { IdAllocator } from '../shadow-cib/ids.js';
import { applyUpdate } from '../shadow-cib/lower.js';
import { deleteObjects } from '../shadow-cib/edit/delete.js';
import { parseXml, serializeDocument } from '../shadow-cib/xml.js';
import type { ConfigureSession } from './configure-session.js';
import { commandLine } from './dispatch.js';

interface ParsedStatement {
  stmt: ConfigStatement;
  /** The statement's words joined by one space: equal texts mean an untouched object. */
  text: string;
  id?: string;
}

export interface ParsedText {
  statements: ParsedStatement[];
  diagnostics: Diagnostic[];
  ok: boolean;
}

function statementId(stmt: ConfigStatement): string | undefined {
  return 'id' in stmt && stmt.id && typeof stmt.id === 'object' && 'name' in stmt.id ? String(stmt.id.name) : undefined;
}

/** Parses crm text as configure statements (what `edit` and `load` read). */
export function parseStatements(text: string, file: string): ParsedText {
  const statements: ParsedStatement[] = [];
  const diagnostics: Diagnostic[] = [];
  let ok = true;
  for (const line of splitLogicalLines(text, file)) {
    if (line.words.length === 0 && !line.error) continue;
    const parsed = parseOne(line);
    diagnostics.push(...parsed.diagnostics);
    if (!parsed.stmt) {
      ok = false;
      continue;
    }
    const words = line.words.map((w) => w.text).join(' ');
    statements.push({ stmt: parsed.stmt, text: words, id: statementId(parsed.stmt) });
  }
  return { statements, diagnostics, ok: ok && !diagnostics.some((d) => d.severity === 'error') };
}

function parseOne(line: LogicalLine): { stmt: ConfigStatement | null; diagnostics: Diagnostic[] } {
  if (line.error) return parseConfigureStatement(line, 'primitive');
  const plan = planLine('configure', line.words);
  const problems = plan.diagnostics.filter((d) => d.severity === 'error');
  if (problems.length > 0 || !plan.run || plan.run.spec.kind !== 'object' || plan.enter.length > 0 || plan.moves.length > 0) {
    return { stmt: null, diagnostics: problems.length > 0 ? problems : [{ code: 'CRM', severity: 'error', message: `syntax: ${line.text}`, at: line.at }] };
  }
  return parseConfigureStatement(commandLine(line, plan.run.argStart - 1), plan.run.command);
}

export interface ApplyEditResult {
  diagnostics: Diagnostic[];
  ok: boolean;
}

/**
 * Applies `edited` over the objects that `original` showed. The working copy is restored on any
 * error, so a failed edit leaves the session as it was.
 */
export function applyEditedText(cfg: ConfigureSession, original: string, edited: string, file: string): ApplyEditResult {
  const before = parseStatements(original, file);
  const after = parseStatements(edited, file);
  if (!after.ok) return { diagnostics: after.diagnostics, ok: false };
  const oldText = new Map(before.statements.filter((s) => s.id !== undefined).map((s) => [s.id!, s.text]));
  const newIds = new Set(after.statements.map((s) => s.id).filter((id): id is string => id !== undefined));
  const removed = [...oldText.keys()].filter((id) => !newIds.has(id));
  const changed = after.statements.filter((s) => s.id === undefined || oldText.get(s.id) !== s.text);
  if (removed.length === 0 && changed.length === 0) return { diagnostics: [], ok: true };

  return cfg.edit((working) => {
    const snapshot = serializeDocument(working);
    const changedBefore = new Set(cfg.changed);
    const diagnostics: Diagnostic[] = [];
    const ctx = { ids: cfg.ids, changed: cfg.changed };
    let ok = true;
    if (removed.length > 0) {
      const r = deleteObjects(working, removed, ctx);
      diagnostics.push(...r.diagnostics);
      ok = r.ok;
    }
    for (const s of changed) {
      if (!ok) break;
      const ds = applyUpdate(working, s.stmt, ctx);
      diagnostics.push(...ds);
      if (ds.some((d) => d.severity === 'error')) ok = false;
    }
    if (!ok) {
      // Put the working copy back as it was before this edit.
      const fresh = parseXml(snapshot);
      working.replaceChild(working.importNode(fresh.documentElement!, true), working.documentElement!);
      cfg.ids = IdAllocator.fromDocument(working);
      cfg.changed = changedBefore;
    }
    return { diagnostics, ok };
  });
}
