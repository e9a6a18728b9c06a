/**
 * `help`, `help COMMAND`, `help LEVEL [COMMAND]`: a level's command list, or a command's summary,
 * usage (from the level tree), our paragraph and an example. A topic we have no help for gets
 * crmsh's own error line.
 */
import { findCommand, LEVELS, levelSpecOf, pathSegments, type CommandSpec, type LevelSpec } from '../grammar/levels.js';
import { COMMON_HELP } from './texts-common.js';
import { CONFIGURE_HELP } from './texts-configure.js';
import { LEVEL_HELP } from './texts-levels.js';
import type { HelpText } from './types.js';

const TABLE: Record<string, HelpText> = { ...COMMON_HELP, ...CONFIGURE_HELP, ...LEVEL_HELP };

/** Our text for a command at a level (`root`, `configure`, …), or undefined. */
export function helpTextOf(level: string, command: string): HelpText | undefined {
  return TABLE[`${level}.${command}`] ?? TABLE[`*.${command}`];
}

function levelHelp(name: string, spec: LevelSpec, footer: string): string {
  const lines = [`${name === 'root' ? 'crm shell' : name}: ${spec.summary}`, '', 'Commands:'];
  for (const c of spec.commands) {
    if (c.hidden) continue;
    const note = c.supported ? '' : ' (not supported by tcrm)';
    lines.push(`    ${c.name.padEnd(18)}${c.summary}${note}`);
  }
  lines.push('', footer);
  return lines.join('\n');
}

function commandHelp(level: string, spec: CommandSpec): string {
  if (spec.kind === 'level') return levelHelp(spec.name, LEVELS[spec.level ?? spec.name]!, '');
  const own = helpTextOf(level, spec.name);
  const lines = [`${spec.name}: ${spec.summary}`, '', 'Usage:', `    ${spec.usage}`];
  if (own) lines.push('', own.text, '', 'Example:', `    ${own.example}`);
  if (spec.aliases.length > 0) lines.push('', `Aliases: ${spec.aliases.map((a) => a.name).join(', ')}`);
  return lines.join('\n');
}

export type HelpResult = { ok: true; text: string } | { ok: false; error: string };

/**
 * @param path where the user is (`configure`, ``)
 * @param footer the closing line of a level listing (a catalogue message, in the user's language)
 */
export function renderHelp(path: string, topic: string | undefined, subtopic: string | undefined, footer: string): HelpResult {
  const segs = pathSegments(path);
  const here = segs.length === 0 ? 'root' : segs[segs.length - 1]!;
  const notFound = (t: string): HelpResult => ({ ok: false, error: `help: No help found for '${t}'! 'overview' lists all help entries` });
  if (!topic) return { ok: true, text: levelHelp(here, levelSpecOf(path)!, footer) };

  // `help LEVEL [COMMAND]`: a level named from anywhere.
  const level = LEVELS[topic];
  if (level && level.supported) {
    if (!subtopic) return { ok: true, text: levelHelp(topic, level, footer) };
    const spec = findCommand(topic, subtopic);
    return spec && !spec.hidden ? { ok: true, text: commandHelp(topic, spec) } : notFound(subtopic);
  }
  for (const lvl of [here, 'root']) {
    const spec = findCommand(lvl === 'root' ? '' : lvl, topic);
    if (spec && !spec.hidden) return { ok: true, text: commandHelp(lvl, spec) };
  }
  // A command of another level (`help primitive` at the root): the first level that has it.
  for (const [name, spec] of Object.entries(LEVELS)) {
    if (!spec.supported) continue;
    const c = findCommand(name === 'root' ? '' : name, topic);
    if (c && !c.hidden && c.kind !== 'level') return { ok: true, text: commandHelp(name, c) };
  }
  return notFound(topic);
}
