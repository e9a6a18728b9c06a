/** Each message area owns its code range: no code is defined by two areas (a spread would hide it). */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { untranslated } from '../../src/messages/catalog.js';

it('no message code is defined in two areas, and every FR key exists in EN', async () => {
  const dir = join(import.meta.dirname, '../../src/messages/areas');
  const owner = new Map<string, string>();
  const clashes: string[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
    const area = (await import(join(dir, file))) as { EN: Record<string, string>; FR: Record<string, string> };
    for (const code of Object.keys(area.EN)) {
      const before = owner.get(code);
      if (before) clashes.push(`${code}: ${before} and ${file}`);
      owner.set(code, file);
    }
    for (const code of Object.keys(area.FR)) expect(area.EN, `${file}: FR ${code}`).toHaveProperty(code);
  }
  expect(clashes).toEqual([]);
});

it('every message has its French text (tcrm --lang fr, LANG=fr_FR)', () => {
  expect(untranslated('fr')).toEqual([]);
});
