/** Words laid out in columns filled down first, like crmsh's and readline's listings. */
export function columns(words: string[], width: number): string {
  if (words.length === 0) return '';
  const colWidth = Math.max(...words.map((w) => w.length)) + 2;
  const perRow = Math.max(1, Math.floor(width / colWidth));
  const rows = Math.ceil(words.length / perRow);
  const lines: string[] = [];
  for (let r = 0; r < rows; r++) {
    let line = '';
    for (let c = 0; c < perRow; c++) {
      const w = words[c * rows + r];
      if (w !== undefined) line += w.padEnd(colWidth);
    }
    lines.push(line.trimEnd());
  }
  return lines.join('\n');
}
