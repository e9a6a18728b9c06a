/** crmsh's utils.multicolumn: row-major columns of width ⌊w / cols⌋, the last column unpadded. */
export function multicolumn(words: string[], width = 80): string[] {
  const maxLen = Math.max(8, ...words.map((w) => w.length));
  const cols = Math.max(1, Math.floor(width / (maxLen + 2)));
  const colLen = Math.floor(width / cols);
  const lines: string[] = [];
  for (let i = 0; i < Math.floor(words.length / cols) + 1; i++) {
    let s = '';
    for (let j = i * cols; j < (i + 1) * cols && j < words.length; j++) {
      s += (j + 1) % cols === 0 && s ? words[j] : words[j]!.padEnd(colLen);
    }
    if (s) lines.push(s);
  }
  return lines;
}
