/**
 * Durations as crmsh compares them (its crm_msec): a leading integer and an optional unit
 * among none/s/sec (seconds), ms/msec, us/usec, m/min, h/hr, case-insensitive; anything it
 * cannot read is -1 (so a timeout of `1d` is "smaller" than every advised value).
 */
const UNITS: Record<string, [number, number]> = {
  '': [1000, 1], s: [1000, 1], sec: [1000, 1],
  ms: [1, 1], msec: [1, 1],
  us: [1, 1000], usec: [1, 1000],
  m: [60_000, 1], min: [60_000, 1],
  h: [3_600_000, 1], hr: [3_600_000, 1],
};

const DURATION = /^\s*(\d+)\s*([a-zA-Z]+)?/;
/** Results by text: a CIB repeats a few durations (`20s`, `10s`) thousands of times. */
const known = new Map<string, number>();
const KNOWN_MAX = 1000;

export function crmMsec(text: string | null | undefined): number {
  if (!text) return -1;
  let ms = known.get(text);
  if (ms === undefined) {
    if (known.size >= KNOWN_MAX) known.clear();
    known.set(text, (ms = parseMsec(text)));
  }
  return ms;
}

function parseMsec(text: string): number {
  const m = DURATION.exec(text);
  if (!m) return -1;
  const unit = UNITS[(m[2] ?? '').toLowerCase()];
  if (!unit) return -1;
  return Math.floor((Number(m[1]) * unit[0]) / unit[1]);
}
