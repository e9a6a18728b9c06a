/**
 * The one narrow interface every Pacemaker tool call goes through (issue 7): argv and stdin in,
 * exit code and output out. Implementations: local (child_process) and SSH (ssh2). No
 * implementation ever builds a shell string from user values; SSH quotes argv with the single
 * tested function in `quote.ts`.
 */
export interface ExecResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface ExecOptions {
  /** Data written to the program's stdin (then closed). */
  stdin?: string | Buffer;
  /** Extra environment for the program, passed as an `env NAME=VALUE …` argv prefix over SSH. */
  env?: Record<string, string>;
  /** Kill the command and report failure after this many milliseconds. */
  timeoutMs?: number;
  /**
   * The user interrupted (Ctrl-C at the REPL): stop waiting and resolve with code 130. Locally
   * the program is killed; over SSH its channel is closed and the node's own deadline (`timeout`)
   * ends it. Commits never pass one: an apply is not left half-way by a key.
   */
  signal?: AbortSignal;
}

/** The exit status an interrupted command resolves with (128 + SIGINT, as a shell reports it). */
export const INTERRUPTED_CODE = 130;

export interface Transport {
  /** Where commands run, as the user is told: `local`, `root@10.200.0.11`. */
  readonly where: string;
  /** The node name that served (the cluster's uname), once known. */
  nodeName?: string;
  exec(argv: string[], opts?: ExecOptions): Promise<ExecResult>;
  close(): Promise<void>;
}

/** Thrown (never returned) when the connection itself failed: the outcome of a command is unknown. */
export class TransportError extends Error {
  constructor(
    message: string,
    readonly where: string,
    /** True when a command may have run before the connection dropped. */
    readonly outcomeUnknown: boolean,
  ) {
    super(message);
    this.name = 'TransportError';
  }
}
