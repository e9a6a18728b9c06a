/**
 * The user preferences crmsh 4.4.1 knows (`options` level, crm.conf), with the value rules and
 * error texts of its option types. Checks that need the machine (is this a program, a
 * directory) are delegated to an optional probe so the grammar stays pure.
 */

export type OptionType =
  | { type: 'program' }
  | { type: 'string' }
  | { type: 'choice'; choices: string[] }
  | { type: 'multichoice'; choices: string[] }
  | { type: 'boolean' }
  | { type: 'dir' }
  | { type: 'color' }
  | { type: 'list' };

const program = { type: 'program' } as const;
const string = { type: 'string' } as const;
const boolean = { type: 'boolean' } as const;
const dir = { type: 'dir' } as const;
const color = { type: 'color' } as const;
const choice = (...choices: string[]): OptionType => ({ type: 'choice', choices });

/** Section → option name → type, in crmsh's order. */
export const OPTION_TYPES: Record<string, Record<string, OptionType>> = {
  core: {
    editor: program,
    pager: program,
    user: string,
    skill_level: choice('operator', 'administrator', 'expert'),
    sort_elements: boolean,
    check_frequency: choice('always', 'on-verify', 'never'),
    check_mode: choice('strict', 'relaxed'),
    wait: boolean,
    add_quotes: boolean,
    manage_children: choice('ask', 'never', 'always'),
    force: boolean,
    debug: boolean,
    ptest: program,
    dotty: program,
    dot: program,
    ignore_missing_metadata: boolean,
    report_tool_options: string,
    lock_timeout: string,
    OCF_1_1_SUPPORT: boolean,
    obscure_pattern: string,
  },
  path: {
    sharedir: dir,
    cache: dir,
    crm_config: dir,
    crm_daemon_dir: dir,
    crm_daemon_user: string,
    ocf_root: dir,
    crm_dtd_dir: dir,
    pe_state_dir: dir,
    heartbeat_dir: dir,
    hb_delnode: program,
    nagios_plugins: dir,
    hawk_wizards: dir,
  },
  color: {
    style: { type: 'multichoice', choices: ['plain', 'color-always', 'color', 'uppercase'] },
    error: color,
    ok: color,
    warn: color,
    info: color,
    help_keyword: color,
    help_header: color,
    help_topic: color,
    help_block: color,
    keyword: color,
    identifier: color,
    attr_name: color,
    attr_value: color,
    resource_reference: color,
    id_reference: color,
    score: color,
    ticket: color,
  },
  report: {
    from_time: string,
    compress: boolean,
    speed_up: boolean,
    collect_extra_logs: string,
    remove_exist_dest: boolean,
    single_node: boolean,
    sanitize_rule: string,
    verbosity: string,
  },
};

/** The legacy one-option commands of the options level and the option each one sets. */
export const OPTION_COMMANDS: Record<string, { section: string; name: string }> = {
  editor: { section: 'core', name: 'editor' },
  pager: { section: 'core', name: 'pager' },
  user: { section: 'core', name: 'user' },
  'skill-level': { section: 'core', name: 'skill_level' },
  'sort-elements': { section: 'core', name: 'sort_elements' },
  'check-frequency': { section: 'core', name: 'check_frequency' },
  'check-mode': { section: 'core', name: 'check_mode' },
  wait: { section: 'core', name: 'wait' },
  'add-quotes': { section: 'core', name: 'add_quotes' },
  'manage-children': { section: 'core', name: 'manage_children' },
  output: { section: 'color', name: 'style' },
};

export const BOOLEAN_WORDS = ['yes', 'true', 'on', '1', 'no', 'false', 'off', '0'];

const COLOR_WORDS = [
  'black', 'blue', 'green', 'cyan', 'red', 'magenta', 'yellow', 'white',
  'bold', 'blink', 'dim', 'reverse', 'underline', 'normal',
];

/** Every `section.name`, sorted (what `options set` completes and `show all` lists). */
export function allOptionKeys(): string[] {
  const keys: string[] = [];
  for (const [section, names] of Object.entries(OPTION_TYPES)) {
    for (const name of Object.keys(names)) keys.push(`${section}.${name}`);
  }
  return keys.sort();
}

/** Machine checks crmsh makes for program and directory options; absent means "assume fine". */
export interface OptionProbe {
  isProgram?(name: string): boolean;
  isDirectory?(path: string): boolean;
}

/** crmsh's error text for a bad value, or undefined when the value is acceptable. */
export function optionValueError(type: OptionType, value: string, probe: OptionProbe = {}): string | undefined {
  switch (type.type) {
    case 'choice':
      return type.choices.includes(value) ? undefined : `${value} not in ${type.choices.join(', ')}`;
    case 'multichoice': {
      const parts = value.split(',').map((p) => p.trim());
      return parts.every((p) => type.choices.includes(p)) ? undefined : `${value} not in ${type.choices.join(', ')}`;
    }
    case 'boolean': {
      const lower = value.toLowerCase();
      return BOOLEAN_WORDS.includes(lower) ? undefined : `Not a boolean: ${lower} (try one of: ${BOOLEAN_WORDS.join(', ')})`;
    }
    case 'color':
      return value.split(' ').every((c) => COLOR_WORDS.includes(c)) ? undefined : `Invalid color ${value}`;
    case 'program':
      return probe.isProgram && !probe.isProgram(value) ? `${value} does not exist or is not a program` : undefined;
    case 'dir':
      return probe.isDirectory && !probe.isDirectory(value) ? `Directory not found: ${value}` : undefined;
    default:
      return undefined;
  }
}

/** `options set <section>.<name> <value>`: crmsh's checks in its order. */
export function setOptionError(option: string, value: string, probe: OptionProbe = {}): string | undefined {
  const parts = option.split('.');
  if (parts.length !== 2) return `Unknown option: ${option}`;
  const [section, name] = parts;
  if (!Object.hasOwn(OPTION_TYPES, section)) return `Setting invalid section ${section}`;
  const names = OPTION_TYPES[section];
  if (!Object.hasOwn(names, name)) return `Setting invalid option ${section}.${name}`;
  return optionValueError(names[name], value, probe);
}
