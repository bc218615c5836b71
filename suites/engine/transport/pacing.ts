// Keeps the load on a target under a ceiling: at most `concurrency` requests in flight and at most
// `ratePerSecond` requests arriving at the server in any window of one second (see rate-window.ts).
// Waiters are served in order; one whose signal aborts leaves the queue.
import { createRateWindow } from './rate-window.js';
export { createRetryPolicy, retryDelay, type RetryPolicy } from './retry.js';

export interface PacerOptions {
  /** Requests in flight at once (>= 1). */
  concurrency: number;
  /** Requests started per second at most; unlimited when absent or 0. */
  ratePerSecond?: number;
  /** Added to the one-second window as a safety margin against clock granularity. Default 5 ms. */
  marginMs?: number;
}

/**
 * Calling it hands back the slot when the request is over (extra calls are ignored). `sent()` marks
 * that the server has surely received the request (its response headers arrived).
 */
export interface Release {
  (): void;
  sent(): void;
}

export interface Pacer {
  /** Waits for a slot and a rate token. Rejects only when the signal aborts. */
  acquire(signal?: AbortSignal): Promise<Release>;
  readonly inFlight: number;
  readonly waiting: number;
}

interface Waiter {
  resolve: (release: Release) => void;
  reject: (err: unknown) => void;
  signal?: AbortSignal;
  onAbort?: () => void;
}

/** Hands the slot back once (later calls are ignored); the grant is stamped once, on `sent()` or at the latest on release. */
function makeRelease(stamp: () => void, free: () => void): Release {
  let released = false;
  let stamped = false;
  const stampOnce = (): void => {
    if (stamped) return;
    stamped = true;
    stamp();
  };
  const release = (() => {
    if (released) return;
    released = true;
    free();
    stampOnce();
  }) as Release;
  release.sent = stampOnce;
  return release;
}

/** Queues a waiter that leaves the queue (rejected) if its signal aborts first. */
function enqueue(queue: Waiter[], w: Waiter, signal: AbortSignal | undefined): void {
  if (signal) {
    w.signal = signal;
    w.onAbort = () => {
      const i = queue.indexOf(w);
      if (i >= 0) queue.splice(i, 1);
      w.reject(signal.reason);
    };
    signal.addEventListener('abort', w.onAbort, { once: true });
  }
  queue.push(w);
}

export function createPacer(opts: PacerOptions): Pacer {
  const concurrency = Math.max(1, Math.floor(opts.concurrency || 1));
  const window = createRateWindow(opts.ratePerSecond, opts.marginMs ?? 5);
  const queue: Waiter[] = [];
  let inFlight = 0;
  let timer: NodeJS.Timeout | undefined;
  const now = (): number => performance.now();

  const schedule = (): void => {
    if (timer === undefined) queueMicrotask(() => timer === undefined && pump());
  };
  const grant = (w: Waiter): void => {
    if (w.signal && w.onAbort) w.signal.removeEventListener('abort', w.onAbort);
    const slot = window?.grant();
    inFlight++;
    const stamp = (): void => {
      if (slot !== undefined) window?.stamp(slot, now());
      schedule();
    };
    w.resolve(
      makeRelease(stamp, () => {
        inFlight--;
        schedule();
      }),
    );
  };
  const pump = (): void => {
    timer = undefined;
    while (queue.length && inFlight < concurrency) {
      const wait = window?.wait(now()) ?? 0;
      if (wait === Infinity) return;
      if (wait > 0) {
        timer = setTimeout(pump, Math.ceil(wait));
        return;
      }
      grant(queue.shift()!);
    }
  };

  return {
    acquire(signal) {
      return new Promise<Release>((resolve, reject) => {
        if (signal?.aborted) return reject(signal.reason);
        enqueue(queue, { resolve, reject }, signal);
        if (timer === undefined) pump();
      });
    },
    get inFlight() {
      return inFlight;
    },
    get waiting() {
      return queue.length;
    },
  };
}
