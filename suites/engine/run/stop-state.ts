// Why the run stops starting new work, decided once: an interruption (SIGINT, SIGTERM), a budget
// limit, or a reason a part of the run gives. Once stopped, it stays stopped.
import type { Budget } from '../budget.js';

export interface StopState {
  /** True once the run must start no new work (and records why, the first time). */
  shouldStop(): boolean;
  stop(reason: string): void;
  readonly reason: string | undefined;
}

/** `onStop` hears the reason once, when the run first stops. */
export function createStopState(budget: Budget, stopRequested?: () => boolean, onStop?: (reason: string) => void): StopState {
  let reason: string | undefined;
  const set = (why: string | undefined): void => {
    if (reason !== undefined || why === undefined) return;
    reason = why;
    onStop?.(why);
  };
  return {
    shouldStop() {
      if (reason) return true;
      set(stopRequested?.() ? 'interrupted' : budget.exhausted());
      return reason !== undefined;
    },
    stop(why) {
      set(why);
    },
    get reason() {
      return reason;
    },
  };
}
