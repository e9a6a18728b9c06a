/**
 * A real terminal for REPL tests: a detached tmux session on its own server socket (`tmux -L`),
 * running one program given as argv (tmux execs it, no shell). Keys go in with `send-keys -l`
 * (literal text) and the screen comes back with `capture-pane`; waits poll the screen.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { runCommand } from './run-command.js';

export interface TmuxTerminal {
  /** Types TEXT literally, then Enter. */
  typeLine(text: string): Promise<void>;
  /** The visible screen plus scroll-back, trailing blanks trimmed. */
  screen(): Promise<string>;
  /** Polls the screen until PREDICATE holds; throws with the last screen after timeoutMs. */
  waitScreen(what: string, timeoutMs: number, predicate: (screen: string) => boolean): Promise<string>;
  /** True while the program runs (the session ends with it). */
  alive(): Promise<boolean>;
  close(): Promise<void>;
}

export async function openTmuxTerminal(
  socket: string,
  argv: string[],
  env: NodeJS.ProcessEnv,
  size = { columns: 160, rows: 50 },
): Promise<TmuxTerminal> {
  const tmux = async (args: string[]): Promise<string> => {
    const result = await runCommand('tmux', ['-L', socket, ...args], { env, timeoutMs: 30_000 });
    if (result.status !== 0) throw new Error(`tmux ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
    return result.stdout;
  };
  // The server is new (own socket), so it starts with ENV and the program inherits it.
  await tmux(['-f', '/dev/null', 'new-session', '-d', '-s', 'e2e', '-x', String(size.columns), '-y', String(size.rows), '--', ...argv]);
  const screen = async (): Promise<string> => (await tmux(['capture-pane', '-p', '-J', '-S', '-2000', '-t', 'e2e'])).replace(/\s+$/, '');
  return {
    async typeLine(text) {
      await tmux(['send-keys', '-t', 'e2e', '-l', text]);
      await tmux(['send-keys', '-t', 'e2e', 'Enter']);
    },
    screen,
    async waitScreen(what, timeoutMs, predicate) {
      const started = Date.now();
      let last = '';
      for (;;) {
        try {
          last = await screen();
          if (predicate(last)) return last;
        } catch (error) {
          last = `(no screen: ${(error as Error).message})`;
        }
        if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; the screen:\n${last}`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    },
    async alive() {
      const result = await runCommand('tmux', ['-L', socket, 'has-session', '-t', 'e2e'], { env, timeoutMs: 30_000 });
      return result.status === 0;
    },
    async close() {
      // Only this test's own server (its socket), never anyone else's.
      await runCommand('tmux', ['-L', socket, 'kill-server'], { env, timeoutMs: 30_000 });
      // tmux may leave its socket file behind (a server that died with its program).
      rmSync(join(env.TMUX_TMPDIR ?? '/tmp', `tmux-${process.getuid?.() ?? 0}`, socket), { force: true });
    },
  };
}
