/**
 * Arguments of the cib level (shadow CIBs). Whether a shadow exists is the engine's question;
 * the name rules are crmsh's: no `'` `` ` `` `/` `#` `*` `?` `$` `[` `]` `;`, not `live`/`@tmp@`.
 */
import type { ShellCommand } from './shell-ast.js';
import { takeTrailing } from './shell-context.js';
import type { CommandParser } from './shell-cmd-root.js';

const NEW_OPTIONS = ['force', '--force', 'withstatus', 'empty'];

export const CIB_PARSERS: Record<string, CommandParser> = {
  new: (ctx) => {
    const rest = [...ctx.args];
    const opts = takeTrailing(rest, NEW_OPTIONS);
    if (rest.length > 1) return ctx.fail(`Unexpected argument(s): ${rest.map((a) => a.text).join(' ')}`);
    const cmd: ShellCommand = {
      kind: 'cib.new',
      withstatus: opts.includes('withstatus'),
      force: opts.includes('force') || opts.includes('--force'),
      empty: opts.includes('empty'),
    };
    const name = rest[0];
    if (name) {
      if (!ctx.saneFilename(name)) return null;
      if (name.text === '@tmp@' || name.text === 'live') return ctx.fail(`Shadow name '${name.text}' is not allowed`, name.at);
      cmd.name = name;
    }
    return cmd;
  },
  use: (ctx) => {
    const [name, withstatus] = ctx.args;
    if (name && name.text !== '' && !ctx.saneFilename(name)) return null;
    // crmsh checks that the shadow exists before this; the engine does that check.
    if (withstatus && withstatus.text !== '' && withstatus.text !== 'withstatus') {
      return ctx.fail(`Expected 'withstatus', got '${withstatus.text}'`, withstatus.at);
    }
    const live = !name || name.text === '' || name.text === 'live';
    const cmd: ShellCommand = { kind: 'cib.use', live, withstatus: !!withstatus && withstatus.text === 'withstatus' };
    if (!live) cmd.name = name;
    return cmd;
  },
  commit: (ctx) => {
    const [name] = ctx.args;
    if (name && name.text !== '' && !ctx.saneFilename(name)) return null;
    return name && name.text !== '' ? { kind: 'cib.commit', name } : { kind: 'cib.commit' };
  },
  diff: () => ({ kind: 'cib.diff' }),
  list: () => ({ kind: 'cib.list' }),
  delete: (ctx) => (ctx.saneFilename(ctx.args[0]) ? { kind: 'cib.delete', name: ctx.args[0] } : null),
  reset: (ctx) => (ctx.saneFilename(ctx.args[0]) ? { kind: 'cib.reset', name: ctx.args[0] } : null),
  import: (ctx) => {
    const [file, name] = ctx.args;
    if (name && name.text !== '' && !ctx.saneFilename(name)) return null;
    return name && name.text !== '' ? { kind: 'cib.import', file, name } : { kind: 'cib.import', file };
  },
};
