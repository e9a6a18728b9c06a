/**
 * The one place that decides whether output is coloured (DECISIONS.md "Colour"): only on a
 * terminal or with `-D color-always`; never with NO_COLOR, `-D plain` or `options output plain`.
 */
import { Chalk } from 'chalk';
import type { Styler } from '../session/output.js';

export function colourWanted(opts: {
  env: Record<string, string | undefined>;
  isTTY: boolean;
  display?: string;
}): boolean {
  if (opts.env.NO_COLOR !== undefined && opts.env.NO_COLOR !== '') return false;
  if (opts.display === 'plain') return false;
  if (opts.display === 'color-always') return true;
  return opts.isTTY;
}

export function labelStyler(colour: boolean): Styler {
  if (!colour) return { label: (l) => l };
  const chalk = new Chalk({ level: 1 });
  const paint = { ERROR: chalk.red, WARNING: chalk.yellow, INFO: chalk.green } as const;
  return { label: (l) => paint[l](l) };
}
