/**
 * Mutation fuzzing of the input pipeline (issue 10): real scripts with random deletions,
 * insertions and swaps of words and characters go through word splitting, navigation, the
 * configure grammar, shell-command arguments and lowering. The properties: nothing throws, no
 * internal-error diagnostic, and every error carries a position inside the input.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { splitLogicalLines } from '../../src/grammar/split-words.js';
import { planLine } from '../../src/grammar/navigate.js';
import { parseConfigureStatement } from '../../src/grammar/parse-configure.js';
import { parseShellCommand } from '../../src/grammar/shell-commands.js';
import { applyStatement } from '../../src/shadow-cib/lower.js';
import { IdAllocator } from '../../src/shadow-cib/ids.js';
import { parseXml, type Document } from '../../src/shadow-cib/xml.js';
import type { Diagnostic } from '../../src/diagnostic.js';
import type { Word } from '../../src/grammar/words.js';
import { INTERNAL_ERROR_CODE } from '../../src/grammar/syntax-error.js';
import { Picker, prng, generateConfig } from './config-generator.js';

const ROOT = join(import.meta.dirname, '../..');

/** Real inputs: every golden fixture script, the lab examples and some generated configurations. */
export function fuzzCorpus(): string[] {
  const corpus: string[] = [];
  const crm = join(ROOT, 'fixtures/crm');
  for (const name of readdirSync(crm)) {
    const input = join(crm, name, 'input.crm');
    if (existsSync(input)) corpus.push(readFileSync(input, 'utf8'));
  }
  const examples = join(ROOT, 'examples');
  if (existsSync(examples)) for (const f of readdirSync(examples)) if (f.endsWith('.crm')) corpus.push(readFileSync(join(examples, f), 'utf8'));
  for (let seed = 1; seed <= 50; seed++) corpus.push('configure\n' + generateConfig(seed).text);
  return corpus;
}

const INSERTS = ['"', "'", '\\', ':', '=', '(', ')', '[', ']', '{', '}', ' ', '\t', '\n', '\r', '$id=', '$id-ref=', '@', '#', 'inf:', 'rule', 'op', 'params', 'meta', '\u00e9', '\u0000', '\ufeff', 'and', 'or', 'date', '<', '>', '&'];

/** One mutation of `text`: 1–4 random edits on characters or words. */
export function mutate(text: string, p: Picker): string {
  let s = text;
  const edits = p.int(1, 4);
  for (let i = 0; i < edits; i++) {
    const pos = p.int(0, s.length);
    switch (p.int(0, 5)) {
      case 0: // delete characters
        s = s.slice(0, pos) + s.slice(pos + p.int(1, 6));
        break;
      case 1: // insert a meaningful fragment
        s = s.slice(0, pos) + p.one(INSERTS) + s.slice(pos);
        break;
      case 2: { // swap two characters
        const q = p.int(0, s.length - 1);
        if (pos < s.length) {
          const chars = [...s];
          [chars[pos], chars[q]] = [chars[q]!, chars[pos]!];
          s = chars.join('');
        }
        break;
      }
      case 3: { // delete a word
        const words = s.split(/( +)/);
        words.splice(p.int(0, Math.max(0, words.length - 1)), 1);
        s = words.join('');
        break;
      }
      case 4: { // swap two words
        const words = s.split(' ');
        const a = p.int(0, words.length - 1);
        const b = p.int(0, words.length - 1);
        [words[a], words[b]] = [words[b]!, words[a]!];
        s = words.join(' ');
        break;
      }
      default: { // duplicate a word somewhere else
        const words = s.split(' ');
        words.splice(p.int(0, words.length), 0, p.one(words));
        s = words.join(' ');
      }
    }
  }
  return s;
}

export interface FuzzFailure {
  input: string;
  problem: string;
}

const BASE_CIB = `<cib validate-with="pacemaker-3.9" epoch="1" num_updates="0" admin_epoch="0"><configuration><crm_config/><nodes><node id="1" uname="Lubuntu"/><node id="2" uname="Lubuntu1"/></nodes><resources/><constraints/></configuration><status/></cib>`;

/** Runs one input through the pipeline; returns what broke, or null. */
export function fuzzOne(input: string): string | null {
  let doc: Document = parseXml(BASE_CIB);
  const ctx = { ids: IdAllocator.fromDocument(doc), changed: new Set<string>() };
  const lineCount = input.split('\n').length;
  const check = (ds: Diagnostic[]): string | null => {
    for (const d of ds) {
      if (d.code === INTERNAL_ERROR_CODE || d.code === 'TCRM0006') return `internal error: ${d.message}`;
      if (d.severity !== 'error') continue;
      if (!d.at) continue; // crmsh's detail line before a positioned syntax line
      if (!(d.at.line >= 1 && d.at.line <= lineCount + 1 && d.at.col >= 1)) return `bad position ${JSON.stringify(d.at)} for: ${d.message}`;
    }
    return null;
  };
  try {
    let level = '';
    for (const line of splitLogicalLines(input, 'fuzz.crm')) {
      if (line.error) {
        if (!line.error.at) return `word-split error without position: ${line.error.message}`;
        continue;
      }
      if (line.words.length === 0) continue;
      const plan = planLine(level, line.words);
      const navProblem = check(plan.diagnostics);
      if (navProblem) return navProblem;
      const errors = plan.diagnostics.filter((d) => d.severity === 'error');
      if (errors.length > 0 && !errors.some((d) => d.at)) return `navigation error without position: ${errors[0]!.message}`;
      if (plan.ok && plan.run) {
        const words = plan.words.filter((w): w is Word => typeof w !== 'string');
        if (plan.run.spec.kind === 'object') {
          const sub = { ...line, words: words.slice(plan.run.argStart - 1) };
          if (sub.words.length === 0) continue;
          const { stmt, diagnostics } = parseConfigureStatement(sub, plan.run.command);
          const problem = check(diagnostics);
          if (problem) return problem;
          if (diagnostics.some((d) => d.severity === 'error') && !diagnostics.some((d) => d.at)) return `syntax error without position: ${diagnostics[0]!.message}`;
          if (stmt) {
            const lowered = check(applyStatement(doc, stmt, ctx));
            if (lowered) return lowered;
          }
        } else {
          const { diagnostics } = parseShellCommand(plan.run.level, plan.run.command, { ...line, words }, plan.run.argStart);
          const problem = check(diagnostics);
          if (problem) return problem;
        }
      }
      if (plan.ok) level = plan.finalPath;
    }
  } catch (e) {
    return `threw: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`;
  }
  return null;
}

/** A few consecutive lines of a script, most often at the configure level where most grammar is. */
function excerpt(script: string, p: Picker): string {
  const lines = script.split('\n');
  const start = p.int(0, Math.max(0, lines.length - 1));
  const part = lines.slice(start, start + p.int(1, 6)).join('\n');
  return p.chance(0.7) && !part.startsWith('configure') ? `configure\n${part}` : part;
}

/** `count` mutated inputs from the corpus, seeded; the failures found (at most `keep`). */
export function fuzzRun(count: number, seed: number, keep = 20): { runs: number; failures: FuzzFailure[] } {
  const corpus = fuzzCorpus();
  const p = new Picker(prng(seed));
  const failures: FuzzFailure[] = [];
  for (let i = 0; i < count; i++) {
    const input = mutate(excerpt(p.one(corpus), p), p);
    const problem = fuzzOne(input);
    if (problem && failures.length < keep) failures.push({ input, problem });
  }
  return { runs: count, failures };
}
