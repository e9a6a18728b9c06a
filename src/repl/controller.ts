/**
 * The REPL's state outside React: the input reducer's state, the queue of lines to run, the
 * question the session is asking, and the effects of keys (run a line, list candidates, quit,
 * suspend). The Ink component only renders `view()` and forwards raw input; the terminal work
 * (writing above the prompt, handing the terminal to an editor, Ctrl-Z) is the host's.
 */
import type { Session } from '../session/session.js';
import { streamOutput, type Styler } from '../session/output.js';
import { splitLogicalLines } from '../grammar/split-words.js';
import type { CompletionResult, HighlightResult } from '../completion/types.js';
import { decodeKeys, type Key } from './keys.js';
import { initialInput, joinContinuation, reduceInput, type InputEffect, type InputState } from './input-reducer.js';
import { formatListing, type ListingStyle } from './listing.js';
import { CONTINUATION_PROMPT, promptText } from './prompt.js';
import { liveView, type LiveView, type Paint } from './render-line.js';

export interface ReplHost {
  /** Writes above the live area (Ink erases it, prints, redraws). */
  write(text: string): void;
  writeErr(text: string): void;
  columns(): number;
  bell(): void;
  clearScreen(): void;
  /** Ctrl-Z: stop the process; the host takes the terminal back when the shell continues it. */
  suspend(): void;
  /** The program ends: unmount and release the terminal. */
  exit(code: number): void;
}

export interface ReplEngine {
  complete(line: string, cursor: number): CompletionResult;
  highlight(line: string): HighlightResult;
  /** The CIB or the level changed (after each line run): cached indexes are stale. */
  invalidate?(): void;
}

export interface ReplOptions {
  host: string;
  paint: Paint;
  listingStyle: ListingStyle;
  styler: Styler;
  history: string[];
  saveHistory?: (history: string[]) => Promise<void>;
  /** Under the pending-changes question: what y, n and cancel do. */
  pendingHint?: string;
  /** What the prompt says before the session is attached (`CIB_shadow`'s name, else live). */
  earlyLabel?: string;
  /** The engine is being loaded: a Tab waits for it instead of ringing. */
  engineComing?: boolean;
  /** Null until the completion engine is loaded (after the first frame). */
  engine?: ReplEngine | null;
}

interface Question {
  text: string;
  hint?: string;
  resolve: (answer: string | null) => void;
}

export class ReplController {
  state: InputState;
  engine: ReplEngine | null;
  private question: Question | null = null;
  private readonly queue: string[] = [];
  private running = false;
  private finished = false;
  private readonly listeners = new Set<() => void>();
  private cachedView: { key: string; view: LiveView } | null = null;
  private hostIO: ReplHost | null = null;
  private highlightCache: { text: string; levels: string; result: HighlightResult } | null = null;
  /** Keys waiting for the completion engine (a Tab came first). */
  private held: Key[] | null = null;

  private sess: Session | null = null;

  /**
   * @param session null while the rest of tcrm still loads (the prompt is live before it: lines
   *   typed meanwhile wait and run once `attachSession` is called)
   */
  constructor(session: Session | null, readonly opts: ReplOptions) {
    this.state = initialInput(opts.history);
    this.engine = opts.engine ?? null;
    if (session) this.attachSession(session);
  }

  /** The session, or null while tcrm still loads. */
  get attachedSession(): Session | null {
    return this.sess;
  }

  get session(): Session {
    if (!this.sess) throw new Error('REPL session not attached');
    return this.sess;
  }

  /** The session the lines run in: its questions come here, its output goes above the prompt. */
  attachSession(session: Session): void {
    this.sess = session;
    session.opts.ask = async (q) => {
      // crmsh's utils.ask: the first letter decides, anything else asks again; EOF is "n".
      for (;;) {
        const answer = await this.ask(`${q.replace(/\?$/, '')} (y/n)? `);
        if (answer === null) return false;
        const first = answer.trim().charAt(0).toLowerCase();
        if (first === 'y' || first === 'n') return first === 'y';
      }
    };
    session.opts.askPending = async (q) => {
      for (;;) {
        const answer = await this.ask(`${q.replace(/\?$/, '')} (y/n)? `, this.opts.pendingHint);
        if (answer === null) return 'cancel';
        const word = answer.trim().toLowerCase();
        if (word === 'cancel' || word === 'c') return 'cancel';
        if (word.startsWith('y')) return 'yes';
        if (word.startsWith('n')) return 'no';
      }
    };
    if (this.hostIO) this.routeOutput(this.hostIO);
    this.changed();
    void this.drain();
  }

  /** Binds the terminal side; session output goes through it from now on. */
  attach(host: ReplHost): void {
    this.hostIO = host;
    if (this.sess) this.routeOutput(host);
  }

  private routeOutput(host: ReplHost): void {
    this.session.opts.out = streamOutput(
      (t) => host.write(t),
      (t) => host.writeErr(t),
      this.opts.styler,
    );
  }

  get host(): ReplHost {
    if (!this.hostIO) throw new Error('REPL host not attached');
    return this.hostIO;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    this.cachedView = null;
    for (const l of this.listeners) l();
  }

  /** The engine could not load: Tab rings from now on, held keys go through. */
  engineFailed(): void {
    this.opts.engineComing = false;
    const held = this.held;
    this.held = null;
    if (held) this.handleKeys(held);
    this.changed();
  }

  setEngine(engine: ReplEngine): void {
    this.engine = engine;
    this.highlightCache = null;
    const held = this.held;
    this.held = null;
    if (held) this.handleKeys(held);
    this.changed();
  }

  prompt(): string {
    if (!this.sess) return promptText(this.opts.earlyLabel ?? 'live', [], this.opts.host);
    return promptText(this.sess.source.label, this.sess.levels, this.opts.host);
  }

  /** The prompt row of the line being typed, as it would be echoed into the scrollback. */
  private echoLines(lines: string[]): string {
    const first = this.question ? this.question.text : this.prompt();
    return lines.map((l, i) => (i === 0 ? this.opts.paint('prompt', first) : CONTINUATION_PROMPT) + l.replace(/\t/g, ' ')).join('\n') + '\n';
  }

  /** Whether the prompt is showing (not while a command runs, unless it asks a question). */
  get idle(): boolean {
    return !this.running || this.question !== null;
  }

  private highlightFor(): { result: HighlightResult; offset: number } | undefined {
    if (!this.engine || this.question) return undefined;
    const prefix = joinContinuation(this.state.pending);
    const text = prefix + this.state.buffer;
    const levels = this.sess?.levels.join('/') ?? '';
    if (this.highlightCache?.text !== text || this.highlightCache.levels !== levels) {
      this.highlightCache = { text, levels, result: this.engine.highlight(text) };
    }
    return { result: this.highlightCache.result, offset: prefix.length };
  }

  view(columns: number, rows = 24): LiveView | null {
    if (!this.idle || this.finished) return null;
    const key = `${columns}x${rows}`;
    if (this.cachedView?.key === key) return this.cachedView.view;
    const h = this.highlightFor();
    const view = liveView({
      state: this.state,
      prompt: this.prompt(),
      question: this.question?.text,
      questionHint: this.question?.hint,
      highlight: h?.result,
      highlightOffset: h?.offset,
      columns,
      rows,
      paint: this.opts.paint,
    });
    this.cachedView = { key, view };
    return view;
  }

  /** A raw input chunk from the terminal. */
  handleInput(chunk: string): void {
    this.handleKeys(decodeKeys(chunk));
  }

  private handleKeys(keys: Key[]): void {
    if (this.finished) return;
    if (this.held) {
      this.held.push(...keys);
      return;
    }
    for (const [i, key] of keys.entries()) {
      if (key.kind === 'tab' && !this.engine && this.opts.engineComing && !this.state.pasting) {
        // A Tab typed before the engine has loaded waits for it, and so do the keys after it.
        this.held = keys.slice(i);
        break;
      }
      const { state, effects } = reduceInput(this.state, key, {
        complete: this.engine && !this.question ? (l, c) => this.engine!.complete(l, c) : undefined,
      });
      const before = this.state;
      this.state = state;
      for (const e of effects) this.apply(e, before);
    }
    this.changed();
  }

  private apply(e: InputEffect, before: InputState): void {
    const host = this.host;
    switch (e.type) {
      case 'submit':
        if (this.question) {
          const q = this.question;
          host.write(this.echoLines(e.echo));
          this.question = null;
          q.resolve(e.text);
          // A question's answer is not a command to remember.
          this.state = { ...this.state, history: before.history, historyPos: before.history.length };
          return;
        }
        host.write(this.echoLines(e.echo));
        this.queue.push(e.text);
        this.persistHistory();
        void this.drain();
        return;
      case 'interrupt':
        // While a command runs the prompt is not shown: Ctrl-C drops the typed-ahead text and
        // stops the command's waits and tool calls (not a commit; see Session.interrupt).
        if (this.idle) host.write(this.echoLines(e.echo).replace(/\n$/, '^C\n'));
        else if (this.running && !this.question) {
          this.queue.length = 0;
          this.sess?.interrupt();
        }
        if (this.question) {
          const q = this.question;
          this.question = null;
          q.resolve(null);
        }
        return;
      case 'eof':
        host.write(this.echoLines(['']));
        if (this.question) {
          const q = this.question;
          this.question = null;
          q.resolve(null);
          return;
        }
        // Ctrl-D quits from any level: every level is left the way `quit` leaves it.
        this.queue.push('\u0004');
        void this.drain();
        return;
      case 'suspend':
        host.suspend();
        return;
      case 'clearScreen':
        host.clearScreen();
        return;
      case 'bell':
        host.bell();
        return;
      case 'note':
        host.write(this.echoLines([before.buffer]) + e.text + '\n');
        return;
      case 'list': {
        const listing = formatListing(e.candidates, host.columns(), this.opts.listingStyle);
        const echo = this.echoLines([...before.pending, before.buffer]);
        host.write(echo + (e.preface ? e.preface + '\n' : '') + listing + '\n');
        return;
      }
    }
  }

  private saving: Promise<void> = Promise.resolve();

  /** Saves the history after each line (one save at a time, so the newest always wins). */
  private persistHistory(): Promise<void> {
    const save = this.opts.saveHistory;
    if (!save) return this.saving;
    const history = this.state.history;
    this.saving = this.saving.then(() => save(history)).catch(() => {});
    return this.saving;
  }

  /** Asks the user (session questions); resolves with the line typed, or null on Ctrl-C/Ctrl-D. */
  ask(text: string, hint?: string): Promise<string | null> {
    return new Promise((resolve) => {
      this.question = { text, hint, resolve };
      this.changed();
    });
  }

  /** Runs queued lines one at a time, in order. */
  private async drain(): Promise<void> {
    if (this.running || !this.sess) return;
    this.running = true;
    this.changed();
    try {
      while (this.queue.length > 0 && !this.finished) {
        const text = this.queue.shift()!;
        if (text === '\u0004') {
          await this.quitFromAnyLevel();
        } else {
          for (const line of splitLogicalLines(text, '<stdin>')) {
            await this.session.executeLine(line);
            // Ctrl-C also drops the rest of a pasted block.
            if (this.session.quitRequested || this.session.interrupted.aborted) break;
          }
        }
        this.highlightCache = null;
        this.engine?.invalidate?.();
        if (this.session.quitRequested) await this.end();
      }
    } finally {
      this.running = false;
      this.changed();
    }
  }

  private async quitFromAnyLevel(): Promise<void> {
    const [line] = splitLogicalLines('quit', '<stdin>');
    await this.session.executeLine(line!);
  }

  private async end(): Promise<void> {
    if (this.finished) return;
    await this.session.finish();
    this.finished = true;
    this.host.write('bye\n');
    await this.persistHistory();
    this.changed();
    this.host.exit(this.session.failed ? 1 : 0);
  }
}
