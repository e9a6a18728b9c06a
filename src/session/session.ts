/**
 * A tcrm session: the level the user is at, the CIB in use and the configure state. It runs one
 * logical line at a time and reports through an `Output`; the front ends (batch, REPL, check)
 * only feed it lines and answer its questions.
 */
import type { Diagnostic } from '../diagnostic.js';
import { diag } from '../diagnostic.js';
import type { LogicalLine } from '../grammar/words.js';
import type { Output } from './output.js';
import type { CibSource } from './cib-source.js';
import { initialSource } from './cib-source.js';
import { ConfigureSession } from './configure-session.js';
import { reparseErrors } from '../shadow-cib/show/reparse-errors.js';
import { dispatchLine } from './dispatch.js';
import { commitConfigure } from './commit-command.js';
import { loadCibWithText } from './cib-io.js';
import { Settings } from './settings.js';
import type { Transport } from '../transport/types.js';
import { LocalTransport } from '../transport/local.js';
import { TransportError } from '../transport/types.js';
import { message, languageFrom } from '../messages/catalog.js';

export interface SessionOptions {
  env: Record<string, string | undefined>;
  cwd: string;
  out: Output;
  /** True at a terminal prompt: questions are asked, the exit question appears. */
  interactive: boolean;
  /** -F: answer yes to every question and force commits. */
  force: boolean;
  /** -n: answer no to every question. */
  answerNo: boolean;
  /** Asks a yes/no question (interactive only). */
  ask?: (question: string) => Promise<boolean>;
  /**
   * Opens the transport to the live cluster (SSH to a profile's nodes, issue 7). Absent: the
   * local machine's tools when a cluster runs here.
   */
  openTransport?: () => Promise<Transport>;
  /**
   * Reads standard input, when the commands come from elsewhere (`-f FILE`, one-shot words) and
   * stdin is not a terminal: what `load update -` reads (once).
   */
  readStdin?: () => Promise<string>;
  /**
   * Runs an editor on a file with the terminal handed over (the interactive REPL sets it) and
   * returns its exit status. Absent: `edit` is refused as in crmsh's batch mode.
   */
  editFile?: (file: string, editor: string) => number;
  /**
   * Shows text taller than the terminal through the pager (the interactive REPL sets it), as
   * crmsh pages `show`, `ra info` and `help`; false when it did not (short text, no pager).
   */
  pageText?: (text: string, pager: string) => boolean;
  /** Output may be coloured (a terminal or `-D color-always`, no NO_COLOR): `status` colours its words. */
  colour?: boolean;
  /**
   * `--live`: `configure verify` and the commit gate also run the real crm_verify on a CIB file
   * or shadow (on the live CIB it always runs). See live-verify.ts.
   */
  live?: boolean;
  /**
   * The pending-changes question with a third answer (the REPL): `cancel` stays in the level.
   * Absent: `ask` answers it yes or no.
   */
  askPending?: (question: string) => Promise<'yes' | 'no' | 'cancel'>;
}

export class Session {
  readonly opts: SessionOptions;
  /** Level names below root, e.g. `['configure']`. */
  levels: string[] = [];
  source: CibSource;
  configure: ConfigureSession | null = null;
  /** Set when any line failed: the batch exit status becomes 1. */
  failed = false;
  /** Set by quit/exit/bye. */
  quitRequested = false;
  /** The user answered `cancel` to the pending-changes question: the level was not left. */
  leaveCancelled = false;
  private finishing = false;
  /** The canonical name of the last command or level word a line matched. */
  lastCommand: string | null = null;
  /** The offline notice is printed once per session. */
  offlineAnnounced = false;
  /** User preferences: crm.conf defaults, tcrm.conf, `options …` and `-o`. */
  settings: Settings;
  /** Aborted by `interrupt()`; a fresh one for each line. */
  private interruption = new AbortController();

  constructor(opts: SessionOptions) {
    this.opts = opts;
    this.source = initialSource(opts.env, opts.cwd, Boolean(opts.openTransport));
    this.settings = new Settings(opts.env);
  }

  /** The transport being opened or open: callers racing at start (the REPL's completion
   *  loading agents while the first command runs) share one connection instead of leaking one. */
  private transport: Promise<Transport> | null = null;

  /**
   * The live cluster's transport, opened on first use and kept for the session (one SSH
   * connection per session). Every live read, commit and operational command goes through it.
   */
  cluster(): Promise<Transport> {
    if (!this.transport) {
      const opening = this.opts.openTransport ? this.opts.openTransport() : Promise.resolve(new LocalTransport(this.opts.env));
      // A failed open is forgotten, so that the next command tries again.
      opening.catch(() => {
        if (this.transport === opening) this.transport = null;
      });
      this.transport = opening;
    }
    return this.transport;
  }

  /** Forgets the transport (after a dropped connection) so the next command reconnects. */
  async dropTransport(): Promise<void> {
    const opening = this.transport;
    this.transport = null;
    if (!opening) return;
    const t = await opening.catch(() => null);
    if (t) await t.close().catch(() => {});
  }

  private stdinTaken = false;

  /** Standard input for `load … -`, once; null when there is none to read or it was read. */
  async takeStdin(): Promise<string | null> {
    if (this.stdinTaken || !this.opts.readStdin) return null;
    this.stdinTaken = true;
    return this.opts.readStdin();
  }

  get env(): Record<string, string | undefined> {
    return this.opts.env;
  }

  get out(): Output {
    return this.opts.out;
  }

  currentLevel(): string {
    return this.levels.length === 0 ? 'root' : this.levels[this.levels.length - 1]!;
  }

  /** Runs one logical line; returns false when it failed (and marks the session failed). */
  async executeLine(line: LogicalLine): Promise<boolean> {
    this.leaveCancelled = false;
    if (this.interruption.signal.aborted) this.interruption = new AbortController();
    if (line.error) {
      // crmsh labels a word-splitting error with the last command it ran (`configure.property:`);
      // before any command it prints Python's `None:`, which we leave out.
      const label = this.lastCommand === null ? '' : `${[...this.levels, this.lastCommand].join('.')}: `;
      this.report(diag('TCRM1001', 'error', `${label}${line.error.message}`, line.error.at));
      return this.fail();
    }
    if (line.words.length === 0) return true;
    let ok: boolean;
    try {
      ok = await dispatchLine(this, line);
    } catch (e) {
      if (e instanceof TransportError) {
        // The connection failed (issue 7): say so plainly and reconnect on the next command.
        this.report(diag('TCRM5046', 'error', message('TCRM5046', { reason: e.message }, languageFrom(this.env))));
        await this.dropTransport();
        return this.fail();
      }
      const reason = e instanceof Error ? e.message : String(e);
      this.report(diag('TCRM0006', 'error', `internal error while running '${line.text}': ${reason} (please report it)`, line.at));
      if (this.env.TCRM_DEBUG && e instanceof Error) this.out.print(e.stack ?? '');
      ok = false;
    }
    return ok ? true : this.fail();
  }

  /**
   * Ctrl-C while a command runs (the REPL): its tool calls and waits stop and the prompt comes
   * back. Edits in progress are in-process and finish; commits do not listen (see ExecOptions).
   */
  interrupt(): void {
    this.interruption.abort();
  }

  /** The running line's interruption, for tool calls and waits that the user may cut short. */
  get interrupted(): AbortSignal {
    return this.interruption.signal;
  }

  /** End of input: leave every level the way `quit` does (a pending configure commits). */
  async finish(): Promise<void> {
    this.finishing = true;
    while (this.levels.length > 0) {
      if (!(await this.leaveLevel({ transit: false }))) this.failed = true;
    }
    await this.dropTransport();
  }

  report(d: Diagnostic): void {
    this.out.report(d);
  }

  reportAll(ds: Diagnostic[]): boolean {
    for (const d of ds) this.report(d);
    return !ds.some((d) => d.severity === 'error');
  }

  notice(text: string): void {
    this.out.notice(text);
  }

  /** Long output at a terminal prompt goes through `options pager`, else $PAGER, else less. */
  page(text: string): void {
    const pager = this.settings.get('core.pager') || this.env.PAGER || 'less -R';
    if (text !== '' && this.opts.pageText?.(text, pager)) return;
    this.out.print(text);
  }

  fail(): false {
    this.failed = true;
    return false;
  }

  /** Asks a yes/no question the way crmsh does: -F says yes, -n and non-interactive say no. */
  async confirm(question: string): Promise<boolean> {
    if (this.opts.force) {
      this.report(diag('CRM', 'info', `${question} [YES]`));
      return true;
    }
    if (this.opts.answerNo || !this.opts.interactive || !this.opts.ask) return false;
    return this.opts.ask(question);
  }

  /** Leaves the current level, running configure's exit hook. Returns false if a commit failed. */
  async leaveLevel(how: { transit: boolean }): Promise<boolean> {
    const level = this.levels[this.levels.length - 1];
    let ok = true;
    if (level === 'configure' && this.configure) {
      ok = await this.configureExitHook(how.transit);
      if (this.leaveCancelled) return false;
    }
    this.levels.pop();
    return ok;
  }

  private async configureExitHook(transit: boolean): Promise<boolean> {
    const cfg = this.configure!;
    let ok = true;
    if (cfg.hasChanges()) {
      const question = 'There are changes pending. Do you want to commit them?';
      const offerCancel = !transit && this.opts.interactive && this.opts.askPending && !this.finishing && !this.opts.force && !this.opts.answerNo;
      if (offerCancel) {
        const answer = await this.opts.askPending!(question);
        if (answer === 'cancel') {
          this.leaveCancelled = true;
          return true;
        }
        if (answer === 'yes') ok = await commitConfigure(this, { force: false, replace: false });
        this.configure = null;
        return ok;
      }
      const commitNow = transit || !this.opts.interactive ? true : await this.confirm(question);
      if (commitNow) {
        ok = await commitConfigure(this, { force: false, replace: false });
      }
    }
    this.configure = null;
    return ok;
  }

  /** Loads the CIB in use into a configure session (entering `configure`). */
  async enterConfigure(): Promise<boolean> {
    const loaded = await loadCibWithText(this, this.source);
    if (!loaded) {
      this.report(diag('CRM', 'error', 'configure: Missing requirements'));
      return false;
    }
    this.adoptConfigure(new ConfigureSession(loaded.doc, loaded.text));
    return true;
  }

  /**
   * A CIB just loaded (entering configure, refresh, re-read after a commit) becomes the configure
   * state; like crmsh, the objects whose crm text crmsh cannot parse back get their syntax line.
   */
  adoptConfigure(cfg: ConfigureSession): void {
    this.configure = cfg;
    this.reportAll(reparseErrors(cfg.working));
  }
}

