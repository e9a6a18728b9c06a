/**
 * Custom agents offline (`--agents-dir DIR`): metadata XML files laid out as
 * `DIR/ocf/<provider>/<type>.xml` and `DIR/<class>/<type>.xml` (stonith, lsb, …), as the
 * agents' `meta-data` action prints it. Files that are not agent metadata are skipped.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readAgentMetadata } from './parse-metadata.js';
import { resolveAgentSpec } from './spec.js';
import type { AgentCatalog, AgentFacts } from './types.js';

const xmlFiles = (dir: string): string[] =>
  existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.xml') && statSync(join(dir, f)).isFile()) : [];
const subdirs = (dir: string): string[] =>
  existsSync(dir) ? readdirSync(dir).filter((f) => statSync(join(dir, f)).isDirectory()) : [];

export function createDirCatalog(dir: string): AgentCatalog {
  const agents = new Map<string, AgentFacts>(); // `ocf:provider:type` or `class:type`
  const add = (key: string, file: string): void => {
    const facts = readAgentMetadata(readFileSync(file, 'utf8'), { prose: true });
    if (facts) agents.set(key, facts);
  };
  for (const cls of subdirs(dir)) {
    if (cls === 'ocf') {
      for (const provider of subdirs(join(dir, 'ocf'))) {
        for (const f of xmlFiles(join(dir, 'ocf', provider))) add(`ocf:${provider}:${f.slice(0, -4)}`, join(dir, 'ocf', provider, f));
      }
    } else {
      for (const f of xmlFiles(join(dir, cls))) add(`${cls}:${f.slice(0, -4)}`, join(dir, cls, f));
    }
  }
  const keys = [...agents.keys()].map((k) => k.split(':'));
  const providers = (type: string): string[] =>
    keys.filter((k) => k.length === 3 && k[2] === type).map((k) => k[1]!).sort();
  const metadata: AgentCatalog['metadata'] = (spec) => {
    const s = resolveAgentSpec(spec, providers);
    if (!s) return null;
    return agents.get(s.cls === 'ocf' ? `ocf:${s.provider}:${s.type}` : `${s.cls}:${s.type}`) ?? null;
  };
  return {
    has: (spec) => metadata(spec) !== null,
    metadata,
    list: (cls, provider) =>
      keys.filter((k) => k[0] === cls && (k.length === 2 || !provider || k[1] === provider)).map((k) => k[k.length - 1]!).sort(),
    providers,
    classes: () => [...new Set(keys.map((k) => k[0]!))].sort(),
    ocfProviders: () => [...new Set(keys.filter((k) => k.length === 3).map((k) => k[1]!))].sort(),
    fencerParams: () => [],
  };
}
