/**
 * Single-shot mode (`crm configure primitive x Dummy params fake="a b"`): bash has already
 * removed the user's quotes, so crmsh joins argv with spaces and splits the result again. With
 * option `add-quotes` on (the default) an element containing a space is first wrapped in `"`, or
 * in `'` when it contains `"`; an element containing both kinds is left as it is.
 */
export function requoteArgv(argv: readonly string[], addQuotes = true): string {
  return argv
    .map((arg) => {
      if (!addQuotes || !arg.includes(' ')) return arg;
      const q = arg.includes('"') ? "'" : '"';
      return arg.includes(q) ? arg : `${q}${arg}${q}`;
    })
    .join(' ');
}

/**
 * crmsh's special case: a single argument starting with `conf` (`crm conf`, `crm configure`)
 * starts an interactive session in configure, whatever the rest of the word.
 */
export function isConfigureShortcut(argv: readonly string[]): boolean {
  return argv.length === 1 && argv[0].startsWith('conf');
}
