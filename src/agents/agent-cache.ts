/** Metadata already fetched, keyed by source and agent (`local|ocf:heartbeat:IPaddr2`), so a
 *  session asks crm_resource about an agent once. A miss is cached too (null). */
import type { AgentFacts } from './types.js';

export class AgentCache {
  private readonly entries = new Map<string, AgentFacts | null>();

  private static key(source: string, label: string): string {
    return `${source}|${label}`;
  }

  has(source: string, label: string): boolean {
    return this.entries.has(AgentCache.key(source, label));
  }

  get(source: string, label: string): AgentFacts | null | undefined {
    return this.entries.get(AgentCache.key(source, label));
  }

  set(source: string, label: string, facts: AgentFacts | null): void {
    this.entries.set(AgentCache.key(source, label), facts);
  }

  /** Forget one source (a reconnect, another node). */
  clear(source?: string): void {
    if (source === undefined) return this.entries.clear();
    for (const k of [...this.entries.keys()]) if (k.startsWith(`${source}|`)) this.entries.delete(k);
  }
}
