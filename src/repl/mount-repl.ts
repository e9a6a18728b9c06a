/**
 * Puts the REPL on the terminal: the controller (with or without its session yet), Ink imported
 * with `CI` hidden from it (Ink draws no live area when `CI` is set: notes/ink-repl.md
 * "Environment and colour"), and the first frame replacing the early prompt. Used by the early
 * start (bin, before the rest of tcrm loads) and by `runInkRepl` when that did not happen.
 */
import { colourWanted, labelStyler, linePainter } from '../cli/colour.js';
import { languageFrom, message } from '../messages/catalog.js';
import type { Session } from '../session/session.js';
import { replColourOn } from './colour-switch.js';
import { ReplController } from './controller.js';
import { historyPath, loadHistory, saveHistory } from './history-store.js';
import { shortHostname } from './prompt.js';
import type { InkTerminal } from './ui/mount.js';

export interface MountedRepl {
  controller: ReplController;
  terminal: InkTerminal;
}

export async function mountRepl(env: Record<string, string | undefined>, opts: { session?: Session; display?: string }): Promise<MountedRepl> {
  const startColour = colourWanted({ env, isTTY: Boolean(process.stdout.isTTY), display: opts.display });
  let controller: ReplController | undefined;
  const painter = linePainter(replColourOn(() => controller?.attachedSession ?? null, startColour));
  const path = historyPath(env);
  controller = new ReplController(opts.session ?? null, {
    host: shortHostname(),
    earlyLabel: env.CIB_shadow || 'live',
    paint: (style, text) => painter(style, text),
    listingStyle: { dim: (t) => painter('dim', t) },
    styler: labelStyler(startColour),
    history: loadHistory(path),
    engineComing: true,
    pendingHint: message('TCRM7005', {}, languageFrom(env)),
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
  // The early prompt (bin) is replaced by Ink's first frame.
  process.stdout.write('\r\x1b[2K');
  terminal.mount();
  return { controller, terminal };
}
