/**
 * The framed transfer (DECISIONS.md): cibadmin repairs truncated XML and applies what is left,
 * so a patch never reaches it straight from a stream. One constant command — the same bytes on
 * every call, no user value inside — reads exactly N bytes of stdin into a private temporary
 * file, checks the length and the sha256 given as separate arguments (validated as digits and
 * hex before use), and only then runs cibadmin on the file. A connection cut mid-transfer leaves
 * a short file: nothing is applied. The same command runs over SSH and locally.
 */
import { createHash } from 'node:crypto';
import type { ExecResult, Transport } from '../transport/types.js';

export type FramedMode = 'patch' | 'replace';

/** Exit codes of the framing itself; cibadmin never uses 90–95 (crm_error -l -X). */
export const FRAMING_EXIT = {
  badArguments: 90,
  noTempFile: 91,
  readFailed: 92,
  shortRead: 93,
  checksumMismatch: 94,
} as const;

/*
 * $0 is the name; $1 must be `--`; then MODE LENGTH SHA256. `head -c` stops at end of input,
 * so a cut stream gives a short file; `wc -c` and `sha256sum` then decide. The temporary file is
 * removed on every path, signals included (sshd hangs up on a dropped connection).
 */
export const FRAMED_SCRIPT = [
  'umask 077',
  '[ "$#" -eq 4 ] && [ "$1" = -- ] || exit 90',
  'mode=$2 n=$3 sum=$4',
  'case $mode in patch|replace) ;; *) exit 90 ;; esac',
  'case $n in ""|*[!0-9]*) exit 90 ;; esac',
  'case $sum in *[!0-9a-f]*) exit 90 ;; esac',
  '[ "${#sum}" -eq 64 ] || exit 90',
  'f=$(mktemp "${TMPDIR:-/tmp}/tcrm-commit.XXXXXXXXXX") || exit 91',
  "trap 'rm -f \"$f\"; exit 129' HUP INT TERM PIPE",
  'head -c "$n" > "$f" || { rm -f "$f"; exit 92; }',
  '[ "$(wc -c < "$f")" -eq "$n" ] || { rm -f "$f"; exit 93; }',
  '[ "$(sha256sum < "$f" | cut -d " " -f 1)" = "$sum" ] || { rm -f "$f"; exit 94; }',
  'if [ "$mode" = replace ]; then cibadmin --replace --scope configuration --xml-file "$f"; else cibadmin --patch --xml-file "$f"; fi',
  'rc=$?',
  'rm -f "$f"',
  'exit $rc',
].join('\n');

export interface Framed {
  argv: string[];
  stdin: Buffer;
}

/** The argv and stdin of one framed apply. */
export function framedCommand(mode: FramedMode, payload: string | Buffer): Framed {
  const stdin = typeof payload === 'string' ? Buffer.from(payload, 'utf8') : payload;
  const sum = createHash('sha256').update(stdin).digest('hex');
  return { argv: ['sh', '-c', FRAMED_SCRIPT, 'tcrm-framed', '--', mode, String(stdin.length), sum], stdin };
}

/** Runs one framed apply; TransportError (connection lost) propagates to the caller. */
export function runFramed(
  transport: Transport,
  mode: FramedMode,
  payload: string | Buffer,
  opts: { env?: Record<string, string>; timeoutMs?: number; stdinOverride?: Buffer } = {},
): Promise<ExecResult> {
  const framed = framedCommand(mode, payload);
  return transport.exec(framed.argv, {
    stdin: opts.stdinOverride ?? framed.stdin,
    env: opts.env,
    timeoutMs: opts.timeoutMs ?? 120_000,
  });
}

/** True when the exit code is the framing's own: the CIB was not touched. */
export function isFramingFailure(code: number): boolean {
  return code >= 90 && code <= 94;
}
