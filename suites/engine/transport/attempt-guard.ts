// The deadlines and aborts of one HTTP attempt: the run stopping (the caller's signal, the transport
// closing) and the time allowed for the headers and a non-stream body. What an error during the
// attempt means depends on which of them fired first: a timeout, a stop, or the network.
import type { TransportErrorKind } from '../types.js';
import { classifyError } from './classify-error.js';

export interface AttemptGuard {
  /** Aborts the request: given to the HTTP client, fired by any of the above. */
  readonly signal: AbortSignal;
  abort(): void;
  /** A stream keeps its own idle and total timeouts from here on. */
  stopHeaderTimer(): void;
  /** Also aborts when `signal` does (a stream follows the run's stream signal); counts as the run stopping. */
  follow(signal: AbortSignal | undefined): void;
  /** The run was stopped (not a timeout nor the server). */
  outerAborted(): boolean;
  errorOf(err: unknown): { kind: TransportErrorKind; message: string };
  /** Removes the timer and the listeners; the attempt is over. */
  dispose(): void;
}

export function guardAttempt(outer: AbortSignal | undefined, closing: AbortSignal, timeoutMs: number): AttemptGuard {
  const controller = new AbortController();
  const onOuterAbort = (): void => controller.abort();
  outer?.addEventListener('abort', onOuterAbort, { once: true });
  closing.addEventListener('abort', onOuterAbort, { once: true });
  let timedOut = false;
  const headerTimer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const followed: AbortSignal[] = [];
  const outerAborted = (): boolean => Boolean(outer?.aborted || closing.aborted || followed.some((f) => f.aborted));
  return {
    signal: controller.signal,
    abort: () => controller.abort(),
    stopHeaderTimer: () => clearTimeout(headerTimer),
    follow(signal) {
      if (!signal) return;
      followed.push(signal);
      if (signal.aborted) controller.abort();
      else signal.addEventListener('abort', onOuterAbort, { once: true });
    },
    outerAborted,
    errorOf: (err) =>
      timedOut
        ? { kind: 'timeout', message: `no complete response within ${timeoutMs} ms` }
        : outerAborted()
          ? { kind: 'aborted', message: 'request aborted: the run was stopped' }
          : classifyError(err),
    dispose() {
      clearTimeout(headerTimer);
      outer?.removeEventListener('abort', onOuterAbort);
      closing.removeEventListener('abort', onOuterAbort);
      for (const f of followed) f.removeEventListener('abort', onOuterAbort);
    },
  };
}
