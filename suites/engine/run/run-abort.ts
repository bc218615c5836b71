// Stopping a run now, not when its slowest request decides to end: an interruption (SIGINT, SIGTERM,
// the caller's signal) or --max-duration aborts open streams at once and gives other requests in
// flight a short grace (a create answered in it is still tracked and cleaned up), then aborts them
// too. A budget of requests or tokens stops only the start of new work: what is in flight finishes.

/** How long a request in flight (not a stream) may still take after a stop that means "now". */
export const IN_FLIGHT_GRACE_MS = 2_000;

/** Stop reasons that end work in flight, not only the start of new work. */
export const STOPS_NOW = new Set(['interrupted', 'budget:max-duration']);

export interface RunAbort {
  /** Aborted at once on a stop that means now: open streams end, after-cases clients stop. */
  readonly streams: AbortSignal;
  /** Aborted IN_FLIGHT_GRACE_MS later: requests still in flight end. */
  readonly requests: AbortSignal;
  /** Ends work in flight (idempotent). */
  now(): void;
  /** Removes the timers (the run is over). */
  dispose(): void;
}

export function createRunAbort(graceMs = IN_FLIGHT_GRACE_MS): RunAbort {
  const streams = new AbortController();
  const requests = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    streams: streams.signal,
    requests: requests.signal,
    now() {
      if (streams.signal.aborted) return;
      streams.abort(new Error('the run was stopped'));
      timer = setTimeout(() => requests.abort(new Error('the run was stopped')), graceMs);
      (timer as { unref?: () => void }).unref?.();
    },
    dispose() {
      if (timer) clearTimeout(timer);
    },
  };
}
