/**
 * The Ink side of the REPL: renders the controller's live view (prompt, line, hint) and routes
 * raw input to it. Output never goes through React: the controller writes above the live area
 * with Ink's `write` (notes/ink-repl.md "Output").
 */
import React, { useEffect, useSyncExternalStore } from 'react';
import { Box, Text, useCursor, useStderr, useStdin, useStdout } from 'ink';
import type { ReplController } from '../controller.js';

export interface Writers {
  write(text: string): void;
  writeErr(text: string): void;
  columns(): number;
}

export interface ReplAppProps {
  controller: ReplController;
  /** Called once mounted with the writers that print above the live area. */
  onReady(writers: Writers): void;
}

let version = 0;

export function ReplApp({ controller, onReady }: ReplAppProps): React.ReactElement | null {
  const { setRawMode, internal_eventEmitter } = useStdin();
  const { stdout, write } = useStdout();
  const { write: writeErr } = useStderr();
  const { setCursorPosition } = useCursor();
  useSyncExternalStore(
    (onChange) =>
      controller.subscribe(() => {
        version++;
        onChange();
      }),
    () => version,
  );

  useEffect(() => {
    setRawMode(true);
    const onInput = (chunk: string | Buffer) => controller.handleInput(String(chunk));
    internal_eventEmitter.on('input', onInput);
    onReady({ write, writeErr, columns: () => stdout.columns || 80 });
    return () => {
      internal_eventEmitter.off('input', onInput);
      setRawMode(false);
    };
    // Mounted once per terminal hand-over; the controller outlives it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const view = controller.view(stdout.columns || 80, stdout.rows || 24);
  setCursorPosition(view ? view.cursor : undefined);
  if (!view) return null;
  return (
    <Box flexDirection="column">
      <Text>{view.line}</Text>
      {view.hint ? <Text>{view.hint}</Text> : null}
    </Box>
  );
}
