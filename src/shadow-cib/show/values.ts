/**
 * How `show` writes single values: crmsh's quoting rule, `name=value` pairs, scores, and the
 * glob matching used for obscured parameters and id selectors.
 */

const BARE_VALUE = /^[\w.-]+$/u;

/** True when crmsh prints the value without quotes. */
export function isBare(value: string): boolean {
  // Python's \w is Unicode-aware; with the `u` flag JS \w is not, so widen it by hand.
  return /^[\p{L}\p{N}_.-]+$/u.test(value) || BARE_VALUE.test(value);
}

/** The value bare when it can be, otherwise in double quotes with inner `"` escaped. */
export function quoteValue(value: string): string {
  if (isBare(value)) return value;
  return `"${value.replace(/"/g, '\\"')}"`;
}

/** `name=value`, or the bare name for a pair without a value. */
export function nvText(name: string, value: string | null): string {
  return value === null ? name : `${name}=${quoteValue(value)}`;
}

/** A stored score as crmsh prints it: every `INFINITY` becomes `inf`, sign kept. */
export function scoreText(score: string): string {
  return score.replace(/INFINITY/g, 'inf');
}

/** The score of a constraint or rule: `score`, else `score-attribute`, else ''. */
export function scoreOf(el: { getAttribute(n: string): string | null }): string {
  const score = el.getAttribute('score');
  if (score) return scoreText(score);
  return el.getAttribute('score-attribute') ?? '';
}

/** fnmatch-style glob (`*`, `?`, `[seq]`, `[!seq]`), case-sensitive, whole string. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') re += '.*';
    else if (c === '?') re += '.';
    else if (c === '[') {
      const close = glob.indexOf(']', i + 2);
      if (close < 0) {
        re += '\\[';
        continue;
      }
      let body = glob.slice(i + 1, close);
      if (body.startsWith('!')) body = '^' + body.slice(1);
      re += '[' + body.replace(/\\/g, '\\\\') + ']';
      i = close;
    } else re += c.replace(/[.+^${}()|\\\]]/g, '\\$&');
  }
  try {
    return new RegExp('^' + re + '$', 's');
  } catch {
    // A bracket the user wrote that is no valid class (`[z-a]`) matches itself, as in fnmatch.
    return new RegExp('^' + glob.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + '$', 's');
  }
}

export function globMatch(glob: string, text: string): boolean {
  return globToRegExp(glob).test(text);
}

/** The obscuring rule: values of names matching one of the globs print as `******`. */
export type Obscurer = (name: string | null, value: string | null) => string | null;

export const NO_OBSCURING: Obscurer = (_name, value) => value;

export function obscurerFor(globs: string[]): Obscurer {
  if (globs.length === 0) return NO_OBSCURING;
  const res = globs.map(globToRegExp);
  return (name, value) => {
    if (name === null || value === null) return value;
    return res.some((r) => r.test(name)) ? '******' : value;
  };
}

/** Splits crmsh's `core.obscure_pattern` option: globs separated by `|` or blanks. */
export function obscurePatterns(option: string): string[] {
  const trimmed = option.replace(/^\|+|\|+$/g, '').trim();
  if (trimmed === '') return [];
  return trimmed.split(/\s*\|\s*|\s+/).filter((s) => s !== '');
}
