/**
 * What a failed framed apply means, for the user: the framing's own exit codes (nothing was
 * applied) and cibadmin's (Pacemaker's exit codes, `crm_error -l -X`, measured against
 * cibadmin 2.1.5 with CIB_file: 103 stale version, 78 schema, 1 patch path gone, 105 no CIB).
 */
import { message, type Lang, type MessageCode } from '../messages/catalog.js';
import { FRAMING_EXIT } from './framed.js';

const FRAMING: Record<number, MessageCode> = {
  [FRAMING_EXIT.badArguments]: 'TCRM4120',
  [FRAMING_EXIT.noTempFile]: 'TCRM4121',
  [FRAMING_EXIT.readFailed]: 'TCRM4122',
  [FRAMING_EXIT.shortRead]: 'TCRM4123',
  [FRAMING_EXIT.checksumMismatch]: 'TCRM4124',
};

const CIBADMIN: Record<number, MessageCode> = {
  103: 'TCRM4130',
  78: 'TCRM4131',
  105: 'TCRM4132',
  1: 'TCRM4133',
  77: 'TCRM4134',
  102: 'TCRM4135',
  106: 'TCRM4136',
  124: 'TCRM4137',
  127: 'TCRM4138',
};

export function framingReason(code: number, lang: Lang = 'en'): string {
  return message(FRAMING[code] ?? 'TCRM4139', {}, lang);
}

export function cibadminMeaning(code: number, lang: Lang = 'en'): string {
  return message(CIBADMIN[code] ?? 'TCRM4139', {}, lang);
}

/**
 * cibadmin's stderr without the numbered dump of the whole CIB that Pacemaker adds after a
 * schema error (thousands of lines on a large CIB); at most `max` lines.
 */
export function cibadminStderr(stderr: string, max = 20): string[] {
  const lines = stderr.split('\n').filter((l) => l.trim() !== '' && !/^\s*\d+\s+</.test(l));
  return lines.length > max ? [...lines.slice(0, max), `… (${lines.length - max} more lines)`] : lines;
}
