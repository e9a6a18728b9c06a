/**
 * crmsh checks the number of words against the command's declared arguments before running it:
 * `ERROR: configure.rename: Expected (old_id new_id), takes exactly 2 arguments (1 given)`,
 * and then the skill level.
 */
import { diag, type Diagnostic, type Position } from '../diagnostic.js';
import { message } from '../messages/catalog.js';
import { qualifiedName, skillAllows, type CommandSpec, type SkillLevel } from './levels.js';

export function arityError(path: string, spec: CommandSpec, given: number, at?: Position): Diagnostic | undefined {
  const { text, min, max } = spec.signature;
  const say = (bound: string, n: number): Diagnostic =>
    diag('CRM', 'error', `${qualifiedName(path, spec.name)}: Expected (${text}), takes ${bound} ${n} arguments (${given} given)`, at);
  if (min === max && given !== min) return say('exactly', min);
  if (given < min) return say('at least', min);
  if (max >= 0 && given > max) return say('at most', max);
  return undefined;
}

/** crmsh refuses a command above the user's skill level: `ACL administrator skill level required`. */
export function skillError(path: string, spec: CommandSpec, user: SkillLevel, at?: Position): Diagnostic | undefined {
  if (skillAllows(user, spec.skill)) return undefined;
  return diag('CRM', 'error', `${qualifiedName(path, spec.name)}: ACL ${spec.skill} skill level required`, at);
}

/** tcrm does not implement this level or command (crmsh has it): the catalogue's TCRM0008. */
export function unsupportedError(path: string, spec: CommandSpec, at?: Position): Diagnostic {
  return diag('TCRM0008', 'error', `${qualifiedName(path, spec.name)}: ${message('TCRM0008', { level: spec.name })}`, at);
}
