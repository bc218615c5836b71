// Keeps the load on a target under a ceiling: at most `concurrency` requests in flight and at most
// `ratePerSecond` requests arriving at the server in any window of one second. A plain token bucket
// would let 2R through in a second (a full bucket plus its refill), so this keeps the times of the last
// R grants and only grants when the oldest one is a full window old: an exact sliding-window ceiling.
// The time kept for a request is the latest moment it can have reached the server (when its response
// headers came, or it ended), not when it was granted: network latency varies, and a window measured
// from grant times lets R+1 arrive within a second when one request travels slower than the next.
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

export function createPacer(opts: PacerOptions): Pacer {
  const concurrency = Math.max(1, Math.floor(opts.concurrency || 1));
  const rate = opts.ratePerSecond && opts.ratePerSecond > 0 ? opts.ratePerSecond : undefined;
  // R >= 1: floor(R) grants per second. R < 1: one grant per 1/R seconds.
  const perWindow = rate === undefined ? 0 : Math.max(1, Math.floor(rate));
  const windowMs = rate === undefined ? 0 : (rate >= 1 ? 1000 : 1000 / rate) + (opts.marginMs ?? 5);
  const grants = new Float64Array(Math.max(1, perWindow));
  let granted = 0;
  const queue: Waiter[] = [];
  let inFlight = 0;
  let timer: NodeJS.Timeout | undefined;

  const now = (): number => performance.now();

  const pump = (): void => {
    timer = undefined;
    while (queue.length && inFlight < concurrency) {
      if (rate !== undefined && granted >= perWindow) {
        const oldest = grants[granted % perWindow]!;
        // Still in flight with no answer yet: it may not have arrived, so its window has not started.
        if (oldest === Infinity) return;
        const wait = oldest + windowMs - now();
        if (wait > 0) {
          timer = setTimeout(pump, Math.ceil(wait));
          return;
        }
      }
      const w = queue.shift()!;
      if (w.signal && w.onAbort) w.signal.removeEventListener('abort', w.onAbort);
      const slot = rate !== undefined ? granted++ % perWindow : -1;
      if (slot >= 0) grants[slot] = Infinity;
      inFlight++;
      let released = false;
      let stamped = false;
      // A slot holding Infinity is never reused, so stamping it later cannot hit another grant's slot.
      const stamp = (): void => {
        if (stamped) return;
        stamped = true;
        if (slot >= 0) grants[slot] = now();
        schedule();
      };
      const release = (() => {
        if (released) return;
        released = true;
        inFlight--;
        stamp();
        schedule();
      }) as Release;
      release.sent = stamp;
      w.resolve(release);
    }
  };
  const schedule = (): void => {
    if (timer === undefined) queueMicrotask(() => timer === undefined && pump());
  };

  return {
    acquire(signal) {
      return new Promise<Release>((resolve, reject) => {
        if (signal?.aborted) return reject(signal.reason);
        const w: Waiter = { resolve, reject };
        if (signal) {
          w.signal = signal;
          w.onAbort = () => {
            const i = queue.indexOf(w);
            if (i >= 0) queue.splice(i, 1);
            reject(signal.reason);
          };
          signal.addEventListener('abort', w.onAbort, { once: true });
        }
        queue.push(w);
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
