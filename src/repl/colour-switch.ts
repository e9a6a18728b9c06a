/**
 * Whether the REPL paints right now: the start-up decision (terminal, NO_COLOR, -D) and, while the
 * shell runs, `options output plain` (color.style), which can switch it off and on again.
 */
import type { Session } from '../session/session.js';

export function replColourOn(session: () => Session | null, colourAtStart: boolean): () => boolean {
  return () => colourAtStart && session()?.settings.get('color.style') !== 'plain';
}
