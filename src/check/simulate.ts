/**
 * Runs an answer's commands through tcrm's own pipeline without touching any cluster: the
 * navigation plan (levels), the configure grammar and lowering into model CIBs, the shell
 * commands' argument grammar; live-cluster commands are checked for their references (a node,
 * a resource) and their effect on the CIB is modelled, not executed. `cib new/use/commit` are
 * followed so that what reaches the live CIB is known. Findings carry file positions.
 */
import type { AgentCatalog } from '../agents/types.js';
import { suggestNames } from '../agents/suggest.js';
import type { Diagnostic } from '../diagnostic.js';
import { planLine, type NavRun } from '../grammar/navigate.js';
import { pathSegments } from '../grammar/levels.js';
import { parseConfigureStatement } from '../grammar/parse-configure.js';
import { parseShellCommand } from '../grammar/shell-commands.js';
import type { ShellCommand, Arg } from '../grammar/shell-ast.js';
import type { ConfigStatement } from '../grammar/ast.js';
import type { LogicalLine, Word } from '../grammar/words.js';
import { message, type Lang } from '../messages/catalog.js';
import { allObjects, findObject, nodeUnames, RESOURCE_TAGS } from '../shadow-cib/cib-query.js';
import { IdAllocator, lowerStatement } from '../shadow-cib/lower.js';
import { canonicalConfiguration, type Document } from '../shadow-cib/xml.js';
import {
  addCliConstraint,
  clearCliConstraints,
  cloneDoc,
  initialCib,
  nodeNamed,
  removeObject,
  sameConfiguration,
  setNvpair,
  nvpairValue,
} from './cib-state.js';
import type { InputCommand } from './commands.js';
import { evaluate, type Provenance } from './evaluate.js';
import { spanOf, statementSpan, type Span } from './tokens.js';
import { findingAt, fromDiagnostic, pointSpan } from './to-finding.js';
import type { CheckFinding, InputMode } from './types.js';

/** Longer than any path, value or id a lab answer holds. */
const MAX_WORD = 4096;

export interface SimulateOptions {
  mode: InputMode;
  /** Nodes the cluster has besides those declared with `node` (`--nodes`). */
  nodes: readonly string[];
  catalog: AgentCatalog;
  lang: Lang;
}

interface Shadow {
  doc: Document;
  /** The `cib new NAME` word. */
  createdAt: Span;
  /** A configure session committed into it. */
  edited: boolean;
}

interface Configure {
  working: Document;
  /** The configuration as loaded (canonical text): the base of `hasChanges`. */
  base: string;
  ids: IdAllocator;
  changed: Set<string>;
  /** The last statement that changed the working copy. */
  lastEdit: Span | null;
}

/** Where a live-cluster state was left, for the lab-state findings. */
interface Mark {
  cib: string;
  span: Span;
  command?: string;
  rsc?: string;
}

export interface SimulationResult {
  findings: CheckFinding[];
  /** The live CIB the answer leaves (what the cluster runs). */
  live: Document;
  /** The CIB in use at the end, with uncommitted configure changes applied. */
  final: Document;
  commands: number;
}

export class Simulator {
  private live: Document;
  private shadows = new Map<string, Shadow>();
  private inUse = 'live';
  private levels: string[] = [];
  private cfg: Configure | null = null;
  private interactive = false;
  private answers: boolean[] = [];
  private provenance: Provenance = new Map();
  private findings: CheckFinding[] = [];
  private standby = new Map<string, Mark>();
  private stopped = new Map<string, Mark>();
  private cli = new Map<string, Mark>();
  private commands = 0;
  private lastSpan: Span | null = null;
  private refused = new Set<string>();

  constructor(private readonly opts: SimulateOptions) {
    this.live = initialCib(opts.nodes);
    if (opts.mode === 'configure') this.enterConfigure();
    if (opts.mode === 'configure') this.levels = ['configure'];
  }

  run(commands: readonly InputCommand[]): SimulationResult {
    for (const cmd of commands) {
      this.commands++;
      this.answers = [...cmd.answers];
      this.lastSpan = statementSpan(cmd.line);
      try {
        if (cmd.kind === 'shell') this.runShellLine(cmd.line);
        else {
          if (cmd.prompt) this.syncPrompt(cmd.prompt, cmd.line);
          this.runLine(cmd.line);
        }
      } catch (e) {
        const reason = (e instanceof Error ? e.message : String(e)).slice(0, 200);
        const command = cmd.line.text.length > 80 ? `${cmd.line.text.slice(0, 80)}…` : cmd.line.text;
        this.add(findingAt(statementSpan(cmd.line), 'error', 'TCRM0006', message('TCRM0006', { command, reason }, this.opts.lang)));
      }
    }
    this.finish();
    return { findings: this.findings, live: this.live, final: this.cfg?.working ?? this.docInUse(), commands: this.commands };
  }

  // ---- the levels ---------------------------------------------------------------------------

  /** `crm WORDS` at a shell prompt: a one-shot command, or the start of an interactive session. */
  private runShellLine(line: LogicalLine): void {
    this.dropSession();
    const words = stripCrmOptions(line.words);
    if (words.length === 0) {
      this.interactive = true;
      return;
    }
    const sub: LogicalLine = { ...line, words, text: words.map((w) => w.text).join(' '), at: words[0]!.at };
    const plan = planLine('', words);
    if (plan.run) {
      this.interactive = false;
      this.runLine(sub);
      this.leaveAll(true);
      return;
    }
    this.interactive = true;
    this.runLine(sub);
  }

  /** crm ended (a new shell command): a pending configure session is lost, as crm would ask. */
  private dropSession(): void {
    if (this.levels.length > 0) this.leaveAll(false);
    this.levels = [];
    this.cfg = null;
  }

  /** A transcript's prompt shows the CIB in use and the level: follow it where we lost track. */
  private syncPrompt(prompt: { cib: string; level: string }, line: LogicalLine): void {
    this.interactive = true;
    if (prompt.cib && prompt.cib !== this.inUse) {
      if (prompt.cib === 'live') this.inUse = 'live';
      else {
        if (!this.shadows.has(prompt.cib)) this.shadows.set(prompt.cib, { doc: cloneDoc(this.live), createdAt: statementSpan(line), edited: false });
        this.inUse = prompt.cib;
      }
    }
    const levels = pathSegments(prompt.level);
    if (levels.join('/') === this.levels.join('/')) return;
    if (levels.includes('configure') && !this.cfg) this.enterConfigure();
    if (!levels.includes('configure')) this.cfg = null;
    this.levels = levels;
  }

  private runLine(line: LogicalLine): void {
    if (line.error) {
      this.add(fromDiagnostic({ code: 'TCRM1001', severity: 'error', message: line.error.message, at: line.error.at }, statementSpan(line), this.opts.lang, line));
      return;
    }
    if (line.words.length === 0) return;
    // no crm word is this long: junk, not a command (and too big for the command matcher)
    const huge = line.words.find((w) => w.text.length > MAX_WORD);
    if (huge) {
      this.add(findingAt(spanOf(huge), 'error', 'TCRM2012', message('TCRM2012', { length: huge.text.length, limit: MAX_WORD }, this.opts.lang)));
      return;
    }
    const plan = planLine(this.levels.join('/'), line.words);
    const problems = plan.diagnostics.filter((d) => d.severity === 'error');
    this.fuzzyMatches(plan.diagnostics, line);
    let entered = 0;
    for (const path of plan.enter) {
      this.enterLevel(path);
      entered++;
    }
    let ok = true;
    for (const move of plan.moves) {
      if (move.op === 'enter') this.enterLevel(move.path);
      else if (move.op === 'leave') ok = this.leaveLevel(!move.ask, spanOf(line.words[0]!)) && ok;
      else {
        this.leaveAll(false);
        this.levels = [];
      }
    }
    if (problems.length === 0 && plan.run) {
      const words = plan.words.filter((w): w is Word => typeof w !== 'string');
      this.runCommand(plan.run, words.length === plan.words.length ? { ...line, words } : line);
    }
    for (const d of problems) this.addDiagnostic(d, line);
    const toLeave = plan.run || !plan.ok ? Math.min(plan.leaveAfter, entered) : 0;
    for (let i = 0; i < toLeave; i++) this.leaveLevel(true, spanOf(line.words[0]!));
  }

  private enterLevel(path: string): void {
    const segs = pathSegments(path);
    if (segs[segs.length - 1] === 'configure' && !this.cfg) this.enterConfigure();
    this.levels = segs;
  }

  private enterConfigure(): void {
    const doc = cloneDoc(this.docInUse());
    this.cfg = { working: doc, base: canonicalConfiguration(doc), ids: IdAllocator.fromDocument(doc), changed: new Set(), lastEdit: null };
  }

  /** Leaves the current level; leaving configure commits (asking first when interactive and not in transit). */
  private leaveLevel(transit: boolean, at: Span): boolean {
    const level = this.levels[this.levels.length - 1];
    let ok = true;
    if (level === 'configure' && this.cfg) {
      if (this.hasChanges()) {
        const commit = transit || !this.interactive ? true : this.answer(true);
        if (commit) ok = this.commit(at, false);
      }
      this.cfg = null;
    }
    this.levels = this.levels.slice(0, -1);
    return ok;
  }

  private leaveAll(transit: boolean): void {
    const at = this.lastSpan ?? pointSpan({ file: '', line: 1, col: 1, offset: 0 });
    while (this.levels.length > 0) this.leaveLevel(transit, at);
  }

  /** End of input: a script leaves its levels (a pending configure commits, as crm -f does);
   *  a configure-level file is committed; a transcript just stops. */
  private finish(): void {
    const at = this.lastSpan ?? pointSpan({ file: '', line: 1, col: 1, offset: 0 });
    if (this.opts.mode === 'transcript') {
      if (this.cfg && this.hasChanges()) {
        this.add(findingAt(this.cfg.lastEdit ?? at, 'warning', 'TCRM2044', message('TCRM2044', {}, this.opts.lang)));
        this.check(this.cfg.working, at);
      }
    } else if (this.cfg && this.opts.mode === 'configure') {
      // `load update` has no commit step of its own: check, and the file's objects are the CIB
      const blocking = this.check(this.cfg.working, null);
      void blocking;
      this.setDocInUse(cloneDoc(this.cfg.working));
    } else {
      this.interactive = false;
      this.leaveAll(false);
    }
    this.labState();
  }

  private answer(fallback: boolean): boolean {
    return this.answers.length > 0 ? this.answers.shift()! : fallback;
  }

  // ---- the CIBs ------------------------------------------------------------------------------

  private docInUse(): Document {
    return this.inUse === 'live' ? this.live : (this.shadows.get(this.inUse)?.doc ?? this.live);
  }

  private setDocInUse(doc: Document): void {
    if (this.inUse === 'live') this.live = doc;
    else {
      const s = this.shadows.get(this.inUse);
      if (s) {
        s.doc = doc;
        s.edited = true;
      }
    }
  }

  /** The note for an id missing here but defined in a shadow that was never committed. */
  private inShadow(id: string, here: Document): string | undefined {
    for (const [name, shadow] of this.shadows) {
      if (shadow.doc !== here && findObject(shadow.doc, id)) return message('TCRM2045', { id, name }, this.opts.lang);
    }
    return undefined;
  }

  private hasChanges(): boolean {
    return this.cfg !== null && canonicalConfiguration(this.cfg.working) !== this.cfg.base;
  }

  private check(doc: Document, at: Span | null): boolean {
    const { findings, blocking } = evaluate(doc, this.opts.catalog, this.provenance, at, this.opts.lang, (id) => this.inShadow(id, doc));
    for (const f of findings) this.add(f);
    return blocking;
  }

  /** configure commit: crm's checks, then (unless refused) the working copy becomes the CIB in use. */
  private commit(at: Span, force: boolean): boolean {
    const cfg = this.cfg;
    if (!cfg || !this.hasChanges()) return true;
    const key = canonicalConfiguration(cfg.working);
    if (this.refused.has(key) && !force && !this.interactive) return false;
    const blocking = this.refused.has(key) ? true : this.check(cfg.working, at);
    if (blocking && !force) {
      const yes = this.interactive ? this.answer(false) : false;
      if (!yes) {
        // the same changes refused again (`commit`, then `quit`) say nothing new
        if (!this.refused.has(key)) this.add(findingAt(at, 'error', 'TCRM2032', message('TCRM2032', {}, this.opts.lang)));
        this.refused.add(key);
        return false;
      }
    }
    this.setDocInUse(cloneDoc(cfg.working));
    cfg.base = key;
    return true;
  }

  // ---- commands ------------------------------------------------------------------------------

  private runCommand(run: NavRun, line: LogicalLine): void {
    const from = run.argStart - 1;
    const sub: LogicalLine = from <= 0 ? line : { ...line, words: line.words.slice(from), text: line.words.slice(from).map((w) => w.text).join(' '), at: line.words[from]?.at ?? line.at };
    if (run.spec.kind === 'object') {
      this.runStatement(run.command, sub);
      return;
    }
    const { cmd, diagnostics } = parseShellCommand(run.level, run.command, line, run.argStart);
    for (const d of diagnostics) this.addDiagnostic(d, line);
    if (!cmd || diagnostics.some((d) => d.severity === 'error')) return;
    this.runShellCommand(cmd, sub);
  }

  private runStatement(command: string, line: LogicalLine): void {
    const cfg = this.cfg;
    if (!cfg) {
      this.add(findingAt(statementSpan(line), 'error', 'TCRM0010', `${command}: not in a configure session`));
      return;
    }
    const { stmt, diagnostics } = parseConfigureStatement(line, command);
    for (const d of diagnostics) this.addDiagnostic(d, line);
    if (!stmt) return;
    const result = lowerStatement(cfg.working, stmt, { ids: cfg.ids, changed: cfg.changed });
    for (const d of result.diagnostics) if (d.severity !== 'info') this.addDiagnostic(d, line);
    if (result.failed) return;
    cfg.lastEdit = statementSpan(line);
    const key = provenanceKey(stmt);
    const list = this.provenance.get(key) ?? [];
    list.push(line);
    this.provenance.set(key, list);
  }

  private runShellCommand(cmd: ShellCommand, line: LogicalLine): void {
    const at = statementSpan(line);
    switch (cmd.kind) {
      case 'cib.new': {
        const name = cmd.name?.text ?? 'tmp';
        const span = cmd.name ? argSpan(line, cmd.name) : at;
        this.shadows.set(name, { doc: cmd.empty ? initialCib([]) : cloneDoc(this.live), createdAt: span, edited: false });
        this.inUse = name;
        return;
      }
      case 'cib.use':
        if (cmd.live || !cmd.name) this.inUse = 'live';
        else if (this.shadows.has(cmd.name.text)) this.inUse = cmd.name.text;
        else this.add(findingAt(argSpan(line, cmd.name), 'error', 'TCRM2010', `cib.use: ${cmd.name.text}: no such shadow CIB`, this.suggest(cmd.name.text, this.shadows.keys())));
        return;
      case 'cib.commit': {
        const name = cmd.name?.text ?? this.inUse;
        const shadow = this.shadows.get(name);
        if (!shadow) {
          const span = cmd.name ? argSpan(line, cmd.name) : at;
          this.add(findingAt(span, 'error', 'TCRM2010', `cib.commit: ${name}: no such shadow CIB`, this.suggest(name, this.shadows.keys())));
          return;
        }
        this.live = cloneDoc(shadow.doc);
        shadow.edited = false;
        return;
      }
      case 'cib.delete':
        this.shadows.delete(cmd.name.text);
        if (this.inUse === cmd.name.text) this.inUse = 'live';
        return;
      case 'cib.reset': {
        const s = this.shadows.get(cmd.name.text);
        if (s) s.doc = cloneDoc(this.live);
        return;
      }
      case 'configure.commit':
        this.commit(at, cmd.force);
        return;
      case 'configure.verify':
        if (this.cfg) this.check(this.cfg.working, at);
        return;
      case 'configure.delete':
        for (const id of cmd.ids) {
          if (!this.cfg) return;
          if (!removeObject(this.cfg.working, id.text)) this.missingObject(line, id);
          else this.cfg.lastEdit = at;
        }
        return;
      case 'configure.rename':
        if (this.cfg && !findObject(this.cfg.working, cmd.oldId.text)) this.missingObject(line, cmd.oldId);
        return;
      case 'node.standby':
      case 'node.online':
        for (const n of cmd.nodes) {
          if (!this.knownNode(line, n)) continue;
          const el = nodeNamed(this.docInUse(), n.text);
          if (!el) continue;
          setNvpair(this.docInUse(), el, 'instance_attributes', 'standby', cmd.kind === 'node.standby' ? 'on' : 'off');
          if (cmd.kind === 'node.standby') this.standby.set(n.text, { cib: this.inUse, span: argSpan(line, n) });
          else this.standby.delete(n.text);
        }
        return;
      case 'node.maintenance':
      case 'node.ready':
      case 'node.clearstate':
      case 'node.show':
        if (cmd.node) this.knownNode(line, cmd.node);
        return;
      case 'node.attribute':
      case 'node.utilization':
      case 'node.status-attr':
      case 'node.fence':
      case 'node.delete':
        this.knownNode(line, cmd.node);
        return;
      case 'resource.locate':
      case 'resource.status':
      case 'resource.restart':
        for (const r of cmd.resources) this.knownResource(line, r);
        return;
      case 'resource.start':
      case 'resource.stop':
        for (const r of cmd.resources) {
          if (!this.knownResource(line, r)) continue;
          const el = findObject(this.docInUse(), r.text);
          if (!el) continue;
          setNvpair(this.docInUse(), el, 'meta_attributes', 'target-role', cmd.kind === 'resource.stop' ? 'Stopped' : 'Started');
          if (cmd.kind === 'resource.stop') this.stopped.set(r.text, { cib: this.inUse, span: argSpan(line, r) });
          else this.stopped.delete(r.text);
        }
        return;
      case 'resource.move':
      case 'resource.ban': {
        if (!this.knownResource(line, cmd.rsc)) return;
        const node = cmd.rest.find((a) => !/^(force|lifetime=|reboot|PT|P\d)/i.test(a.text));
        if (node && !this.knownNode(line, node)) return;
        const kind = cmd.kind === 'resource.move' ? 'move' : 'ban';
        const id = addCliConstraint(this.docInUse(), kind, cmd.rsc.text, node?.text ?? 'local');
        this.cli.set(id, { cib: this.inUse, span: argSpan(line, cmd.rsc), command: kind, rsc: cmd.rsc.text });
        return;
      }
      case 'resource.clear':
        if (!this.knownResource(line, cmd.rsc)) return;
        for (const id of clearCliConstraints(this.docInUse(), cmd.rsc.text)) this.cli.delete(id);
        return;
      case 'resource.cleanup':
      case 'resource.refresh':
      case 'resource.operations':
        if (cmd.rsc) this.knownResource(line, cmd.rsc);
        if (cmd.node) this.knownNode(line, cmd.node);
        return;
      case 'resource.promote':
      case 'resource.demote':
      case 'resource.manage':
      case 'resource.unmanage':
      case 'resource.maintenance':
      case 'resource.constraints':
      case 'resource.param':
      case 'resource.meta':
      case 'resource.utilization':
      case 'resource.failcount':
      case 'resource.trace':
      case 'resource.untrace':
        this.knownResource(line, cmd.rsc);
        return;
      default:
      // show, edit, status, options, ra, help …: nothing to model, their syntax was checked
    }
  }

  // ---- references ----------------------------------------------------------------------------

  private resourceIds(): string[] {
    const ids = new Set<string>();
    for (const doc of [this.docInUse(), this.cfg?.working].filter((d): d is Document => d !== undefined)) {
      for (const el of allObjects(doc)) if (RESOURCE_TAGS.has(el.tagName)) ids.add(el.getAttribute('id') ?? '');
    }
    return [...ids];
  }

  private knownResource(line: LogicalLine, r: Arg): boolean {
    const ids = this.resourceIds();
    if (ids.includes(r.text)) return true;
    this.add(findingAt(argSpan(line, r), 'error', 'TCRM2020', message('TCRM2020', { id: r.text }, this.opts.lang), this.suggest(r.text, ids)));
    return false;
  }

  private missingObject(line: LogicalLine, r: Arg): void {
    const ids = this.cfg ? allObjects(this.cfg.working).map((e) => e.getAttribute('id') ?? '') : [];
    this.add(findingAt(argSpan(line, r), 'error', 'TCRM2020', message('TCRM2020', { id: r.text }, this.opts.lang), this.suggest(r.text, ids)));
  }

  private knownNode(line: LogicalLine, n: Arg): boolean {
    const names = new Set([...nodeUnames(this.docInUse()), ...(this.cfg ? nodeUnames(this.cfg.working) : [])]);
    if (names.has(n.text)) return true;
    this.add(findingAt(argSpan(line, n), 'warning', 'TCRM2028', message('TCRM2028', { node: n.text }, this.opts.lang), this.suggest(n.text, names)));
    return false;
  }

  private suggest(word: string, candidates: Iterable<string>): string | null {
    return suggestNames(word, candidates, 1)[0] ?? null;
  }

  // ---- findings ------------------------------------------------------------------------------

  private add(f: CheckFinding): void {
    this.findings.push(f);
  }

  private addDiagnostic(d: Diagnostic, line: LogicalLine): void {
    this.add(fromDiagnostic(d, statementSpan(line), this.opts.lang, line));
  }

  /**
   * crmsh reads a misspelt command word as the closest one and says so in an INFO line
   * (`"stanby" is accepted as "standby"`): the answer works, but it is worth a warning.
   * Deprecated aliases (`end` for `up`) come with their own WARNING and are left alone.
   */
  private fuzzyMatches(diags: readonly Diagnostic[], line: LogicalLine): void {
    const deprecated = diags.some((d) => d.severity === 'warning' && /is deprecated/.test(d.message));
    for (const d of diags) {
      const m = /^"(.+)" is accepted as "(.+)"$/.exec(d.message);
      if (!m || d.severity !== 'info' || deprecated) continue;
      const w = line.words.find((x) => d.at && x.at.line === d.at.line && x.at.col === d.at.col);
      const span = w ? spanOf(w) : statementSpan(line);
      this.add(findingAt(span, 'warning', 'TCRM2011', message('TCRM2011', { word: m[1]!, meant: m[2]! }, this.opts.lang), m[2]!));
    }
  }

  /** What the answer leaves behind in the cluster (transcript-lab.md, part 9 "pitfalls"). */
  private labState(): void {
    const lang = this.opts.lang;
    for (const [name, shadow] of this.shadows) {
      if (shadow.edited && !sameConfiguration(shadow.doc, this.live)) {
        this.add(findingAt(shadow.createdAt, 'warning', 'TCRM2040', message('TCRM2040', { name }, lang)));
      }
    }
    for (const [node, mark] of this.standby) {
      const el = mark.cib === 'live' ? nodeNamed(this.live, node) : undefined;
      if (el && nvpairValue(el, 'instance_attributes', 'standby') === 'on') {
        this.add(findingAt(mark.span, 'warning', 'TCRM2041', message('TCRM2041', { node }, lang)));
      }
    }
    for (const [id, mark] of this.stopped) {
      const el = mark.cib === 'live' ? findObject(this.live, id) : undefined;
      if (el && nvpairValue(el, 'meta_attributes', 'target-role') === 'Stopped') {
        this.add(findingAt(mark.span, 'warning', 'TCRM2042', message('TCRM2042', { id }, lang)));
      }
    }
    for (const [id, mark] of this.cli) {
      if (mark.cib === 'live' && findObject(this.live, id)) {
        this.add(findingAt(mark.span, 'warning', 'TCRM2043', message('TCRM2043', { id, command: mark.command ?? '', rsc: mark.rsc ?? '' }, lang)));
      }
    }
  }
}

function provenanceKey(stmt: ConfigStatement): string {
  if (stmt.kind === 'property' || stmt.kind === 'rsc_defaults' || stmt.kind === 'op_defaults') return `@${stmt.kind}`;
  if (stmt.kind === 'node') return `@node:${stmt.nodeId ?? stmt.uname.name}`;
  if ('id' in stmt && stmt.id && typeof stmt.id === 'object' && 'name' in stmt.id) return stmt.id.name;
  return `@${stmt.kind}`;
}

/** The word of a parsed argument (shell command arguments keep only their start). */
function argSpan(line: LogicalLine, a: Arg): Span {
  const w = line.words.find((x) => x.at.line === a.at.line && x.at.col === a.at.col);
  return w ? spanOf(w) : { at: a.at, end: { ...a.at, col: a.at.col + a.text.length, offset: a.at.offset + a.text.length } };
}

/** `crm -F configure …`: crm's own options before the level words are not commands. */
function stripCrmOptions(words: readonly Word[]): Word[] {
  const withValue = new Set(['-f', '--file', '-c', '--cib', '-D', '--display', '-o', '--opt', '-H', '--history', '-X']);
  let i = 0;
  while (i < words.length && words[i]!.text.startsWith('-')) {
    i += withValue.has(words[i]!.text) ? 2 : 1;
  }
  return words.slice(i);
}
