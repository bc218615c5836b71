// Why the run stops starting new work, decided once: an interruption (SIGINT, SIGTERM), a budget
// limit, or a reason a part of the run gives. Once stopped, it stays stopped.
import type { Budget } from '../budget.js';

export interface StopState {
  /** True once the run must start no new work (and records why, the first time). */
  shouldStop(): boolean;
  stop(reason: string): void;
  readonly reason: string | undefined;
}

export function createStopState(budget: Budget, stopRequested?: () => boolean): StopState {
  let reason: string | undefined;
  return {
    shouldStop() {
      if (reason) return true;
      if (stopRequested?.()) reason = 'interrupted';
      else reason = budget.exhausted();
      return reason !== undefined;
    },
    stop(why) {
      reason ??= why;
    },
    get reason() {
      return reason;
    },
  };
}
