/**
 * Cluster option values as the scheduler checks them when crm_verify unpacks the CIB. Only the
 * scheduler's options are checked there (the controller's and the CIB manager's are checked by
 * those daemons at run time), in the order of the scheduler's option table.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { vendoredDataDir } from './schema-data.js';
import { pcmkLine, type VerifyLine } from './verify-lines.js';

export interface ClusterOption {
  name: string;
  daemon: 'schedulerd' | 'controld' | 'based';
  type: string;
  default: string | null;
  values?: string[];
}

let options: ClusterOption[] | undefined;

/** All cluster options of Pacemaker's daemons, from the vendored metadata. */
export function clusterOptions(): ClusterOption[] {
  options ??= (JSON.parse(readFileSync(join(vendoredDataDir(), 'cluster-options.json'), 'utf8')) as {
    options: ClusterOption[];
  }).options;
  return options;
}

const TRUE_WORDS = ['true', 'on', 'yes', 'y', '1'];
const FALSE_WORDS = ['false', 'off', 'no', 'n', '0'];

/** Pacemaker's boolean reading (crm_str_to_boolean): undefined when the text is not a boolean. */
export function pcmkBoolean(value: string): boolean | undefined {
  const v = value.toLowerCase();
  if (TRUE_WORDS.includes(v)) return true;
  if (FALSE_WORDS.includes(v)) return false;
  return undefined;
}

export interface ValueCheck {
  valid: boolean;
  /** Lines Pacemaker's parsers print on the way (scan_ll, crm_parse_interval_spec). */
  lines: VerifyLine[];
}

const INFINITIES = ['INFINITY', '+INFINITY', '-INFINITY'];
/** strtoll's reading: blanks, a sign, digits, and whatever is left over */
const INTEGER = /^[ \t\n\r\f\v]*([+-]?)(\d*)(.*)$/s;
const LLONG_MAX = 9223372036854775807n;
const LLONG_MIN = -9223372036854775808n;

/** Pacemaker's integer option check: strtoll semantics plus the INFINITY words. */
export function checkInteger(value: string): ValueCheck {
  if (INFINITIES.includes(value)) return { valid: true, lines: [] };
  const m = INTEGER.exec(value)!;
  const [, sign, digits, rest] = m;
  if (!digits) {
    const lines = [pcmkLine('scan_ll', 'warning', `Could not parse integer from '${value}' (using 0 instead): No digits found`)];
    if (value !== '') lines.push(pcmkLine('scan_ll', 'warning', `Characters left over after parsing '${value}': '${value}'`));
    return { valid: false, lines };
  }
  const n = BigInt(`${sign}${digits}`);
  if (n > LLONG_MAX || n < LLONG_MIN) {
    const clip = n > LLONG_MAX ? LLONG_MAX : LLONG_MIN;
    return { valid: false, lines: [pcmkLine('scan_ll', 'warning', `Integer parsed from '${value}' was clipped to ${clip}`)] };
  }
  const lines = rest ? [pcmkLine('scan_ll', 'warning', `Characters left over after parsing '${value}': '${rest}'`)] : [];
  return { valid: true, lines };
}

/** Why an ISO 8601 duration is rejected, in crm_time_parse_duration's words; null when valid. */
function isoDurationProblem(value: string): string | null {
  const rest = value.slice(1);
  if (rest === '') return "nothing follows 'P'";
  let inTime = false;
  for (let i = 0; i < rest.length; ) {
    if (rest[i] === 'T') {
      inTime = true;
      i++;
      continue;
    }
    const digits = /^\d+/.exec(rest.slice(i))?.[0];
    if (!digits) return `no integer at '${rest.slice(i)}'`;
    i += digits.length;
    const unit = rest[i] ?? '';
    const units = inTime ? 'HMS' : 'YMWD';
    if (!unit || !units.includes(unit)) return `'${unit}' is not a valid time unit`;
    i++;
  }
  return null;
}

const INTERVAL_UNITS = ['ms', 'us', 's', 'm', 'h'];

/** Pacemaker's interval check (crm_parse_interval_spec): `10`, `10s`, `5min`, `PT5M` … */
export function checkInterval(value: string): ValueCheck {
  const invalid = (extra: VerifyLine[] = []): ValueCheck => ({
    valid: false,
    lines: [...extra, pcmkLine('crm_parse_interval_spec', 'warning', `Using 0 instead of '${value}'`)],
  });
  if (value.startsWith('P')) {
    const problem = isoDurationProblem(value);
    if (problem === null) return { valid: true, lines: [] };
    return invalid([
      pcmkLine('crm_time_parse_duration', 'error', `'${value}' is not a valid ISO 8601 time duration because ${problem}`),
    ]);
  }
  const m = /^[ \t\n\r]*([0-9.]*)[ \t\n\r]*(.*)$/s.exec(value)!;
  const [, number, units] = m;
  if (!number) return invalid();
  if (!/\d/.test(number)) {
    return invalid([pcmkLine('scan_ll', 'warning', `Could not parse integer from '${value}' (using -1 instead): No digits found`)]);
  }
  const unit = units.toLowerCase();
  const knownUnit = INTERVAL_UNITS.some((u) => unit.startsWith(u));
  if (!knownUnit && unit !== '' && !/^[\n\r]/.test(unit)) return invalid();
  if (!number.includes('.')) {
    const n = BigInt(number);
    if (n > LLONG_MAX) {
      return { valid: false, lines: [pcmkLine('scan_ll', 'warning', `Integer parsed from '${value}' was clipped to ${LLONG_MAX}`)] };
    }
  }
  return { valid: true, lines: [] };
}

/** Options whose allowed values the scheduler compares case-sensitively. */
const CASE_SENSITIVE_SELECT = new Set(['stonith-action']);

export function checkOptionValue(option: ClusterOption, value: string): ValueCheck {
  switch (option.type) {
    case 'boolean':
      return { valid: pcmkBoolean(value) !== undefined, lines: [] };
    case 'integer':
      return checkInteger(value);
    case 'time':
      return checkInterval(value);
    case 'select': {
      const allowed = option.values ?? [];
      const ok = CASE_SENSITIVE_SELECT.has(option.name)
        ? allowed.includes(value)
        : allowed.some((a) => a.toLowerCase() === value.toLowerCase());
      return { valid: ok, lines: [] };
    }
    default:
      return { valid: true, lines: [] };
  }
}

/**
 * The lines crm_verify prints for the scheduler's options, and the values the scheduler then
 * uses (an invalid value is replaced by the default).
 */
export function checkSchedulerOptions(config: Map<string, string>): { lines: VerifyLine[]; effective: Map<string, string> } {
  const lines: VerifyLine[] = [];
  const effective = new Map(config);
  for (const option of clusterOptions()) {
    if (option.daemon !== 'schedulerd') continue;
    const value = config.get(option.name);
    if (value === undefined) continue;
    const check = checkOptionValue(option, value);
    lines.push(...check.lines);
    if (!check.valid) {
      lines.push(
        pcmkLine(
          'cluster_option_value',
          'error',
          `Using default value for cluster option '${option.name}' because '${value}' is invalid`,
          'error',
        ),
      );
      if (option.default === null) effective.delete(option.name);
      else effective.set(option.name, option.default);
    }
  }
  return { lines, effective };
}
