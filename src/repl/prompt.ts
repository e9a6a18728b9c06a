/**
 * crmsh's prompt: `crm(<cib>/<host>)<levels joined by a space># `, bold green when colour is on
 * (commands.md "interactive"); `   > ` for the lines after a `\` (language.md §1.1).
 */
import { hostname } from 'node:os';

export const CONTINUATION_PROMPT = '   > ';

export function shortHostname(): string {
  return hostname().split('.')[0] ?? 'localhost';
}

export function promptText(cibLabel: string, levels: string[], host: string): string {
  return `crm(${cibLabel}/${host})${levels.join(' ')}# `;
}

