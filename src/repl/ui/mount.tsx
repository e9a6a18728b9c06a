/**
 * Mounting and unmounting Ink around the controller: the first mount, the terminal hand-over to
 * `$EDITOR`, Ctrl-Z and `fg`, and the end (notes/ink-repl.md "Handing the terminal").
 * Bracketed paste is switched on while Ink owns the terminal and off whenever it lets go.
 */
import React from 'react';
import { render, type Instance } from 'ink';
import type { ReplController, ReplHost } from '../controller.js';
import { ReplApp, type Writers } from './App.js';

const PASTE_ON = '\x1b[?2004h';
const PASTE_OFF = '\x1b[?2004l';

export interface Terminal {
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
}

export class InkTerminal implements ReplHost {
  private instance: Instance | null = null;
  private writers: Writers | null = null;
  private resolveExit: ((code: number) => void) | null = null;
  readonly exited: Promise<number>;

  constructor(
    private readonly controller: ReplController,
    private readonly term: Terminal,
  ) {
    this.exited = new Promise((resolve) => (this.resolveExit = resolve));
  }

  mount(): void {
    this.instance = render(
      <ReplApp controller={this.controller} onReady={(w) => (this.writers = w)} />,
      {
        stdin: this.term.stdin,
        stdout: this.term.stdout,
        stderr: this.term.stderr,
        exitOnCtrlC: false,
        patchConsole: false,
      },
    );
    this.term.stdout.write(PASTE_ON);
  }

  private unmount(): void {
    if (!this.instance) return;
    this.instance.unmount();
    this.instance = null;
    this.writers = null;
    this.term.stdout.write(PASTE_OFF);
  }

  write(text: string): void {
    if (this.writers) this.writers.write(text);
    else this.term.stdout.write(text);
  }

  writeErr(text: string): void {
    if (this.writers) this.writers.writeErr(text);
    else this.term.stderr.write(text);
  }

  columns(): number {
    return this.writers?.columns() ?? (this.term.stdout.columns || 80);
  }

  bell(): void {
    // readline rings on a Tab with nothing to add; a visible bell would repaint, so stay quiet.
  }

  clearScreen(): void {
    this.write('\x1b[H\x1b[2J');
  }

  /** Runs `fn` with the terminal handed over (Ink unmounted, cooked mode), then takes it back. */
  handOver<T>(fn: () => T): T {
    this.unmount();
    try {
      return fn();
    } finally {
      this.mount();
    }
  }

  suspend(): void {
    this.unmount();
    this.term.stdout.write('\n');
    // A signal a process sends itself is delivered before kill() returns: when it returns we have
    // been stopped and continued by `fg` (or, in an orphaned process group, the stop was
    // discarded), so the terminal is taken back right away, raw mode included.
    process.kill(process.pid, 'SIGTSTP');
    setImmediate(() => this.mount());
  }

  exit(code: number): void {
    this.unmount();
    this.resolveExit?.(code);
  }
}
