/**
 * Mistakes students make that the first answer fixtures did not cover (fixtures/answers holds
 * one file per case with its expected findings; fixtures.test.ts compares them): here, what a
 * fixture cannot show — the French wording, the text around a finding, inputs too big or in
 * the wrong encoding to keep as a fixture, and time.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledCatalog } from '../../src/agents/choose-catalog.js';
import { checkText, MAX_COMMANDS } from '../../src/check/check-file.js';
import { formatFinding } from '../../src/check/format-text.js';
import { EN, FR } from '../../src/messages/areas/check.js';
import type { Lang } from '../../src/messages/catalog.js';
import { serializeDocument } from '../../src/shadow-cib/xml.js';

const DIR = join(import.meta.dirname, '../../fixtures/answers');
const catalog = bundledCatalog();
const NODES = ['Lubuntu', 'Lubuntu1'];

const check = (bytes: Uint8Array | string, lang: Lang = 'en', file = 'answer.crm') =>
  checkText(typeof bytes === 'string' ? Buffer.from(bytes) : bytes, file, { nodes: NODES, catalog, lang });
const fixture = (name: string, lang: Lang = 'en') => {
  const r = check(readFileSync(join(DIR, name)), lang, name);
  return { ...r, text: r.findings.map((f) => formatFinding(name, f, r.lines, lang)).join('\n') };
};

describe('new mistakes: what the student reads', () => {
  it('a forgotten "\\" points at the line crm misreads and names the line that lacks it', () => {
    const { text, findings } = fixture('missing-backslash.crm');
    expect(text).toContain('missing-backslash.crm:4:5: error: line 3 does not end with "\\": crm reads this line as a command of its own [TCRM2014]');
    // the statement is still checked as meant: no op_defaults confusion
    expect(text).not.toContain('op_defaults');
    expect(findings).toHaveLength(1);
  });

  it('a "\\" in mid-line: one finding on the glued word, not five schema lines', () => {
    const { findings, text } = fixture('stray-backslash-midline.crm');
    expect(findings.map((f) => f.code)).toEqual(['TCRM2049']);
    expect(text).toContain('crm creates a parameter named " cidr_netmask", with a space in front');
    expect(findings[0]!.suggestion).toBe('cidr_netmask');
  });

  it('"crm configure …" typed inside crm: crm\'s refusal, then the command\'s own mistakes, without a duplicate for the corrected line', () => {
    const { text, findings } = fixture('transcript-crm-inside.crm');
    expect(text).toContain('error: crm refuses this line ("configure.crm: No such command"): "crm" starts crm from the shell; at the configure level, write the command without "crm configure" [TCRM2013]');
    expect(findings.map((f) => f.code)).toEqual(['TCRM2013', 'TCRM2013', 'TCRM2023']);
  });

  it('"ipp=": the misspelt name with its did-you-mean; the missing "ip" is its note, not a second error', () => {
    const { findings } = fixture('misspelt-param-ipp.crm');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'TCRM2021', suggestion: 'ip' });
    expect(findings[0]!.note).toContain('required parameter "ip" of ocf:heartbeat:IPaddr is missing');
  });

  it('"Infinity:" is a score-attribute: one error at the score, the schema\'s follow-up line dropped', () => {
    const { findings } = fixture('colocation-scores.crm');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 7, column: 20, code: 'TCRM2017', suggestion: 'inf:' });
  });

  it('stonith-enabled=faux: one error, the invalid boolean as its note', () => {
    const { findings } = fixture('stonith-faux.crm');
    expect(findings).toHaveLength(1);
    expect(findings[0]!.note).toContain('"faux" is not a boolean');
  });

  it('a monitor without interval is flagged at "monitor", with why it matters', () => {
    const { findings } = fixture('monitor-no-interval.crm');
    expect(findings[0]).toMatchObject({ line: 2, column: 85, code: 'TCRM3104', severity: 'warning' });
    expect(findings[0]!.note).toContain('never watched');
  });

  it('says it in French with --lang fr', () => {
    const cases: Array<[string, string]> = [
      ['missing-backslash.crm', 'la ligne 3 ne se termine pas par « \\ »'],
      ['transcript-crm-inside.crm', 'crm refuse cette ligne'],
      ['op-timout.crm', 'attribut d\'opération inconnu « timout »'],
      ['empty-provider.crm', 'le fournisseur manque dans « ocf::IPaddr »'],
      ['colocation-scores.crm', '« Infinity: » n\'est pas un score'],
      ['node-standby-in-configure.crm', 'déclare un nœud nommé « standby »'],
      ['location-node-case.crm', 'le nœud « lubuntu » s\'appelle « Lubuntu »'],
      ['stray-backslash-midline.crm', 'avec une espace devant'],
      ['latin1.crm', 'n\'est pas en UTF-8 : lu comme Windows-1252'],
      ['fr-comments-accents.crm', 'un identifiant se compose de lettres ASCII'],
      ['transcript-continuation-prompt.crm', 'crm refuse toute la commande'],
      ['level-words-configure.crm', 'crm est déjà à son niveau le plus haut ici'],
      ['extra-backslash.crm', 'la ligne 4 se termine par « \\ »'],
      ['spaces-around-signs.crm', 'espaces autour de « = »'],
      ['word-processor-quotes.crm', 'caractère typographique « “ » (U+201C)'],
      ['script-wrong-level.crm', '« resource » veut dire « primitive »'],
      // crmsh's own lines, translated only because --lang fr was asked for (DECISIONS.md)
      ['script-wrong-level.crm', 'primitive : commande inconnue'],
      ['script-wrong-level.crm', '« cleanup » est une commande du niveau resource ; crm est ici au niveau top'],
      ['location-no-score.crm', "erreur de syntaxe dans location : <score>: <nœud> ou <règle> [<règle> ...] attendu près de <Lubuntu> en lisant 'location preferred-Lubuntu failoverip Lubuntu'"],
      ['location-no-score.crm', 'une location a besoin de « <score>: <nœud> » ou d\'au moins une règle'],
      ['monitor-no-interval.crm', "failoverip : l'intervalle de monitor devrait être supérieur à 0 (conseillé : 5s)"],
      ['unbalanced-quote-transcript.crm', 'guillemet fermant manquant'],
    ];
    for (const [name, words] of cases) expect(fixture(name, 'fr').text, name).toContain(words);
    expect(fixture('misspelt-param-ipp.crm', 'fr').text).toContain('vouliez-vous dire « ip » ?');
  });

  it('crmsh\'s own lines stay crmsh\'s words in English', () => {
    expect(fixture('script-wrong-level.crm').text).toContain('script-wrong-level.crm:8:1: error: primitive: No such command [TCRM2010]');
    expect(fixture('location-no-score.crm').text).toContain("error: syntax in location: expected <score>: <node> or <rule> [<rule> ...] near <Lubuntu> parsing 'location preferred-Lubuntu failoverip Lubuntu' [TCRM1023]");
  });

  it('a "\\" left after the last line of a statement: the next statement is split off again and named', () => {
    const { findings, live } = fixture('extra-backslash.crm');
    expect(findings.map((f) => [f.line, f.column, f.code])).toEqual([[5, 1, 'TCRM2068']]);
    // checked as meant: the location exists, no op_params swallowed it
    expect(live && /rsc_location id="preferred-Lubuntu"/.test(serializeDocument(live))).toBe(true);
  });

  it('a shell script feeding crm a here-document: its lines are crm\'s, the end of the document ends crm (and commits, as crm does)', () => {
    const bad = fixture('script-heredoc.crm');
    expect(bad.findings.map((f) => [f.line, f.code])).toEqual([[6, 'TCRM2020'], [7, 'TCRM2032'], [9, 'TCRM2041']]);
    const good = fixture('script-heredoc-clean.crm');
    expect(good.findings).toEqual([]);
    expect(/rsc_location id="preferred-Lubuntu"/.test(serializeDocument(good.live!))).toBe(true);
  });

  it('a refused commit says which lines made crm refuse it; STONITH left on names the refused line', () => {
    const agent = fixture('hearbeat-apache-transcript.crm').findings.find((f) => f.code === 'TCRM2032');
    expect(agent?.note).toBe('crm refuses it because of the errors it finds: see line(s) 2');
    const quote = fixture('unbalanced-quote-transcript.crm').findings;
    expect(quote.find((f) => f.code === 'TCRM2031')?.note).toBe('the line that sets stonith-enabled (line 2) was refused by crm: it never took effect');
  });

  it('typographic characters inside straight quotes are text, not mistakes', () => {
    const r = check('property stonith-enabled=false\nprimitive ip ocf:heartbeat:IPaddr params ip=10.0.0.1 meta description="l’adresse — du site"\n');
    expect(r.findings).toEqual([]);
  });

  it('every message of the check area has its French text', () => {
    for (const code of Object.keys(EN)) expect(FR, code).toHaveProperty(code);
  });
});

describe('new mistakes: encodings and sizes', () => {
  it('UTF-16 (with or without BOM, either byte order) is read, with a warning', () => {
    const text = 'property stonith-enabled=false\r\nprimitive failoverip ocf:heartbeat:IPaddr params ip=10.0.0.1 op monitor interval=10s\r\n';
    const le = Buffer.from(text, 'utf16le');
    const be = Buffer.from(le).swap16();
    for (const bytes of [Buffer.concat([Buffer.from([0xff, 0xfe]), le]), le, Buffer.concat([Buffer.from([0xfe, 0xff]), be]), be]) {
      const r = check(bytes);
      expect(r.findings.map((f) => [f.code, f.severity])).toEqual([['TCRM2009', 'warning']]);
      expect(r.mode).toBe('configure');
    }
  });

  it('Windows-1252 accents are read, the warning placed at the first one', () => {
    const r = fixture('latin1.crm');
    expect(r.findings[0]).toMatchObject({ line: 1, column: 4, code: 'TCRM2009', severity: 'warning' });
    expect(r.lines[0]).toBe('# Réponse de Léa (nœud préféré : Lubuntu)');
  });

  it('binary junk is still refused (control bytes are never taken for Latin-1)', () => {
    const r = check(Buffer.from([0x70, 0x72, 0x69, 0xe9, 0x00, 0x13, 0x37, 0x0a]));
    expect(r.findings.map((f) => f.code)).toEqual(['TCRM2002']);
  });

  it('a 2 MB answer of 20,000 primitives: the first commands checked, one clear error, in seconds', () => {
    const lines = ['property stonith-enabled=false'];
    for (let i = 0; lines.join('\n').length < 2_000_000; i++) {
      const chunk: string[] = [];
      for (let k = 0; k < 1000; k++, i++) chunk.push(`primitive ip${i} ocf:heartbeat:IPaddr params ip=10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255} op monitor interval=10s`);
      lines.push(...chunk);
    }
    const text = lines.join('\n') + '\n';
    expect(text.length).toBeGreaterThan(2_000_000);
    const t = performance.now();
    const r = check(text);
    const ms = performance.now() - t;
    const capped = r.findings.filter((f) => f.code === 'TCRM2038');
    expect(capped).toHaveLength(1);
    expect(capped[0]).toMatchObject({ line: MAX_COMMANDS + 1, column: 1, severity: 'error' });
    expect(r.findings.filter((f) => f.code !== 'TCRM2038')).toEqual([]);
    // uncapped this took 31 s here; capped about 1.4 s (loaded machine: a generous bound)
    expect(ms).toBeLessThan(15_000);
  });

  it('a 2 MB transcript with a pasted log after the crm session: the session checked, the log is output', () => {
    const head = [
      'root@Lubuntu:~# crm configure',
      'crm(live)configure# property stonith-enabled=false',
      'crm(live)configure# primitive failoverip ocf:heartbeat:IPadr params ip=172.31.0.100 op monitor interval=10s',
      'crm(live)configure# quit',
      'root@Lubuntu:~# journalctl -u pacemaker',
    ];
    const log = 'nov. 28 10:00:00 Lubuntu pacemaker-controld[1042]:  notice: State transition S_IDLE -> S_POLICY_ENGINE';
    const text = [...head, ...Array.from({ length: Math.ceil(2_000_000 / log.length) }, () => log)].join('\n');
    const r = check(text);
    expect(r.mode).toBe('transcript');
    expect(r.findings.map((f) => [f.line, f.code])).toEqual([[3, 'TCRM2023'], [4, 'TCRM2032']]);
  });
});
