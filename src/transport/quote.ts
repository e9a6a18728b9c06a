/**
 * The one quoting function for argv sent over SSH. An SSH exec request carries a single command
 * string that the remote user's shell parses, so every word is wrapped in single quotes (inside
 * which a POSIX shell gives no character a meaning) and each `'` becomes `'\''`. Nothing else is
 * needed or allowed: no word is ever left bare, so `;`, `$(…)`, backticks, newlines, `<`, `&`,
 * globs and non-ASCII all arrive as the same bytes.
 */

/** One word, quoted for a POSIX shell (`sh`, `bash`, `dash`, `zsh` in sh mode). */
export function shellQuote(word: string): string {
  if (word.includes('\0')) {
    // A C string ends at NUL: the word could not arrive whole, so refuse rather than truncate.
    throw new RangeError('an argument sent over SSH cannot contain a NUL character');
  }
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * The command line for argv with an `env NAME=VALUE …` prefix: `LC_ALL=C` always (Pacemaker's
 * messages are parsed in English), then the caller's variables. `env` (not a shell assignment) so
 * the prefix is argv too and `sudo -n` can precede it.
 */
export function remoteCommand(argv: string[], env: Record<string, string> = {}, prefix: string[] = []): string {
  if (argv.length === 0) throw new RangeError('empty argv');
  const assignments = Object.entries({ LC_ALL: 'C', ...env }).map(([name, value]) => {
    if (!ENV_NAME.test(name)) throw new RangeError(`invalid environment variable name: ${JSON.stringify(name)}`);
    return `${name}=${value}`;
  });
  // `--` is not used: `env` stops at the first word without `=`, and argv[0] is a program name.
  return [...prefix, 'env', ...assignments, ...argv].map(shellQuote).join(' ');
}
