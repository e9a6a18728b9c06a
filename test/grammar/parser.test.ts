import { describe, expect, it } from 'vitest';
import { ConfigureParser } from '../../src/grammar/configure-parser.js';
import { CONFIGURE_OBJECT_COMMANDS, parseConfigureStatement } from '../../src/grammar/parse-configure.js';
import { splitLogicalLines } from '../../src/grammar/split-words.js';
import { SYNTAX_ERRORS, unknownCommandDiagnostic } from '../../src/grammar/syntax-error.js';
import { classifyWord, Params, Plain, NvPair, Score, LParen, RuleKw } from '../../src/grammar/tokens.js';
import { parseLine } from './helpers.js';

describe('the grammar', () => {
  it('passes Chevrotain self-analysis with validations on', () => {
    expect(() => new ConfigureParser(false)).not.toThrow();
  });

  it('has a rule for every supported command', () => {
    const parser = new ConfigureParser(true) as unknown as Record<string, unknown>;
    for (const c of CONFIGURE_OBJECT_COMMANDS) expect(typeof parser[c]).toBe('function');
  });

  it('error codes are unique', () => {
    const codes = SYNTAX_ERRORS.map((k) => k.code);
    expect(new Set(codes).size).toBe(codes.length);
  });
});

describe('word classification', () => {
  it('keywords are case-insensitive, never when quoted', () => {
    expect(classifyWord({ text: 'PARAMS', quoted: false })).toBe(Params);
    expect(classifyWord({ text: 'params', quoted: true })).toBe(Plain);
    expect(classifyWord({ text: 'rule', quoted: false })).toBe(RuleKw);
    expect(classifyWord({ text: '(', quoted: false })).toBe(LParen);
    expect(classifyWord({ text: 'a=b', quoted: true })).toBe(NvPair);
    expect(classifyWord({ text: 'inf:', quoted: false })).toBe(Score);
  });
  it('an id spelled like a keyword still parses where an id is allowed', () => {
    expect(parseLine('primitive params Dummy op monitor interval=10').diagnostics).toEqual([]);
    expect(parseLine('group meta rule op').diagnostics).toEqual([]);
    expect(parseLine('colocation c inf: params meta').stmt).toMatchObject({ refs: [{ name: 'params' }, { name: 'meta' }] });
  });
});

describe('diagnostics', () => {
  it('point at the offending word', () => {
    const [d] = parseLine('location l2 failoverip 100 Lubuntu').diagnostics;
    expect(d.code).toBe('TCRM1023');
    expect(d.at).toEqual({ file: 'test.crm', line: 1, col: 24, offset: 23 });
    expect(d.hint).toMatch(/score/);
  });

  it('point at the end of the line when input is missing', () => {
    const [d] = parseLine('primitive p Dummy op').diagnostics;
    expect(d.message).toBe("syntax in primitive: Expected identifier parsing 'primitive p Dummy op'");
    expect(d.at).toEqual({ file: 'test.crm', line: 1, col: 21, offset: 20 });
  });

  it('point at a word on a continuation line', () => {
    const [line] = splitLogicalLines('colocation c inf: a \\\n   b:Foo', 'x.crm');
    const [d] = parseConfigureStatement(line, 'colocation').diagnostics;
    expect(d.message).toBe("syntax in colocation: Invalid role 'Foo' for 'b' parsing 'colocation c inf: a b:Foo'");
    expect(d.at).toEqual({ file: 'x.crm', line: 2, col: 4, offset: 25 });
  });

  it('resource-set errors point at the bracket, even when glued', () => {
    const [d] = parseLine('colocation c inf: (a [b] )').diagnostics;
    expect(d.message).toBe("syntax in role: Cannot nest resource sets near <[> parsing 'colocation c inf: (a [b] )'");
    expect(d.at?.col).toBe(22);
    const [e] = parseLine('colocation c inf: ( a b )]').diagnostics;
    expect(e.message).toBe("syntax in role: Empty resource set near <]> parsing 'colocation c inf: ( a b )]'");
    expect(e.at?.col).toBe(26);
  });

  it("crmsh's detail line comes first, without a position, then the syntax line", () => {
    const r = parseLine('primitive p1 ocf:heartbeat:Dummy:extra');
    expect(r.diagnostics).toHaveLength(2);
    expect(r.diagnostics[0]).toEqual({ code: 'CRM', severity: 'error', message: 'bad resource type specification ocf:heartbeat:Dummy:extra' });
    expect(r.diagnostics[1].message).toBe(
      "syntax in primitive: Unknown resource type near <ocf:heartbeat:Dummy:extra> parsing 'primitive p1 ocf:heartbeat:Dummy:extra'",
    );
    expect(r.diagnostics[1].at?.col).toBe(14);
    const [detail] = parseLine('primitive p1 ocf::Dummy').diagnostics;
    expect(detail.message).toBe('provider could not be determined for ocf::Dummy');
  });

  it('an unterminated quote is a diagnostic, not a parse', () => {
    const [line] = splitLogicalLines('primitive p Dummy params a="b', 'f');
    const r = parseConfigureStatement(line, 'primitive');
    expect(r.stmt).toBeNull();
    expect(r.diagnostics).toMatchObject([{ code: 'TCRM1001', message: 'No closing quotation' }]);
  });

  it('never throws on odd input', () => {
    const odd = ['primitive p Dummy ""', 'colocation c inf: "" x', 'location l "" ""', 'order o : a b', 'alert a b to { }', 'xml <', 'role r read :', 'fencing_topology :', 'colocation c inf: ((a b', 'tag t: ""'];
    for (const text of odd) {
      const r = parseLine(text);
      expect(r.diagnostics.every((d) => d.code !== 'TCRM1098')).toBe(true);
    }
  });

  it('turns an unknown command into an internal-error diagnostic', () => {
    const [line] = splitLogicalLines('bogus x', 'f');
    expect(parseConfigureStatement(line, 'bogus').diagnostics[0].code).toBe('TCRM1098');
  });
});

describe('speed sanity', () => {
  it('parses 10,000 primitive lines', () => {
    const text = Array.from(
      { length: 10_000 },
      (_, i) => `primitive p${i} ocf:heartbeat:IPaddr2 params ip=10.0.${i % 250}.1 cidr_netmask=24 meta target-role=Started op monitor interval=10s timeout=20s`,
    ).join('\n');
    const lines = splitLogicalLines(text, 'big.crm');
    let ok = 0;
    for (const line of lines) if (parseConfigureStatement(line, 'primitive').stmt) ok++;
    expect(ok).toBe(10_000);
  });
});

describe('unknownCommandDiagnostic', () => {
  it("matches crmsh's load-text error (crmsh adds the statement number)", () => {
    const [line] = splitLogicalLines('LOCATIO preferred-Lubuntu lp1 100: Lubuntu', 'f');
    expect(unknownCommandDiagnostic(line)).toMatchObject({
      code: 'TCRM1003',
      message: "syntax: Unknown command near <locatio> parsing 'locatio preferred-Lubuntu lp1 100: Lubuntu'",
      at: { line: 1, col: 1 },
    });
  });
});
