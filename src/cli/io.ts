/** What a tcrm run talks to: injected so tests run in-process (`run(argv, io)`). */
export interface RunIO {
  /** Whole standard input when it is not a terminal (batch); undefined when interactive. */
  stdin?: string;
  /** Reads standard input when it was not read up front (not a terminal; commands from elsewhere). */
  readStdin?: () => Promise<string>;
  stdinIsTTY: boolean;
  stdoutIsTTY: boolean;
  env: Record<string, string | undefined>;
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}
