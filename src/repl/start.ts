/**
 * Starts the interactive shell on a terminal: the controller over the session, the completion
 * engine loaded after the first frame, and Ink mounted with `CI` hidden from it (Ink draws no
 * live area when `CI` is set: notes/ink-repl.md "Environment and colour").
 */
import { readdirSync } from 'node:fs';
import type { RunIO } from '../cli/io.js';
import type { Session } from '../session/session.js';
import { colourWanted, labelStyler, linePainter } from '../cli/colour.js';
import { shadowDir } from '../session/cib-source.js';
import { ReplController, type ReplEngine } from './controller.js';
import { historyPath, loadHistory, saveHistory } from './history-store.js';
import { shortHostname } from './prompt.js';
import { runOnTerminal } from './terminal-child.js';
import { languageFrom, message } from '../messages/catalog.js';
import type { CompletionContext } from '../completion/types.js';

export interface StartOptions {
  display?: string;
}

export async function runInkRepl(session: Session, io: RunIO, opts: StartOptions = {}): Promise<number> {
  const startColour = colourWanted({ env: io.env, isTTY: io.stdoutIsTTY, display: opts.display });
  const colourOn = (): boolean => startColour && session.settings.get('color.style') !== 'plain';
  const painter = linePainter(colourOn);
  const path = historyPath(io.env);
  const controller = new ReplController(session, {
    host: shortHostname(),
    paint: (style, text) => painter(style, text),
    listingStyle: { dim: (t) => painter('dim', t) },
    styler: labelStyler(startColour),
    history: loadHistory(path),
    engineComing: true,
    pendingHint: message('TCRM7005', {}, languageFrom(io.env)),
    saveHistory: (h) => saveHistory(path, h),
  });

  // Ink reads CI once at import: hide it for the import, put it back afterwards.
  const saved = { CI: process.env.CI, CONTINUOUS_INTEGRATION: process.env.CONTINUOUS_INTEGRATION };
  delete process.env.CI;
  delete process.env.CONTINUOUS_INTEGRATION;
  if (!startColour) process.env.FORCE_COLOR = '0';
  const { InkTerminal } = await import('./ui/mount.js');
  for (const [k, v] of Object.entries(saved)) if (v !== undefined) process.env[k] = v;

  const terminal = new InkTerminal(controller, { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr });
  controller.attach(terminal);
  session.opts.editFile = (file, editor) => terminal.handOver(() => runOnTerminal(editor, file, io.env));
  // The early prompt (bin) is replaced by Ink's first frame.
  process.stdout.write('\r\x1b[2K');
  terminal.mount();

  // Completion and highlighting load after the first frame; a Tab typed before then rings.
  setImmediate(() => {
    loadEngine(session, io).then(
      (engine) => controller.setEngine(engine),
      () => controller.engineFailed(),
    );
  });
  return terminal.exited;
}

async function loadEngine(session: Session, io: RunIO): Promise<ReplEngine> {
  const { complete, highlight } = await import('../completion/index.js');
  const { bundledCatalog } = await import('../agents/choose-catalog.js');
  let generation = 0;
  const context = (): CompletionContext => {
    return {
      levels: session.levels,
      cib: session.configure?.working,
      cibVersion: generation,
      agents: bundledCatalog(),
      cwd: io.cwd,
      shadows: () => listShadows(session),
      listDir: (dir) => {
        try {
          return readdirSync(dir, { withFileTypes: true }).map((d) => ({ name: d.name, dir: d.isDirectory() }));
        } catch {
          return [];
        }
      },
    };
  };
  return {
    complete: (line, cursor) => complete(context(), line, cursor),
    highlight: (line) => highlight(session.levels, line),
    invalidate: () => {
      generation++;
    },
  };
}

function listShadows(session: Session): string[] {
  try {
    return readdirSync(shadowDir(session.env))
      .filter((n) => n.startsWith('shadow.'))
      .map((n) => n.slice('shadow.'.length));
  } catch {
    return [];
  }
}
