/**
 * crmsh's `ls` listing of a level, exactly: the level's command and sublevel names (plus `..`
 * below the root), sorted, without names starting with `-` or `_`, in columns of the longest
 * name + 2 (at least 18) characters, each cell followed by a space. crmsh makes
 * floor(n / 3) rows and slices the names down the rows, so a row can get a fourth cell; with
 * fewer than three names it prints nothing.
 */
import { levelSpecOf, pathSegments } from './levels.js';

export function lsListing(path: string): string[] {
  const spec = levelSpecOf(path);
  if (!spec) return [];
  const names = spec.commands.map((c) => c.name);
  if (pathSegments(path).length > 0) names.unshift('..');
  const shown = names.filter((n) => !n.startsWith('-') && !n.startsWith('_')).sort();
  let width = Math.max(16, ...shown.map((n) => n.length));
  if (width >= 16) width += 2;
  const rows = Math.floor(shown.length / 3);
  const lines: string[] = [];
  for (let r = 0; r < rows; r++) {
    let line = '';
    for (let i = r; i < shown.length; i += rows) line += `${shown[i].padEnd(width)} `;
    lines.push(line);
  }
  return lines;
}
