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
import { levelSpecOf, pathSegments } from '../grammar/levels.js';
import { parseConfigureStatement } from '../grammar/parse-configure.js';
import { parseShellCommand } from '../grammar/shell-commands.js';
import type { ShellCommand, Arg } from '../grammar/shell-ast.js';
import type { ConfigStatement, NodeStmt, PrimitiveStmt } from '../grammar/ast.js';
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
import { joinSpacedSigns } from './spaced-signs.js';
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
  /** The lines of the errors the last check found (why a commit is refused). */
  private blockingLines: number[] = [];
  /** The first line setting stonith-enabled that crm refused (unbalanced quote, syntax). */
  private refusedStonith: number | null = null;

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
        if (cmd.kind === 'end') {
          // the here-document ends: crm exits as at the end of `crm -f` (pending changes commit)
          this.interactive = false;
          this.dropSession();
        } else if (cmd.kind === 'shell') this.runShellLine(cmd.line, cmd.batch === true);
        else {
          if (cmd.prompt) this.syncPrompt(cmd.prompt, cmd.line);
          if (isCrmWord(cmd.line.words[0])) this.runCrmInside(cmd);
          else if (cmd.line.words[0]?.text === 'sudo' && isCrmWord(cmd.line.words[1])) this.runCrmInside({ ...cmd, line: { ...cmd.line, words: cmd.line.words.slice(1) } });
          else this.runLine(cmd.line);
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
  private runShellLine(line: LogicalLine, batch = false): void {
    this.dropSession();
    const words = stripCrmOptions(line.words);
    if (words.length === 0) {
      this.interactive = !batch;
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
    this.interactive = !batch;
    this.runLine(sub);
  }

  /**
   * A line starting with `crm`. In a script at the top (no level entered, no prompt) it is a
   * shell command handed in as such (`crm configure primitive …`): run as one. Inside crm
   * (a level entered, or after a crm prompt) crm refuses it (`configure.crm: No such
   * command`); tcrm says so, then checks the rest as the student meant it, the level words
   * crm is already at left out, so that the command's own mistakes are found too.
   */
  private runCrmInside(cmd: InputCommand): void {
    const line = cmd.line;
    const rest = line.words.slice(1);
    if (!cmd.prompt && this.levels.length === 0 && this.opts.mode === 'script') {
      this.runShellLine({ ...line, words: rest, text: rest.map((w) => w.text).join(' '), at: rest[0]?.at ?? line.at });
      return;
    }
    const opts = stripCrmOptions(rest);
    let k = 0;
    while (k < this.levels.length && opts[k]?.text === this.levels[k]) k++;
    const prefix = line.words.slice(0, 1 + (rest.length - opts.length) + k).map((w) => w.text).join(' ');
    const refusal = `${[...this.levels, 'crm'].join('.')}: No such command`;
    const level = this.levels.length > 0 ? this.levels.join('/') : 'top';
    this.add(findingAt(spanOf(line.words[0]!), 'error', 'TCRM2013', message('TCRM2013', { refusal, level, prefix }, this.opts.lang)));
    const words = opts.slice(k);
    if (words.length === 0) return;
    this.dryRun({ ...line, words, text: words.map((w) => w.text).join(' '), at: words[0]!.at });
  }

  /**
   * Checks a line crm refused without letting it change anything: its own findings (syntax,
   * and what a commit would say about the objects it defines) are kept, its effects are not,
   * so the student's corrected line that follows is not a duplicate.
   */
  private dryRun(line: LogicalLine): void {
    const saved = {
      live: cloneDoc(this.live),
      shadows: new Map([...this.shadows].map(([n, s]) => [n, { ...s, doc: cloneDoc(s.doc) }] as const)),
      inUse: this.inUse,
      levels: [...this.levels],
      cfg: this.cfg ? { ...this.cfg, working: cloneDoc(this.cfg.working), changed: new Set(this.cfg.changed) } : null,
      provenance: new Map([...this.provenance].map(([k, v]): [string, LogicalLine[]] => [k, [...v]])),
      standby: new Map(this.standby),
      stopped: new Map(this.stopped),
      cli: new Map(this.cli),
    };
    this.runLine(line);
    if (this.cfg && saved.cfg && this.hasChanges()) {
      // the objects' own findings; the whole CIB's (STONITH, the commit gate) are the commit's business
      const here = (f: CheckFinding): boolean => f.line >= line.at.line && f.line <= line.lastLine && f.code !== 'TCRM2031' && f.code !== 'TCRM2033';
      const { findings } = evaluate(this.cfg.working, this.opts.catalog, this.provenance, null, this.opts.lang);
      this.findings.push(...findings.filter(here));
    }
    this.live = saved.live;
    this.shadows = saved.shadows;
    this.inUse = saved.inUse;
    this.levels = saved.levels;
    if (saved.cfg) saved.cfg.ids = IdAllocator.fromDocument(saved.cfg.working);
    this.cfg = saved.cfg;
    this.provenance = saved.provenance;
    this.standby = saved.standby;
    this.stopped = saved.stopped;
    this.cli = saved.cli;
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
    if (line.error && /stonith-enabled/.test(line.text)) this.refusedStonith ??= line.at.line;
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
    for (const d of problems) {
      this.addDiagnostic(d, line);
      // `end` / `up` / `cd ..` where crm is already at the top: say why crm does not know it
      const last = this.findings[this.findings.length - 1];
      const word = /^(?:[\w.]+\.)?([\w-]+): No such command$/.exec(d.message)?.[1];
      if (!word || !last || last.note) continue;
      if (/^(end|up|back|cd)$/.test(word) && this.levels.length === 0) last.note = message('TCRM2048', { word }, this.opts.lang);
      else {
        // `primitive …` after `end`, `cleanup X` outside the resource level: say where it belongs
        const level = ['configure', 'resource', 'node', 'cib', 'ra', 'options'].find((l) => l !== this.levels[this.levels.length - 1] && levelSpecOf(l)?.commands.some((c) => c.name === word));
        const here = this.levels.length > 0 ? this.levels.join('/') : 'top';
        if (level) last.note = message('TCRM2058', { word, level, here }, this.opts.lang);
      }
    }
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
    this.blockingLines = [...new Set(findings.filter((f) => f.severity === 'error').map((f) => f.line))].sort((a, b) => a - b);
    for (const f of findings) {
      // STONITH still on because the line that turned it off was refused: say which
      if (f.code === 'TCRM2031' && !f.note && this.refusedStonith !== null) f.note = message('TCRM2088', { line: this.refusedStonith }, this.opts.lang);
      this.add(f);
    }
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
        const elsewhere = this.blockingLines.filter((l) => l !== at.at.line);
        const because = elsewhere.length > 0 ? message('TCRM2089', { lines: elsewhere.join(', ') }, this.opts.lang) : undefined;
        if (!this.refused.has(key)) this.add(findingAt(at, 'error', 'TCRM2032', message('TCRM2032', {}, this.opts.lang), null, because));
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

  private runStatement(command: string, written: LogicalLine): void {
    const cfg = this.cfg;
    if (!cfg) {
      this.add(findingAt(statementSpan(written), 'error', 'TCRM0010', `${command}: not in a configure session`));
      return;
    }
    this.resourceCommandInConfigure(written);
    const spaced = joinSpacedSigns(written, this.opts.lang);
    for (const f of spaced.findings) this.add(f);
    const line = spaced.line;
    const { stmt, diagnostics } = parseConfigureStatement(line, command);
    const noProvider = diagnostics.map((d) => /^provider could not be determined for (\S+)$/.exec(d.message)?.[1]).find((a) => a !== undefined);
    for (const d of diagnostics) {
      // crm's two lines about `ocf::IPaddr` (no position, then "Unknown resource type") are one mistake
      if (noProvider && (d.message.startsWith('provider could not be determined') || d.message.includes(`Unknown resource type near <${noProvider}>`))) continue;
      // `op stop timout=60s`: crm adds interval=0 after the unknown name and refuses the order
      const misspelt = /Attribute order error: interval must appear before/.test(d.message) ? unknownOpAttributeWords(line)[0] : undefined;
      if (misspelt) {
        const meant = suggestNames(misspelt.name, [...OP_ATTRIBUTES, 'OCF_CHECK_LEVEL'], 1)[0] ?? null;
        this.add(findingAt(spanOf(misspelt.word), 'error', 'TCRM2054', message('TCRM2054', { name: misspelt.name }, this.opts.lang), meant, d.message));
        continue;
      }
      this.addDiagnostic(d, line);
    }
    if (noProvider) this.missingProvider(line, noProvider);
    if (!stmt && /stonith-enabled/.test(line.text)) this.refusedStonith ??= line.at.line;
    if (stmt?.kind === 'primitive' || stmt?.kind === 'rsc_template') {
      this.opAttributes(stmt, line);
      this.escapedSpaces(stmt, line);
    }
    if (stmt?.kind === 'node') this.nodeCommandInConfigure(stmt, line);
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

  /** `ocf::IPaddr`: the provider left out between the two colons. */
  private missingProvider(line: LogicalLine, agent: string): void {
    const w = line.words.find((x) => x.text === agent);
    const [cls = 'ocf', , type = ''] = agent.split(':');
    const providers = this.opts.catalog.providers(type);
    const provider = providers.includes('heartbeat') ? 'heartbeat' : providers[0];
    const span = w ? spanOf(w) : statementSpan(line, 2);
    this.add(findingAt(span, 'error', 'TCRM2015', message('TCRM2015', { agent }, this.opts.lang), provider ? `${cls}:${provider}:${type}` : null));
  }

  /**
   * `op monitor timout=20s`: crm keeps any name it does not know as an op attribute in the op's
   * instance_attributes (op_params) without a word, so the misspelt timeout silently does not
   * apply. Only OCF_CHECK_LEVEL belongs there.
   */
  private opAttributes(stmt: PrimitiveStmt, line: LogicalLine): void {
    for (const op of stmt.ops) {
      for (const a of op.attrs) {
        if (OP_ATTRIBUTES.has(a.name) || a.name === 'OCF_CHECK_LEVEL') continue;
        const w = line.words.find((x) => x.at.line === a.at.line && x.at.col === a.at.col);
        const span = w ? spanOf(w) : pointSpan(a.at);
        const meant = suggestNames(a.name, [...OP_ATTRIBUTES, 'OCF_CHECK_LEVEL'], 1)[0] ?? null;
        this.add(findingAt(span, 'warning', 'TCRM2016', message('TCRM2016', { name: a.name, op: op.name }, this.opts.lang), meant));
      }
    }
  }

  /** `params ip=… \ cidr_netmask=16`: a `\` in mid-line makes " cidr_netmask" a parameter name. */
  private escapedSpaces(stmt: PrimitiveStmt, line: LogicalLine): void {
    const names = [
      ...stmt.sets.flatMap((set) => set.items.flatMap((i) => (i.kind === 'nv' ? [{ name: i.name, at: i.at }] : []))),
      ...stmt.ops.flatMap((op) => op.attrs.map((a) => ({ name: a.name, at: a.at }))),
    ];
    for (const { name, at } of names) {
      if (!/^\s/.test(name)) continue;
      const w = line.words.find((x) => x.at.line === at.line && x.at.col === at.col) ?? line.words.find((x) => x.text.startsWith(name));
      const span = w ? spanOf(w) : pointSpan(at);
      this.add(findingAt(span, 'error', 'TCRM2049', message('TCRM2049', { name }, this.opts.lang), name.trim()));
    }
  }

  /** `resource start failoverip` typed in configure: crm reads a primitive "start" of agent "failoverip". */
  private resourceCommandInConfigure(line: LogicalLine): void {
    const [first, second, third] = line.words;
    if (first?.text !== 'resource' || !second || !third || !levelSpecOf('resource')?.commands.some((c) => c.name === second.text)) return;
    const rest = line.words.slice(2).map((x) => x.text).join(' ');
    this.add(findingAt(spanOf(second), 'error', 'TCRM2059', message('TCRM2059', { word: second.text, agent: third.text, rest }, this.opts.lang)));
  }

  /** `node standby Lubuntu` typed in configure: a node named "standby", not the node command. */
  private nodeCommandInConfigure(stmt: NodeStmt, line: LogicalLine): void {
    if (!NODE_LEVEL_COMMANDS.has(stmt.uname.name) || line.words.length < 3 || stmt.nodeId) return;
    const w = line.words.find((x) => x.text === stmt.uname.name);
    if (!w) return;
    const rest = line.words.slice(line.words.indexOf(w) + 1).map((x) => x.text).join(' ');
    this.add(findingAt(spanOf(w), 'warning', 'TCRM2019', message('TCRM2019', { word: w.text, rest }, this.opts.lang)));
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

/** The attributes of an `<op>` element (Pacemaker's schema); anything else goes to op_params. */
const OP_ATTRIBUTES = new Set([
  'id', 'name', 'interval', 'description', 'start-delay', 'interval-origin', 'timeout', 'enabled',
  'record-pending', 'role', 'requires', 'on-fail',
]);

/** The `name=value` words of ops whose name is not an op attribute, with their op's name. */
function unknownOpAttributeWords(line: LogicalLine): Array<{ word: Word; name: string; op: string }> {
  const out: Array<{ word: Word; name: string; op: string }> = [];
  let op: string | null = null;
  for (let i = 0; i < line.words.length; i++) {
    const w = line.words[i]!;
    if (!w.quoted && w.text === 'op' && i + 1 < line.words.length) {
      op = line.words[++i]!.text;
      continue;
    }
    if (!w.quoted && /^(params|meta|utilization|op_params|op_meta)$/.test(w.text)) op = null;
    const eq = w.text.indexOf('=');
    if (!op || eq <= 0) continue;
    const name = w.text.slice(0, eq);
    if (!OP_ATTRIBUTES.has(name) && name !== 'OCF_CHECK_LEVEL') out.push({ word: w, name, op });
  }
  return out;
}

/** Commands of crm's node level, which in configure would be read as a node's name. */
const NODE_LEVEL_COMMANDS = new Set(['standby', 'online', 'maintenance', 'ready', 'clearstate', 'fence', 'delete', 'attribute', 'utilization', 'status-attr']);

/** `crm` typed as the first word. */
const isCrmWord = (w: Word | undefined): boolean => w !== undefined && !w.quoted && w.text === 'crm';

/** `crm -F configure …`: crm's own options before the level words are not commands. */
function stripCrmOptions(words: readonly Word[]): Word[] {
  const withValue = new Set(['-f', '--file', '-c', '--cib', '-D', '--display', '-o', '--opt', '-H', '--history', '-X']);
  let i = 0;
  while (i < words.length && words[i]!.text.startsWith('-')) {
    i += withValue.has(words[i]!.text) ? 2 : 1;
  }
  return words.slice(i);
}
