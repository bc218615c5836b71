// Progress is a courtesy: a stream that fails (closed pipe, a write that throws) only switches it off.
import type { Writable } from 'node:stream';

export interface SafeWriter {
  write(text: string): void;
  readonly alive: boolean;
  /** Stops writing for good (something went wrong while drawing). */
  kill(): void;
  /** Stops listening to the stream's errors. */
  dispose(): void;
}

export function safeWriter(stream: NodeJS.WritableStream | Writable): SafeWriter {
  let alive = true;
  const onError = (): void => {
    alive = false;
  };
  try {
    stream.on?.('error', onError);
  } catch {
    /* a stream without events is fine */
  }
  return {
    write(text) {
      if (!alive) return;
      try {
        stream.write(text);
      } catch {
        alive = false;
      }
    },
    get alive() {
      return alive;
    },
    kill() {
      alive = false;
    },
    dispose() {
      try {
        stream.off?.('error', onError);
      } catch {
        /* ignore */
      }
    },
  };
}
