// Ctrl-C and CI cancellation. The first signal stops the run now: `signal` aborts at once (the engine
// starts nothing new, ends open streams at once and other requests in flight after a short grace,
// cleans up within --cleanup-timeout and writes the partial report). A second signal means "exit
// without waiting": `onSecond` (the CLI exits 128 + the signal's number: 130 for SIGINT, 143 for SIGTERM).
import { constants } from 'node:os';

export type InterruptSignal = 'SIGINT' | 'SIGTERM' | 'SIGHUP' | 'SIGBREAK';

export interface InterruptOptions {
  onFirst?: (signal: InterruptSignal) => void;
  /** Default: re-raise the signal with our handlers removed, so the process ends as it normally would. */
  onSecond?: (signal: InterruptSignal) => void;
  signals?: InterruptSignal[];
  /** The emitter signals arrive on (tests); default `process`. */
  emitter?: Pick<NodeJS.Process, 'on' | 'off'>;
}

export interface InterruptHandle {
  /** Aborted on the first signal: pass it to the run (it stops now). */
  signal: AbortSignal;
  /** True from the first signal on: start nothing new. */
  stopped(): boolean;
  /** `interrupted` once stopped (the run-finished `stoppedBy`), else undefined. */
  reason(): string | undefined;
  /** The exit code an interrupted run ends with: 128 + the first signal's number (130 SIGINT, 143 SIGTERM). */
  exitCode(): number;
  /** Removes the handlers and timers; the default signal behaviour comes back. */
  dispose(): void;
}

/** 128 + the signal's number, as shells report a process ended by it. */
export function signalExitCode(signal: InterruptSignal): number {
  return 128 + ((constants.signals as Record<string, number>)[signal] ?? 2);
}

export function installInterruptHandler(options: InterruptOptions = {}): InterruptHandle {
  const emitter = options.emitter ?? process;
  const signals = options.signals ?? ['SIGINT', 'SIGTERM'];
  const controller = new AbortController();
  let count = 0;
  let first: InterruptSignal | undefined;
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
  };

  const handle = (s: InterruptSignal): void => {
    count++;
    if (count === 1) {
      first = s;
      abort();
      call(options.onFirst, s);
      return;
    }
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
    exitCode: () => signalExitCode(first ?? 'SIGINT'),
    dispose,
  };
}
