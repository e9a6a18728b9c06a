import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { remoteCommand, shellQuote } from '../../src/transport/quote.js';

const NASTY = [
  '',
  ' ',
  "it's",
  "''",
  'a;b',
  '$(touch /tmp/tcrm-pwned)',
  '`id`',
  'line1\nline2',
  '<in',
  '>out',
  'a&b',
  'a|b',
  '*',
  '~',
  '$HOME',
  '"double"',
  '\\back\\slash',
  'héllo wörld ✓ 日本',
  '-n',
  '--',
  '!event',
  '#comment',
  'tab\there',
  '\r\n',
];

/** What a real POSIX shell makes of the command line: the words it passes to printf. */
function shellWords(commandLine: string, shell = 'sh'): string[] {
  const r = spawnSync(shell, ['-c', commandLine], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout.split('\0').slice(0, -1);
}

describe('shellQuote', () => {
  it('wraps every word in single quotes and escapes quotes as quote-backslash-quote-quote', () => {
    expect(shellQuote('abc')).toBe("'abc'");
    expect(shellQuote('')).toBe("''");
    expect(shellQuote("it's")).toBe("'it'\\''s'");
  });

  it('refuses a NUL, which could not arrive whole', () => {
    expect(() => shellQuote('a\0b')).toThrow(RangeError);
  });

  for (const shell of ['sh', 'bash']) {
    it(`every hostile word reaches the program unchanged through ${shell}`, () => {
      const line = ['printf', '%s\\0', ...NASTY].map(shellQuote).join(' ');
      expect(shellWords(line, shell)).toEqual(NASTY);
    });
  }
});

describe('remoteCommand', () => {
  it('prefixes env with LC_ALL=C and the caller variables, all quoted', () => {
    expect(remoteCommand(['cibadmin', '-Q'], { CIB_file: '/tmp/a b.xml' })).toBe(
      "'env' 'LC_ALL=C' 'CIB_file=/tmp/a b.xml' 'cibadmin' '-Q'",
    );
  });

  it('puts a sudo prefix before env', () => {
    expect(remoteCommand(['true'], {}, ['sudo', '-n', '--'])).toBe("'sudo' '-n' '--' 'env' 'LC_ALL=C' 'true'");
  });

  it('a variable value with shell syntax arrives literally', () => {
    const value = "$(echo x); `y` 'q' \n <&";
    const line = remoteCommand(['sh', '-c', 'printf "%s\\0%s\\0" "$TCRM_V" "$LC_ALL"'], { TCRM_V: value });
    expect(shellWords(line)).toEqual([value, 'C']);
  });

  it('rejects a variable name that env would not take as a name', () => {
    expect(() => remoteCommand(['true'], { 'A B': 'x' })).toThrow(RangeError);
    expect(() => remoteCommand(['true'], { 'X=Y': 'x' })).toThrow(RangeError);
    expect(() => remoteCommand([], {})).toThrow(RangeError);
  });
});
