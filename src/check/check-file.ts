/**
 * One file checked: read it safely, find its commands for its mode, run them through the
 * pipeline, and report each finding once (the most severe one at a token wins).
 */
import type { AgentCatalog } from '../agents/types.js';
import { splitLogicalLines } from '../grammar/split-words.js';
import { message, type Lang } from '../messages/catalog.js';
import type { Document } from '../shadow-cib/xml.js';
import type { InputCommand } from './commands.js';
import { localizeCrmLines } from './crm-texts.js';
import { detectMode } from './detect-mode.js';
import { heredocCommands } from './heredoc.js';
import { joinMissingContinuations, splitExtraContinuations } from './missing-continuation.js';
import { hasTypography, plainText, typographyFindings } from './typography.js';
import { decodeInput, physicalLines } from './read-input.js';
import { Simulator } from './simulate.js';
import { transcriptCommands } from './transcript.js';
import type { CheckFinding, FileReport, InputMode } from './types.js';

export interface CheckOptions {
  mode?: InputMode;
  nodes: readonly string[];
  catalog: AgentCatalog;
  lang: Lang;
}

export interface CheckedFile extends FileReport {
  /** The live CIB the answer leaves, when it could be read. */
  live: Document | null;
}

/** More commands than any lab answer holds (a few dozen): the rest of the file is not checked,
 *  so that a huge paste still gets its answer in about a second. */
export const MAX_COMMANDS = 1000;

export function commandsOf(text: string, file: string, mode: InputMode): InputCommand[] {
  if (mode === 'transcript') return transcriptCommands(text, file);
  const lines = splitLogicalLines(text, file).map((line): InputCommand => ({ kind: 'line', line, answers: [] }));
  return mode === 'script' ? heredocCommands(lines) : lines;
}

export function checkText(bytes: Uint8Array, file: string, opts: CheckOptions): CheckedFile {
  const read = decodeInput(bytes, file, opts.lang);
  if (!read.ok) return { file, mode: null, findings: [read.finding], lines: [], live: null };
  const text = read.text;
  const mode = opts.mode ?? detectMode(text);
  const lines = physicalLines(text);
  const early: CheckFinding[] = read.notice ? [read.notice] : [];
  // curly quotes, dashes and non-breaking spaces from a word processor: read as ASCII, reported
  const typographic = hasTypography(text);
  const read1 = commandsOf(typographic ? plainText(text) : text, file, mode);
  if (typographic) early.push(...typographyFindings(read1, lines, opts.lang));
  const split = splitExtraContinuations(read1, opts.lang);
  const joined = joinMissingContinuations(split.commands, opts.lang);
  early.push(...split.findings, ...joined.findings);
  let commands = joined.commands;
  if (commands.length === 0) {
    const f: CheckFinding = {
      line: 1, column: 1, endLine: 1, endColumn: 2, severity: 'error', code: 'TCRM2005',
      message: message('TCRM2005', { file, mode }, opts.lang), suggestion: null,
    };
    return { file, mode, findings: [...early, f], lines, live: null };
  }
  if (commands.length > MAX_COMMANDS) {
    const last = commands[MAX_COMMANDS - 1]!.line;
    const next = commands[MAX_COMMANDS]!.line.words[0];
    const line = next?.at.line ?? last.lastLine;
    early.push({
      line, column: next?.at.col ?? 1, endLine: line, endColumn: (next?.at.col ?? 1) + 1, severity: 'error', code: 'TCRM2038',
      message: message('TCRM2038', { count: commands.length, limit: MAX_COMMANDS, line: last.lastLine }, opts.lang), suggestion: null,
    });
    commands = commands.slice(0, MAX_COMMANDS);
  }
  const result = new Simulator({ mode, nodes: opts.nodes, catalog: opts.catalog, lang: opts.lang }).run(commands);
  return { file, mode, findings: localizeCrmLines(dedupe([...early, ...result.findings]), opts.lang), lines, live: result.live };
}

const rank = { error: 2, warning: 1, info: 0 } as const;

/** One finding per token and kind: commits re-check the whole CIB, crmsh repeats lines. */
export function dedupe(findings: CheckFinding[]): CheckFinding[] {
  const byPlace = new Map<string, CheckFinding>();
  for (const f of findings) {
    const key = `${f.line}:${f.column}:${f.code === 'TCRM2033' ? f.message : f.code}`;
    const old = byPlace.get(key);
    if (!old) {
      byPlace.set(key, f);
      continue;
    }
    const keep = rank[f.severity] > rank[old.severity] ? { ...f } : old;
    keep.suggestion ??= f.suggestion ?? old.suggestion;
    if (!keep.note && (f.note || old.note)) keep.note = f.note ?? old.note!;
    byPlace.set(key, keep);
  }
  return [...byPlace.values()].sort((a, b) => a.line - b.line || a.column - b.column || a.code.localeCompare(b.code));
}
