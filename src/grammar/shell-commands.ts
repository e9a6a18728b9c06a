/**
 * parseShellCommand: the typed arguments of one non-object shell command, or crmsh's error
 * lines for it. The command word has already been matched (matchCommand / planLine gives the
 * canonical name); `argStart` is the index of its first argument word in the line.
 *
 * Order of checks, as crmsh: the declared arity first (`Expected (…), takes exactly …`), then the
 * command's own word rules. Skill level (checked by crmsh right after the arity) is the
 * engine's, with skillError from shell-arity.ts, because it depends on the session's options.
 * Configure object commands come back as `configure.object` for parse-configure.ts.
 */
import { diag, type Diagnostic } from '../diagnostic.js';
import { findCommand, levelSpecOf, qualifiedName } from './levels.js';
import type { LogicalLine } from './words.js';
import type { Arg, ShellCommand } from './shell-ast.js';
import { arityError, unsupportedError } from './shell-arity.js';
import { ArgContext, type ParseOptions } from './shell-context.js';
import { COMMON_PARSERS, ROOT_PARSERS, type CommandParser } from './shell-cmd-root.js';
import { CIB_PARSERS } from './shell-cmd-cib.js';
import { CONFIGURE_PARSERS } from './shell-cmd-configure.js';
import { NODE_PARSERS } from './shell-cmd-node.js';
import { RESOURCE_PARSERS } from './shell-cmd-resource.js';
import { RA_PARSERS } from './shell-cmd-ra.js';
import { OPTIONS_PARSERS } from './shell-cmd-options.js';

export type { ParseOptions } from './shell-context.js';

const PARSERS_BY_LEVEL: Record<string, Record<string, CommandParser>> = {
  root: ROOT_PARSERS,
  configure: CONFIGURE_PARSERS,
  cib: CIB_PARSERS,
  node: NODE_PARSERS,
  resource: RESOURCE_PARSERS,
  ra: RA_PARSERS,
  options: OPTIONS_PARSERS,
};

export interface ShellParseResult {
  cmd: ShellCommand | null;
  diagnostics: Diagnostic[];
}

export function parseShellCommand(
  level: string,
  name: string,
  line: LogicalLine,
  argStart: number,
  options: ParseOptions = {},
): ShellParseResult {
  const at = line.words[argStart - 1]?.at ?? line.at;
  const spec = findCommand(level, name);
  if (!spec || spec.kind === 'level') {
    return { cmd: null, diagnostics: [diag('CRM', 'error', `${qualifiedName(level, name)}: No such command`, at)] };
  }
  if (!spec.supported) return { cmd: null, diagnostics: [unsupportedError(level, spec, at)] };
  if (spec.kind === 'object') return { cmd: { kind: 'configure.object', command: spec.name }, diagnostics: [] };

  const args: Arg[] = line.words.slice(argStart).map((w) => ({ text: w.text, at: w.at }));
  const arity = arityError(level, spec, args.length, at);
  if (arity) return { cmd: null, diagnostics: [arity] };

  const levelName = levelSpecOf(level)?.name ?? 'root';
  const parser = COMMON_PARSERS[spec.name] ?? PARSERS_BY_LEVEL[levelName]?.[spec.name];
  if (!parser) {
    return { cmd: null, diagnostics: [diag('CRM', 'error', `${qualifiedName(level, name)}: No such command`, at)] };
  }
  const ctx = new ArgContext(level, spec, args, at, options);
  const cmd = parser(ctx);
  return { cmd, diagnostics: ctx.diagnostics };
}
