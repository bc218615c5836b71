// The engine: plans cases for every selected operation, sends them through the transport, runs the
// checks, and emits one stream of events. It knows nothing of Mistral: suites plug in through
// SuitePlugin, and reporters listen to the events. The parts, in order, live in ./run/.
import { ResultsReducer, type RunResults } from './results.js';
import { executeRun } from './run/execute-run.js';
import { finishRun } from './run/finish-run.js';
import { planRun } from './run/plan-run.js';
import { prepareRun } from './run/prepare-run.js';
import { createRunContext, type RunSuiteInput } from './run/run-context.js';
import { createEmitter } from './run/run-events.js';

export type { RunSuiteInput } from './run/run-context.js';
export { TargetUnreachableError } from './run/prepare-run.js';

export async function runSuite(input: RunSuiteInput): Promise<RunResults> {
  const reducer = new ResultsReducer();
  const ctx = createRunContext(input, createEmitter(reducer, input.listeners), Date.now());
  // Discovery and run-started; a target that cannot be reached or refuses the key stops here.
  try {
    const prepared = await prepareRun(ctx);
    const plan = planRun(ctx, prepared.operations);
    try {
      await executeRun(ctx, plan, prepared.afterCases);
    } finally {
      // Clean-up runs even after a stop or a failure, from the budget kept back for it.
      await finishRun(ctx, prepared.prepareContext);
    }
    return reducer.results();
  } finally {
    ctx.dispose();
  }
}
