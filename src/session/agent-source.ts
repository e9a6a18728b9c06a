/**
 * The agent data a session uses, chosen as DECISIONS.md "Resource-agent data" says: a live
 * node's agents when the session is connected over SSH (crm_resource through the session's
 * transport), else this machine's when Pacemaker's crm_resource answers, else the bundled data;
 * `TCRM_AGENTS_DIR` (custom agents) laid over whichever is the truth. `TCRM_AGENT_SOURCE=bundled`
 * forces the bundled data (the offline path, tested on a machine that has Pacemaker).
 *
 * One catalog per session: the lists (standards, providers, agents) are read once per source and
 * each agent's metadata once (AgentCache, keyed by source and agent), so a second `verify` runs no
 * crm_resource at all. A new transport (a reconnect, maybe to another node) starts afresh.
 * verify, the commit gate, the `ra` level and completion all call `agentCatalogFor`.
 */
import { AgentCache } from '../agents/agent-cache.js';
import { bundledCatalog } from '../agents/choose-catalog.js';
import { loadCommandCatalog, type CommandCatalog, type Exec } from '../agents/command-catalog.js';
import { createDirCatalog } from '../agents/dir-catalog.js';
import { layerCatalogs } from '../agents/layered-catalog.js';
import type { AgentCatalog, AgentSpec } from '../agents/types.js';
import { localExec } from '../commit/local-transport.js';
import { diag } from '../diagnostic.js';
import { languageFrom, message } from '../messages/catalog.js';
import type { Transport } from '../transport/types.js';
import type { Session } from './session.js';

export interface SessionAgents {
  /** What verify and completion read (the truth, with TCRM_AGENTS_DIR on top). */
  catalog: AgentCatalog;
  /** `node:<name>` (over SSH), `local` or `bundled`: where the facts come from. */
  source: string;
  /** Fetches (once) the metadata of more agents from the source; bundled: nothing to do. */
  prefetch(specs: Array<string | AgentSpec>): Promise<void>;
}

interface Chosen {
  /** The transport the live catalog was read through (a different one means: choose again). */
  transport: Transport | null;
  agents: Promise<SessionAgents>;
}

const chosen = new WeakMap<Session, Chosen>();
const caches = new WeakMap<Session, AgentCache>();

/** The session's agent catalog, with the metadata of `prefetch` (e.g. agentsUsedBy(doc)) read. */
export async function agentCatalogFor(session: Session, prefetch: Array<string | AgentSpec> = []): Promise<AgentCatalog> {
  const agents = await agentSourceFor(session);
  await agents.prefetch(prefetch);
  return agents.catalog;
}

/** The session's agents with their source and a prefetch handle (the `ra` level, completion). */
export async function agentSourceFor(session: Session): Promise<SessionAgents> {
  const connected = Boolean(session.opts.openTransport) && session.env.TCRM_AGENT_SOURCE !== 'bundled';
  // Over SSH the transport is the session's one connection; asking for it opens it if needed.
  const transport = connected ? await session.cluster() : null;
  const known = chosen.get(session);
  if (known && known.transport === transport) return known.agents;
  const agents = choose(session, transport);
  chosen.set(session, { transport, agents });
  // A failure (a dropped connection) is not kept: the next call tries again.
  agents.catch(() => chosen.delete(session));
  return agents;
}

async function choose(session: Session, transport: Transport | null): Promise<SessionAgents> {
  let cache = caches.get(session);
  if (!cache) caches.set(session, (cache = new AgentCache()));
  const env = session.env;
  let truth: SessionAgents = { catalog: bundledCatalog(), source: 'bundled', prefetch: async () => {} };
  if (env.TCRM_AGENT_SOURCE !== 'bundled') {
    let exec: Exec | undefined;
    let source = 'local';
    if (transport) {
      // sshd opens at most MaxSessions (10 by default) channels per connection: stay well under
      exec = atMostAtOnce(4, (argv) => transport.exec(argv));
      source = `node:${transport.nodeName ?? transport.where}`;
    } else if (env.PATH) {
      exec = localExec(env);
    }
    if (exec) {
      const live: CommandCatalog | null = await loadCommandCatalog(exec, { source, cache, fallback: bundledCatalog() });
      if (live) truth = { catalog: live, source, prefetch: (specs) => live.prefetch(specs) };
      else if (transport) {
        const lang = languageFrom(env);
        session.report(diag('TCRM3202', 'warning', message('TCRM3202', { where: transport.where }, lang)));
      }
    }
  }
  if (!env.TCRM_AGENTS_DIR) return truth;
  return { ...truth, catalog: layerCatalogs(createDirCatalog(env.TCRM_AGENTS_DIR), truth.catalog) };
}

/** Forgets the session's catalog (after `ra` is told the node's agents changed, say). */
export function forgetAgentCatalog(session: Session): void {
  chosen.delete(session);
  caches.delete(session);
}

/** Runs at most `n` of the exec's commands at a time; the rest wait their turn, in order. */
function atMostAtOnce(n: number, exec: Exec): Exec {
  let running = 0;
  const waiting: Array<() => void> = [];
  return async (argv) => {
    // a finishing command hands its slot straight to the next in line (no count change)
    if (running >= n) await new Promise<void>((go) => waiting.push(go));
    else running++;
    try {
      return await exec(argv);
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
}
