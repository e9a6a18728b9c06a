import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLine } from './helpers.js';

/**
 * Every line here was run through crmsh 4.4.1 (`crm -f`, configure level, CIB_file on the base
 * CIB with nodes Lubuntu and Lubuntu1); `error` is crmsh's syntax line after `ERROR: `, or null
 * when crmsh reported no syntax error (it may still have reported a semantic one).
 */
const fixture = JSON.parse(readFileSync(new URL('./fixtures/crmsh-syntax.json', import.meta.url), 'utf8')) as {
  cases: Array<{ line: string; error: string | null }>;
};

/** Lines whose crmsh result does not come from the grammar. */
const NOT_GRAMMAR: Record<string, string> = {
  'user u foo': 'crmsh refuses `user` before parsing: "user not supported by the RNG schema"',
  'xml <primitive': "lxml's parse error text; XML well-formedness is checked when lowering",
  'xml <primitive id="x" class="ocf" provider="heartbeat" type="Dummy"/>': "lxml's parse error text (the quotes were removed by the shell split)",
};

describe('configure syntax errors match crmsh 4.4.1', () => {
  for (const c of fixture.cases.filter((k) => !(k.line in NOT_GRAMMAR))) {
    it(c.line, () => {
      const r = parseLine(c.line);
      if (c.error === null) {
        expect(r.diagnostics).toEqual([]);
        expect(r.stmt).not.toBeNull();
      } else {
        // crmsh may log one detail line of its own (no position) before the syntax line.
        expect(r.diagnostics.length).toBeGreaterThanOrEqual(1);
        expect(r.diagnostics.length).toBeLessThanOrEqual(2);
        for (const detail of r.diagnostics.slice(0, -1)) expect(detail).toMatchObject({ code: 'CRM', severity: 'error' });
        const d = r.diagnostics[r.diagnostics.length - 1];
        expect(d.message).toBe(c.error);
        expect(d.code).toMatch(/^TCRM1\d{3}$/);
        expect(d.code).not.toBe('TCRM1099');
        expect(d.severity).toBe('error');
        expect(d.hint).toBeTruthy();
        expect(r.stmt).toBeNull();
      }
    });
  }
});
