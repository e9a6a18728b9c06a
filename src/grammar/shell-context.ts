/**
 * What a command's argument parser works with: its words, and the ways crmsh reports a problem.
 * crmsh has two kinds of error lines and we keep the distinction:
 * - `fail`: a command error, prefixed by the qualified name (`ERROR: configure.erase: …`);
 * - `plain`: a line logged directly, with no prefix (`ERROR: a/b: bad filename`,
 *   `ERROR: Bad usage: …`, `ERROR: syntax parsing '…'`).
 * Both return null so a parser can `return ctx.fail(…)`.
 */
import { diag, type Diagnostic, type Position } from '../diagnostic.js';
import { qualifiedName, type CommandSpec } from './levels.js';
import type { Arg } from './shell-ast.js';
import type { OptionProbe } from './shell-options.js';

export interface ParseOptions {
  /** crm -F / `core.force`: some commands stop complaining (e.g. `move` without a node). */
  force?: boolean;
  /** Machine checks for `options editor/pager/set path.*` (crmsh looks at PATH and the disk). */
  optionProbe?: OptionProbe;
}

export class ArgContext {
  readonly diagnostics: Diagnostic[] = [];

  constructor(
    readonly path: string,
    readonly spec: CommandSpec,
    readonly args: Arg[],
    /** Where the command word is. */
    readonly at: Position,
    readonly options: ParseOptions = {},
  ) {}

  get name(): string {
    return this.spec.name;
  }

  get texts(): string[] {
    return this.args.map((a) => a.text);
  }

  fail(message: string, at: Position = this.at): null {
    this.diagnostics.push(diag('CRM', 'error', `${qualifiedName(this.path, this.spec.name)}: ${message}`, at));
    return null;
  }

  plain(message: string, at: Position = this.at): null {
    this.diagnostics.push(diag('CRM', 'error', message, at));
    return null;
  }

  warn(message: string, at: Position = this.at): void {
    this.diagnostics.push(diag('CRM', 'warning', message, at));
  }

  /** crmsh's is_name_sane: no `'`. Logs `x: bad name` and says false. */
  saneName(arg: Arg): boolean {
    if (!arg.text.includes("'")) return true;
    this.plain(`${arg.text}: bad name`, arg.at);
    return false;
  }

  /** crmsh's is_filename_sane (shadow names): logs `x: bad filename`, then the command fails. */
  saneFilename(arg: Arg): boolean {
    if (!BAD_FILENAME.test(arg.text)) return true;
    this.plain(`${arg.text}: bad filename`, arg.at);
    this.fail(`Bad filename: ${arg.text}`, arg.at);
    return false;
  }

  /** crmsh's is_path_sane (like a filename, `/` allowed): logs `x: bad path`. */
  sanePath(arg: Arg): boolean {
    if (!BAD_PATH.test(arg.text)) return true;
    this.plain(`${arg.text}: bad path`, arg.at);
    return false;
  }
}

const BAD_FILENAME = /['`/#*?$[\];]/;
const BAD_PATH = /['`#*?$[\];]/;

/**
 * Remove the keyword words found at the END of the list (crmsh's fetch_opts): `new x force`
 * drops `force`, `new force x` keeps it. Returns the keywords found.
 */
export function takeTrailing(args: Arg[], keywords: readonly string[]): string[] {
  const found: string[] = [];
  while (args.length > 0 && keywords.includes(args[args.length - 1].text)) {
    found.push(args.pop()!.text);
  }
  return found;
}
