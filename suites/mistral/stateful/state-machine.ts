// The job lifecycles as we read them from Mistral's documentation, as directed graphs. A sequence of
// observed states is plausible when each state is reachable from the one before it (polls may miss
// intermediate states) and nothing leaves a final state. States the document lists but this graph
// does not know (a newer spec) are not judged: we cannot say what is plausible for them.

export interface StateMachine {
  name: string;
  edges: Record<string, readonly string[]>;
  final: readonly string[];
  /** States that may not appear again once `after` was seen (e.g. no re-validation after VALIDATED). */
  noReturn?: { after: string; states: readonly string[] };
}

// Fine-tuning: QUEUED → (STARTED) → VALIDATING → VALIDATED → (start) → QUEUED/STARTED → RUNNING → SUCCESS;
// VALIDATING → FAILED_VALIDATION; RUNNING → FAILED; any live state → CANCELLATION_REQUESTED → CANCELLED.
// With auto_start the real API goes QUEUED → RUNNING → SUCCESS (its events show exactly that).
export const fineTuningMachine: StateMachine = {
  name: 'fine-tuning job',
  edges: {
    QUEUED: ['STARTED', 'VALIDATING', 'VALIDATED', 'RUNNING', 'FAILED_VALIDATION', 'FAILED', 'CANCELLATION_REQUESTED', 'CANCELLED'],
    STARTED: ['VALIDATING', 'VALIDATED', 'RUNNING', 'FAILED_VALIDATION', 'FAILED', 'CANCELLATION_REQUESTED', 'CANCELLED'],
    VALIDATING: ['VALIDATED', 'FAILED_VALIDATION', 'FAILED', 'CANCELLATION_REQUESTED', 'CANCELLED'],
    VALIDATED: ['QUEUED', 'STARTED', 'RUNNING', 'FAILED', 'CANCELLATION_REQUESTED', 'CANCELLED'],
    RUNNING: ['SUCCESS', 'FAILED', 'CANCELLATION_REQUESTED', 'CANCELLED'],
    // A job may fail while its cancellation is pending; it never succeeds or resumes.
    CANCELLATION_REQUESTED: ['CANCELLED', 'FAILED'],
  },
  final: ['SUCCESS', 'FAILED', 'FAILED_VALIDATION', 'CANCELLED'],
  noReturn: { after: 'VALIDATED', states: ['VALIDATING', 'FAILED_VALIDATION'] },
};

// Batch: QUEUED → RUNNING → SUCCESS | FAILED | TIMEOUT_EXCEEDED; live → CANCELLATION_REQUESTED → CANCELLED.
export const batchMachine: StateMachine = {
  name: 'batch job',
  edges: {
    QUEUED: ['RUNNING', 'SUCCESS', 'FAILED', 'TIMEOUT_EXCEEDED', 'CANCELLATION_REQUESTED', 'CANCELLED'],
    RUNNING: ['SUCCESS', 'FAILED', 'TIMEOUT_EXCEEDED', 'CANCELLATION_REQUESTED', 'CANCELLED'],
    CANCELLATION_REQUESTED: ['CANCELLED', 'FAILED', 'TIMEOUT_EXCEEDED'],
  },
  final: ['SUCCESS', 'FAILED', 'TIMEOUT_EXCEEDED', 'CANCELLED'],
};

function known(machine: StateMachine, state: string): boolean {
  return state in machine.edges || machine.final.includes(state);
}

export function isFinal(machine: StateMachine, state: string): boolean {
  return machine.final.includes(state);
}

export function reachable(machine: StateMachine, from: string, to: string): boolean {
  const seen = new Set<string>([from]);
  const queue = [from];
  while (queue.length) {
    const s = queue.shift()!;
    for (const next of machine.edges[s] ?? []) {
      if (next === to) return true;
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return false;
}

/**
 * Problems of an observed sequence of states (consecutive repeats are fine: a poll saw no change).
 * `documented` is the spec's enum: a state outside it is a problem on its own.
 */
export function sequenceProblems(machine: StateMachine, documented: readonly string[], states: readonly string[]): Array<{ at: number; message: string }> {
  const problems: Array<{ at: number; message: string }> = [];
  let previous: string | undefined;
  let noReturnArmed = false;
  for (const [at, state] of states.entries()) {
    if (!documented.includes(state)) {
      problems.push({ at, message: `${machine.name} status "${state}" is not documented (${documented.join(', ')})` });
      continue;
    }
    if (machine.noReturn && noReturnArmed && machine.noReturn.states.includes(state)) {
      problems.push({ at, message: `${machine.name} went back to ${state} after ${machine.noReturn.after}` });
    }
    if (previous !== undefined && previous !== state && known(machine, previous) && known(machine, state)) {
      if (isFinal(machine, previous)) problems.push({ at, message: `${machine.name} left the final state ${previous} for ${state}` });
      else if (!reachable(machine, previous, state))
        problems.push({ at, message: `${machine.name} moved ${previous} → ${state}, which its lifecycle does not allow` });
    }
    if (machine.noReturn && state === machine.noReturn.after) noReturnArmed = true;
    previous = state;
  }
  return problems;
}
