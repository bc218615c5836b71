// Ctrl-C and CI cancellation. The first signal asks the run to stop: no new requests (the engine
// polls `stopped()`), requests in flight get `graceMs` to finish before `signal` aborts them, then
// clean-up and the partial report. A second signal means "now": `onSecond` (the CLI exits 130).

export type InterruptSignal = 'SIGINT' | 'SIGTERM' | 'SIGHUP' | 'SIGBREAK';

export interface InterruptOptions {
  onFirst?: (signal: InterruptSignal) => void;
  /** Default: re-raise the signal with our handlers removed, so the process ends as it normally would. */
  onSecond?: (signal: InterruptSignal) => void;
  signals?: InterruptSignal[];
  /** How long requests in flight may take after the first signal before `signal` aborts them. */
  graceMs?: number;
  /** The emitter signals arrive on (tests); default `process`. */
  emitter?: Pick<NodeJS.Process, 'on' | 'off'>;
}

export interface InterruptHandle {
  /** Aborted `graceMs` after the first signal, or at once on the second: pass it to requests in flight. */
  signal: AbortSignal;
  /** True from the first signal on: start nothing new. */
  stopped(): boolean;
  /** `interrupted` once stopped (the run-finished `stoppedBy`), else undefined. */
  reason(): string | undefined;
  /** Removes the handlers and timers; the default signal behaviour comes back. */
  dispose(): void;
}

export const DEFAULT_GRACE_MS = 10_000;

export function installInterruptHandler(options: InterruptOptions = {}): InterruptHandle {
  const emitter = options.emitter ?? process;
  const signals = options.signals ?? ['SIGINT', 'SIGTERM'];
  const graceMs = options.graceMs ?? DEFAULT_GRACE_MS;
  const controller = new AbortController();
  let count = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;

  const abort = (): void => {
    if (!controller.signal.aborted) controller.abort(new Error('interrupted'));
  };
  // A throwing callback must not turn a clean stop into a crash inside a signal handler.
  const call = (fn: ((s: InterruptSignal) => void) | undefined, s: InterruptSignal): void => {
    try {
      fn?.(s);
    } catch {
      /* ignored */
    }
  };

  const dispose = (): void => {
    if (disposed) return;
    disposed = true;
    for (const s of signals) emitter.off(s, listeners.get(s)!);
    if (timer) clearTimeout(timer);
  };

  const handle = (s: InterruptSignal): void => {
    count++;
    if (count === 1) {
      timer = setTimeout(abort, graceMs);
      (timer as { unref?: () => void }).unref?.();
      call(options.onFirst, s);
      return;
    }
    abort();
    if (options.onSecond) call(options.onSecond, s);
    else {
      dispose();
      process.kill(process.pid, s);
    }
  };

  const listeners = new Map<InterruptSignal, () => void>(signals.map((s) => [s, () => handle(s)]));
  for (const s of signals) emitter.on(s, listeners.get(s)!);

  return {
    signal: controller.signal,
    stopped: () => count > 0,
    reason: () => (count > 0 ? 'interrupted' : undefined),
    dispose,
  };
}
