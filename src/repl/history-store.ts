/**
 * The REPL's command history, kept in the state directory (DECISIONS.md "Files and directories")
 * as one line per entry, rewritten atomically (temp + fsync + rename) so that two shells or a
 * crash never leave half a file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stateDir } from '../session/state-dir.js';
import { ensureFile, writeStateFile } from '../session/files.js';
import { HISTORY_LIMIT } from './input-reducer.js';

export function historyPath(env: Record<string, string | undefined>): string {
  return join(stateDir(env), 'history');
}

export function loadHistory(path: string): string[] {
  try {
    const lines = readFileSync(path, 'utf8').split('\n').filter((l) => l.trim() !== '');
    return lines.slice(-HISTORY_LIMIT);
  } catch {
    return [];
  }
}

export async function saveHistory(path: string, history: string[]): Promise<void> {
  const entries = history.slice(-HISTORY_LIMIT).map((l) => l.replace(/[\r\n]+/g, ' '));
  // Typed lines may hold passwords (`params passwd=…`): the file is created private, and the
  // atomic rewrite keeps the mode of the file it replaces.
  await ensureFile(path, '');
  await writeStateFile(path, entries.length === 0 ? '' : entries.join('\n') + '\n');
}
