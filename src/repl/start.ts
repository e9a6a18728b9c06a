/**
 * Starts the interactive shell on a terminal: the REPL mounted early by bin (or now), the session
 * attached to it, `edit`'s terminal hand-over, and the completion engine loaded after the first
 * frame.
 */
import { readdirSync } from 'node:fs';
import type { RunIO } from '../cli/io.js';
import type { Session } from '../session/session.js';
import { shadowDir } from '../session/cib-source.js';
import type { ReplEngine } from './controller.js';
import { mountRepl } from './mount-repl.js';
import { pipeToTerminalProgram, runOnTerminal } from './terminal-child.js';
import { languageFrom } from '../messages/catalog.js';
import type { CompletionContext } from '../completion/types.js';
import type { AgentCatalog } from '../agents/types.js';

export interface StartOptions {
  display?: string;
}

export async function runInkRepl(session: Session, io: RunIO, opts: StartOptions = {}): Promise<number> {
  const { takePreloaded } = await import('./preload.js');
  const early = takePreloaded();
  const { controller, terminal } = early ?? (await mountRepl(io.env, { session, display: opts.display }));
  session.opts.editFile = (file, editor) => terminal.handOver(() => runOnTerminal(editor, file, io.env));
  session.opts.pageText = (text, pager) => {
    // Only what would not fit above the prompt; a pager that cannot run (127) leaves it printed.
    const rows = process.stdout.rows || 24;
    if (text.split('\n').length < rows - 1) return false;
    return terminal.handOver(() => pipeToTerminalProgram(pager, text.endsWith('\n') ? text : text + '\n', io.env)) !== 127;
  };
  if (early) controller.attachSession(session);

  // Completion and highlighting load after the first frame; a Tab typed before then waits.
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
  const lang = languageFrom(io.env);
  const { bundledCatalog } = await import('../agents/choose-catalog.js');
  let generation = 0;
  let agents: AgentCatalog = bundledCatalog();
  // Parameter descriptions come from live metadata when Pacemaker runs here: the local catalog
  // replaces the bundled one once it has loaded (in the background; completion never waits).
  void liveCatalog(session, io).then((c) => {
    if (c) {
      agents = c;
      generation++;
    }
  });
  const context = (): CompletionContext => {
    return {
      levels: session.levels,
      cib: session.configure?.working,
      cibVersion: generation,
      agents,
      cwd: io.cwd,
      lang,
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
    highlight: (line) => highlight(session.levels, line, lang),
    invalidate: () => {
      generation++;
    },
  };
}

/**
 * The lab's agents and those the CIB uses, with their prose, from the source that is the truth
 * for this session (the node over SSH, else this machine's Pacemaker); null when only the
 * bundled facts exist.
 */
async function liveCatalog(session: Session, io: RunIO): Promise<AgentCatalog | null> {
  if (io.env.TCRM_AGENT_SOURCE === 'bundled' || !io.env.PATH) return null;
  try {
    const { agentSourceFor } = await import('../session/agent-source.js');
    const { agentsUsedBy } = await import('../verify/agents-used.js');
    const used = session.configure ? agentsUsedBy(session.configure.working) : [];
    const agents = await agentSourceFor(session);
    if (agents.source === 'bundled') return null;
    await agents.prefetch([...LAB_AGENTS, ...used]);
    return agents.catalog;
  } catch {
    return null;
  }
}

const LAB_AGENTS = ['ocf:heartbeat:IPaddr2', 'ocf:heartbeat:IPaddr', 'ocf:heartbeat:apache', 'ocf:heartbeat:Dummy', 'ocf:pacemaker:Dummy', 'ocf:pacemaker:ping', 'ocf:heartbeat:Filesystem'];

function listShadows(session: Session): string[] {
  try {
    return readdirSync(shadowDir(session.env))
      .filter((n) => n.startsWith('shadow.'))
      .map((n) => n.slice('shadow.'.length));
  } catch {
    return [];
  }
}
