/** The options level: read and change preferences (saved only by `options save`). */
import type { HandlerTable } from './commands.js';

export const OPTIONS_HANDLERS: HandlerTable = {
  'options.set': (session, cmd) => {
    session.settings.set(`${cmd.section}.${cmd.name.replace(/-/g, '_')}`, cmd.value);
    return true;
  },
  'options.colorscheme': () => true,
  'options.show': (session, cmd) => {
    const entries = cmd.option === 'all' ? session.settings.all() : session.settings.explicit();
    const wanted = cmd.option && cmd.option !== 'all' ? cmd.option.replace(/-/g, '_') : undefined;
    const lines: string[] = [];
    for (const [key, value] of [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (wanted && key !== wanted && !key.endsWith(`.${wanted}`)) continue;
      lines.push(`${key} = ${value}`);
    }
    if (wanted && lines.length === 0) {
      const v = session.settings.get(wanted.includes('.') ? wanted : `core.${wanted}`);
      if (v !== undefined) lines.push(`${wanted.includes('.') ? wanted : `core.${wanted}`} = ${v}`);
    }
    if (lines.length > 0) session.out.print(lines.join('\n'));
    return true;
  },
  'options.save': async (session) => {
    await session.settings.save();
    return true;
  },
  'options.reset': (session) => {
    session.settings.reset();
    return true;
  },
};
