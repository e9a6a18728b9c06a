/**
 * Whether a `rsc-pattern` would compile as a Python regular expression (crmsh's test), with
 * Python's wording for the common mistakes. Not a full Python regex parser: constructs it does
 * not model are accepted.
 */
export function pythonRegexError(pattern: string): string | null {
  const groups: number[] = [];
  let canRepeat = false; // is there an item a quantifier may apply to
  let lastWasRepeat = false;
  let lazy = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\') {
      if (i + 1 >= pattern.length) return `bad escape (end of pattern) at position ${i}`;
      i++;
      canRepeat = true;
      lastWasRepeat = false;
    } else if (c === '[') {
      const start = i;
      i++;
      if (pattern[i] === '^') i++;
      if (pattern[i] === ']') i++;
      while (i < pattern.length && pattern[i] !== ']') {
        if (pattern[i] === '\\') i++;
        i++;
      }
      if (i >= pattern.length) return `unterminated character set at position ${start}`;
      canRepeat = true;
      lastWasRepeat = false;
    } else if (c === '(') {
      groups.push(i);
      if (pattern[i + 1] === '?') {
        // (?:...), (?P<name>...), lookarounds: skip the prefix
        let j = i + 2;
        if (pattern[j] === 'P' && pattern[j + 1] === '<') j = pattern.indexOf('>', j) + 1 || pattern.length;
        else if (pattern[j] === '<' && (pattern[j + 1] === '=' || pattern[j + 1] === '!')) j += 2;
        else if (':=!'.includes(pattern[j] ?? '')) j += 1;
        i = j - 1;
      }
      canRepeat = false;
      lastWasRepeat = false;
    } else if (c === ')') {
      if (groups.length === 0) return `unbalanced parenthesis at position ${i}`;
      groups.pop();
      canRepeat = true;
      lastWasRepeat = false;
    } else if (c === '|') {
      canRepeat = false;
      lastWasRepeat = false;
    } else if (c === '*' || c === '+' || c === '?' || (c === '{' && /^\{\d*(,\d*)?\}/.test(pattern.slice(i)))) {
      if (c === '?' && lastWasRepeat && !lazy) {
        lazy = true; // `*?`: the lazy form of the quantifier before
        continue;
      }
      if (lastWasRepeat) return `multiple repeat at position ${i}`;
      if (!canRepeat) return `nothing to repeat at position ${i}`;
      if (c === '{') i = pattern.indexOf('}', i);
      lastWasRepeat = true;
      lazy = false;
    } else {
      canRepeat = c !== '^';
      lastWasRepeat = false;
    }
  }
  if (groups.length > 0) return `missing ), unterminated subpattern at position ${groups[groups.length - 1]}`;
  return null;
}
