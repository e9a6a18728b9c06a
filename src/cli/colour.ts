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

/** Styles of the interactive line (highlighter spans, prompt, hint), in one place with the labels. */
export type LineStyle =
  | 'keyword'
  | 'id'
  | 'agent'
  | 'value'
  | 'score'
  | 'string'
  | 'error'
  | 'comment'
  | 'plain'
  | 'prompt'
  | 'hint'
  | 'marker'
  | 'dim';

/**
 * A painter for the REPL, asked at every use whether colour is on (`options output plain` can
 * switch it off while the shell runs).
 */
export function linePainter(colourOn: () => boolean): (style: LineStyle, text: string) => string {
  const chalk = new Chalk({ level: 1 });
  const paint: Record<LineStyle, (t: string) => string> = {
    keyword: chalk.cyan,
    id: chalk.yellow,
    agent: chalk.magenta,
    value: chalk.green,
    score: chalk.blue,
    string: chalk.green,
    error: chalk.red.underline,
    comment: chalk.gray,
    plain: (t) => t,
    prompt: chalk.green.bold,
    hint: chalk.dim,
    marker: chalk.red,
    dim: chalk.dim,
  };
  return (style, text) => (colourOn() && text !== '' ? paint[style](text) : text);
}
