/**
 * `configure modgroup GRP add RSC [after|before REF]` / `modgroup GRP remove RSC`. crmsh 4.4.1
 * runs the group's one-line text through `sed -r` and loads the result back as an edit of that
 * group; tcrm makes the same text change in-process (with the ids taken literally, where sed
 * would read them as regular expressions) and applies it the same way, so the outcome and the
 * messages are crmsh's: an added member leaves its place, a removed one goes to the end of the
 * resources, constraints stay where they were.
 * Errors of the checks are returned without the `configure.modgroup: ` label the session adds.
 */
import type { Diagnostic } from '../../diagnostic.js';
import type { LowerContext } from '../lower/common.js';
import { renderObject } from '../show.js';
import type { Document } from '../xml.js';
import { applyStatements } from './apply-text.js';
import { findObjectGlob, resourceChildren } from './model.js';
import { parseConfigText } from './parse-text.js';

export interface ModgroupRequest {
  group: string;
  action: 'add' | 'remove';
  member: string;
  position?: { where: 'after' | 'before'; ref: string };
}

export function modgroup(doc: Document, req: ModgroupRequest, ctx: LowerContext): { fatal?: string; diagnostics: Diagnostic[]; ok: boolean } {
  const g = findObjectGlob(doc, req.group);
  if (!g) return { fatal: `group ${req.group} does not exist`, diagnostics: [], ok: false };
  if (g.el.tagName !== 'group') return { fatal: `element ${req.group} is not a group`, diagnostics: [], ok: false };
  const children = resourceChildren(g.el).map((c) => c.getAttribute('id') ?? '');
  if (req.position && !children.includes(req.position.ref)) {
    return { fatal: `${req.position.ref} is not member of ${req.group}`, diagnostics: [], ok: false };
  }
  if (req.action === 'remove' && !children.includes(req.member)) {
    return { fatal: `${req.member} is not member of ${req.group}`, diagnostics: [], ok: false };
  }
  const where = req.position?.where ?? 'after';
  const ref = req.position?.ref ?? children[children.length - 1] ?? '';
  const before = oneLine(renderObject(g.el));
  const pattern = new RegExp(` ${escapeRegExp(req.action === 'add' ? ref : req.member)}( |$)`);
  const after = before.replace(pattern, (m) =>
    req.action === 'remove' ? ' ' : where === 'after' ? `${m} ${req.member} ` : ` ${req.member}${m} `,
  );
  if (after === before) return { diagnostics: [], ok: true };
  const parsed = parseConfigText(after, '<modgroup>');
  if (!parsed.ok) return { diagnostics: parsed.diagnostics, ok: false };
  const applied = applyStatements(doc, parsed.statements, ctx, { remove: true, method: 'replace', selection: [g] });
  return { diagnostics: [...parsed.diagnostics, ...applied.diagnostics], ok: applied.ok };
}

/** crmsh's repr_cli(format_mode=-1): the object on one line. */
export function oneLine(text: string): string {
  return text.replace(/\s*\\\n\s*/g, ' ');
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
