/**
 * User preferences (`options` level): crmsh's crm.conf files are read as defaults, tcrm's own
 * `$XDG_CONFIG_HOME/tcrm/tcrm.conf` wins over them, and `options save` writes only tcrm's file
 * (DECISIONS.md "Files and directories"). Keys are `section.name` (`core.sort_elements`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { configDir } from './state-dir.js';
import { writeStateFile } from './files.js';

export const DEFAULTS: Record<string, string> = {
  'core.skill_level': 'expert',
  'core.sort_elements': 'yes',
  'core.check_frequency': 'always',
  'core.check_mode': 'strict',
  'core.wait': 'no',
  'core.add_quotes': 'yes',
  'core.manage_children': 'ask',
  'core.force': 'no',
  'core.debug': 'no',
  'core.obscure_pattern': 'passw*',
  'core.OCF_1_1_SUPPORT': 'no',
  'color.style': 'color',
};

/** Parses an INI file into `section.name` → value (comments and blank lines skipped). */
export function parseIni(text: string): Map<string, string> {
  const out = new Map<string, string>();
  let section = '';
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[(.+)\]$/.exec(line);
    if (header) {
      section = header[1]!.trim();
      continue;
    }
    const eq = line.indexOf('=');
    if (eq > 0 && section) out.set(`${section}.${line.slice(0, eq).trim().replace(/-/g, '_')}`, line.slice(eq + 1).trim());
  }
  return out;
}

function readIni(path: string): Map<string, string> {
  try {
    return parseIni(readFileSync(path, 'utf8'));
  } catch {
    return new Map();
  }
}

export class Settings {
  /** Values from files (system, crmsh user, tcrm), later ones winning. */
  private readonly fromFiles = new Map<string, string>();
  /** Values set in this session (`options …`, `-o`). */
  private readonly session = new Map<string, string>();

  constructor(private readonly env: Record<string, string | undefined>) {
    this.reset();
  }

  tcrmConfPath(): string {
    return join(configDir(this.env), 'tcrm.conf');
  }

  /** Re-reads the files, dropping this session's changes (`options reset`). */
  reset(): void {
    this.fromFiles.clear();
    this.session.clear();
    const home = this.env.HOME ?? '/tmp';
    const crmshUser = this.env.CRM_CONFIG_FILE ?? join(this.env.XDG_CONFIG_HOME || join(home, '.config'), 'crm', 'crm.conf');
    for (const path of ['/etc/crm/crm.conf', crmshUser, this.tcrmConfPath()]) {
      for (const [k, v] of readIni(path)) this.fromFiles.set(k, v);
    }
  }

  get(key: string): string | undefined {
    return this.session.get(key) ?? this.fromFiles.get(key) ?? DEFAULTS[key];
  }

  set(key: string, value: string): void {
    this.session.set(key, value);
  }

  /** Options set in a file or in this session (what `options show` lists without `all`). */
  explicit(): Map<string, string> {
    return new Map([...this.fromFiles, ...this.session]);
  }

  all(): Map<string, string> {
    return new Map([...Object.entries(DEFAULTS), ...this.fromFiles, ...this.session]);
  }

  isYes(key: string): boolean {
    return /^(yes|true|on|1)$/i.test(this.get(key) ?? '');
  }

  async save(): Promise<void> {
    const bySection = new Map<string, string[]>();
    for (const [key, value] of this.explicit()) {
      const dot = key.indexOf('.');
      const section = key.slice(0, dot);
      const lines = bySection.get(section) ?? [];
      lines.push(`${key.slice(dot + 1)} = ${value}`);
      bySection.set(section, lines);
    }
    const text = [...bySection].map(([s, lines]) => `[${s}]\n${lines.join('\n')}\n`).join('\n');
    await writeStateFile(this.tcrmConfPath(), text);
  }
}
