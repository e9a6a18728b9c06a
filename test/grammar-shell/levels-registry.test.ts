/**
 * The level tree against crmsh 4.4.1's own command registry: names, sublevels, aliases, skill
 * levels and argument signatures. crmsh-4.4.1-commands.json was dumped from the installed crmsh
 * (`ui_root.Root` children walked one level deep, `ui_utils.pretty_arguments` for signatures).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { levelSpecOf, SKILL_RANK } from '../../src/grammar/levels.js';

interface CrmshEntry {
  kind: 'command' | 'level';
  aliases: string[];
  skill: number;
  sig?: string;
}

const registry = JSON.parse(readFileSync(new URL('./crmsh-4.4.1-commands.json', import.meta.url), 'utf8')) as Record<
  string,
  Record<string, CrmshEntry>
>;

describe('level tree = crmsh registry', () => {
  it.each(Object.keys(registry))('level "%s"', (path) => {
    const ours = levelSpecOf(path)!;
    const mine: Record<string, CrmshEntry> = {};
    for (const c of ours.commands) {
      const e: CrmshEntry = {
        kind: c.kind === 'level' ? 'level' : 'command',
        aliases: c.aliases.map((a) => a.name).sort(),
        skill: SKILL_RANK[c.skill],
      };
      if (e.kind === 'command') e.sig = c.signature.text;
      mine[c.name] = e;
    }
    expect(mine).toEqual(registry[path]);
  });
});
