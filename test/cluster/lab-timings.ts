/** The numbers the e2e lab suite reports: one row per measured step, printed as a table at the end. */

export interface Timing {
  scenario: string;
  step: string;
  ms: number;
}

export class LabTimings {
  readonly rows: Timing[] = [];

  add(scenario: string, step: string, ms: number): void {
    this.rows.push({ scenario, step, ms });
  }

  /** A Markdown table (the README's testing section takes it as is). */
  table(): string {
    const lines = ['| scenario | step | seconds |', '|---|---|---|'];
    for (const row of this.rows) lines.push(`| ${row.scenario} | ${row.step} | ${(row.ms / 1000).toFixed(1)} |`);
    return lines.join('\n');
  }
}
