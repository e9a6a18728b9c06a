/**
 * crmsh matches a typed command word by turning it into Python regular expressions without
 * escaping it: `<word>.*` for the prefix match and `w.*o.*r.*d.*` for the subsequence match,
 * case-insensitive, anchored at the start. So `s.ow` is accepted as `show`, and a word that is
 * not a valid pattern is an error with Python's text (`configure.*: nothing to repeat at position 0`).
 *
 * We check the patterns for the errors Python reports for short words (nothing to repeat,
 * multiple repeat, unterminated character set, unbalanced or missing parenthesis, bad escape)
 * and match with a JavaScript RegExp. Python-only syntax that JavaScript refuses (possessive
 * quantifiers, `(?P<…>)`) falls back to a literal match.
 */

export type WordPattern = { ok: true; test: (key: string) => boolean } | { ok: false; error: string };

/** Python 3.11 `re` compile errors for the constructs a typed word can plausibly contain. */
export function pythonPatternError(pattern: string): string | undefined {
  const open: number[] = [];
  // What precedes: nothing repeatable, an atom, a quantifier, or a quantifier with its modifier.
  let prev: 'none' | 'atom' | 'quant' | 'modified' = 'none';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      if (i + 1 >= pattern.length) return `bad escape (end of pattern) at position ${i}`;
      const e = pattern[i + 1];
      if (/[A-Za-z]/.test(e) && !KNOWN_ESCAPES.includes(e)) return `bad escape \\${e} at position ${i}`;
      i++;
      prev = 'atom';
    } else if (c === '[') {
      const end = classEnd(pattern, i);
      if (end < 0) return `unterminated character set at position ${i}`;
      i = end;
      prev = 'atom';
    } else if (c === '(') {
      open.push(i);
      prev = 'none';
      if (pattern[i + 1] === '?') i++;
    } else if (c === ')') {
      if (open.length === 0) return `unbalanced parenthesis at position ${i}`;
      open.pop();
      prev = 'atom';
    } else if (c === '|' || c === '^') {
      prev = 'none';
    } else if (c === '*' || c === '+' || c === '?' || (c === '{' && quantifierEnd(pattern, i) > 0)) {
      if (prev === 'none') return `nothing to repeat at position ${i}`;
      if (prev === 'quant' && (c === '?' || c === '+')) prev = 'modified';
      else if (prev === 'quant' || prev === 'modified') return `multiple repeat at position ${i}`;
      else prev = 'quant';
      if (c === '{') i = quantifierEnd(pattern, i);
    } else {
      prev = 'atom';
    }
  }
  if (open.length > 0) return `missing ), unterminated subpattern at position ${open[0]}`;
  return undefined;
}

const KNOWN_ESCAPES = 'abfnrtvAbBdDsSwWZxuUN';

function classEnd(p: string, start: number): number {
  let i = start + 1;
  if (p[i] === '^') i++;
  if (p[i] === ']') i++;
  for (; i < p.length; i++) {
    if (p[i] === '\\') i++;
    else if (p[i] === ']') return i;
  }
  return -1;
}

function quantifierEnd(p: string, start: number): number {
  const m = /^\{(\d*)(,\d*)?\}/.exec(p.slice(start));
  if (!m || (m[1] === '' && !m[2])) return -1;
  return start + m[0].length - 1;
}

/** crmsh's two patterns for a typed word, in the order it tries them. */
export function crmshPatterns(word: string): { prefix: string; subsequence: string } {
  return { prefix: `${word}.*`, subsequence: `${[...word].join('.*')}.*` };
}

const MAX_PATTERN_LENGTH = 4096;

/** Compile one of crmsh's patterns: the Python error if it has one, else a matcher. */
export function compileWordPattern(pattern: string, literalFallback: (key: string) => boolean): WordPattern {
  const error = pythonPatternError(pattern);
  if (error) return { ok: false, error };
  // No command word is that long; V8 may only fail on such a pattern when it first runs it.
  if (pattern.length > MAX_PATTERN_LENGTH) return { ok: true, test: literalFallback };
  try {
    const re = new RegExp(`^(?:${pattern})`, 'i');
    return {
      ok: true,
      test: (key) => {
        try {
          return re.test(key);
        } catch {
          return literalFallback(key);
        }
      },
    };
  } catch {
    return { ok: true, test: literalFallback };
  }
}
