/**
 * The double-Tab listing as readline prints it: sorted, in columns filled down first. When some
 * candidates carry a one-line description (agent parameters, commands) they are listed one per
 * line with it instead; required parameters get crmsh's `*`, fuzzy matches a leading `~` (they
 * did not start with what was typed).
 */
import type { Candidate } from '../completion/types.js';
import { columns } from '../session/columns.js';

export interface ListingStyle {
  /** Dims a description or a fuzzy mark. */
  dim(text: string): string;
}

const plain: ListingStyle = { dim: (t) => t };

function label(c: Candidate): string {
  return `${c.fuzzy ? '~' : ''}${c.text}${c.required ? '*' : ''}`;
}

export function formatListing(candidates: Candidate[], width: number, style: ListingStyle = plain): string {
  if (candidates.length === 0) return '';
  const labels = candidates.map(label);
  if (!candidates.some((c) => c.description)) return columns(labels, Math.max(20, width));
  const nameWidth = Math.min(Math.max(...labels.map((l) => l.length)) + 2, Math.floor(width / 2));
  return candidates
    .map((c, i) => {
      const name = labels[i]!;
      if (!c.description) return name;
      const room = Math.max(10, width - Math.max(nameWidth, name.length + 2) - 1);
      const text = c.description.length > room ? c.description.slice(0, room - 1) + '…' : c.description;
      return name.padEnd(nameWidth) + style.dim(text);
    })
    .join('\n');
}
