/**
 * Arguments of the options level, with crmsh's value checks and texts
 * (`options.check-mode: foo not in strict, relaxed`). Program and directory checks need the
 * machine: they run only when the caller passes `optionProbe` in ParseOptions.
 */
import type { ShellCommand } from './shell-ast.js';
import type { ArgContext } from './shell-context.js';
import { OPTION_COMMANDS, OPTION_TYPES, optionValueError, setOptionError } from './shell-options.js';
import type { CommandParser } from './shell-cmd-root.js';

function legacySetter(command: string): CommandParser {
  return (ctx: ArgContext) => {
    const { section, name } = OPTION_COMMANDS[command];
    const value = ctx.args[0]?.text ?? '';
    const problem = optionValueError(OPTION_TYPES[section][name], value, ctx.options.optionProbe);
    if (problem) return ctx.fail(problem, ctx.args[0]?.at);
    return { kind: 'options.set', section, name, value };
  };
}

export const OPTIONS_PARSERS: Record<string, CommandParser> = {
  ...Object.fromEntries(Object.keys(OPTION_COMMANDS).map((c) => [c, legacySetter(c)])),
  colorscheme: (ctx) => ({ kind: 'options.colorscheme', value: ctx.args[0].text }),
  set: (ctx) => {
    const [option, value] = ctx.args;
    const problem = setOptionError(option.text, value.text, ctx.options.optionProbe);
    if (problem) return ctx.fail(problem, option.at);
    const [section, name] = option.text.split('.');
    const cmd: ShellCommand = { kind: 'options.set', section, name, value: value.text };
    return cmd;
  },
  show: (ctx) => (ctx.args[0] ? { kind: 'options.show', option: ctx.args[0].text } : { kind: 'options.show' }),
  save: () => ({ kind: 'options.save' }),
  reset: () => ({ kind: 'options.reset' }),
};
