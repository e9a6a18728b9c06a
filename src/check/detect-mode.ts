/**
 * Which kind of file a student handed in: a transcript (crm or shell prompts), a crm script
 * (shell-level words: `cib new`, `configure`, `node standby X`, `resource cleanup R`), or a
 * configure-level file (what `configure load update` takes, where `node standby` is a node).
 */
import type { InputMode } from './types.js';
import { physicalLines } from './read-input.js';

const PROMPT = /^(?:\s*\d+\s+)?\s*(?:crm\([^)]*\)[\w/-]*#|[\w.-]+@[\w.-]+:[^#$]*[#$]\s*(?:sudo\s+)?crm\b)/;
/** Root-level words that never start a configure-level statement. */
const SHELL_WORDS = new Set([
  'configure', 'cib', 'resource', 'ra', 'options', 'status', 'cd', 'cluster', 'corosync', 'history',
  'site', 'maintenance', 'assist', 'report', 'script', 'template', 'help', 'quit', 'exit', 'bye',
  // `crm configure primitive …` lines: shell commands handed in as a script
  'crm', 'sudo',
]);
/** `node standby X` is the node level; `node standby` alone (or `node 1: standby`) is an object. */
const NODE_COMMANDS = new Set([
  'standby', 'online', 'maintenance', 'ready', 'attribute', 'utilization', 'status-attr', 'fence',
  'clearstate', 'delete', 'show', 'server',
]);

export function detectMode(text: string): InputMode {
  const lines = physicalLines(text);
  if (lines.some((l) => PROMPT.test(l))) return 'transcript';
  for (const raw of lines) {
    const words = raw.trim().split(/\s+/);
    const first = words[0] ?? '';
    if (first.startsWith('#')) continue;
    if (SHELL_WORDS.has(first)) return 'script';
    if (first === 'node' && words.length >= 3 && NODE_COMMANDS.has(words[1]!)) return 'script';
  }
  return 'configure';
}
