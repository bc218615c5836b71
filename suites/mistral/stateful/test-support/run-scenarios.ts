// Runs the stateful scenarios against the msw fake the way the engine would: executeCase with a small
// fetch-based send, the stateful checks over each chain, the tracker over every exchange, then the
// tracker's clean-up requests.
import { setupServer } from 'msw/node';
import type { LoadedSpec } from '../../../openapi/load-spec.js';
import { executeCase } from '../../../engine/execute-case.js';
import type { Exchange, Failure, RequestSpec, TestCase } from '../../../engine/types.js';
import type { MistralTargetInfo } from '../../target-info.js';
import { statefulChecks } from '../checks/index.js';
import { ResourceTracker } from '../resource-tracker.js';
import { statefulScenarios } from '../scenarios/index.js';
import { caseContext, runCheck } from './check-context.js';
import { fakeHandlers } from './fake-handlers.js';
import { FakeStore, type Fault } from './fake-store.js';
import { fetchSend } from './fetch-send.js';

export const FAKE_BASE = 'https://fake-mistral.test';

export const testInfo: MistralTargetInfo = {
  models: [
    { id: 'open-mistral-7b', aliases: [], capabilities: { completion_chat: true, fine_tuning: true } },
    { id: 'mistral-small-latest', aliases: [], capabilities: { completion_chat: true } },
  ],
  chatModel: 'mistral-small-latest',
  maxTokens: 16,
  k: 1,
};

export interface ScenarioRun {
  store: FakeStore;
  cases: Array<{ testCase: TestCase; exchanges: Exchange[]; stoppedEarly?: string; failures: Map<string, Failure[]> }>;
  requests: RequestSpec[];
  tracker: ResourceTracker;
}

export async function runScenarios(
  spec: LoadedSpec,
  opts: { faults?: Fault[]; seed?: number; readOnly?: boolean; allowCostly?: boolean; cleanup?: boolean } = {},
): Promise<ScenarioRun> {
  const store = new FakeStore(new Set(opts.faults ?? []));
  const server = setupServer(...fakeHandlers(store, FAKE_BASE));
  server.listen({ onUnhandledRequest: 'error' });
  try {
    const send = fetchSend(FAKE_BASE);
    const tracker = new ResourceTracker();
    const run: ScenarioRun = { store, cases: [], requests: [], tracker };
    const cases = statefulScenarios({ info: testInfo, spec, seed: opts.seed ?? 42, readOnly: opts.readOnly ?? false, allowCostly: opts.allowCostly ?? true });
    for (const testCase of cases) {
      const executed = await executeCase(testCase, async (request, step) => {
        const exchange = await send(request, step);
        tracker.trackCreated(exchange, step);
        return exchange;
      });
      run.requests.push(...executed.requests);
      const failures = new Map<string, Failure[]>();
      const ctx = caseContext(spec, testCase, executed.exchanges);
      for (const check of statefulChecks) failures.set(check.id, runCheck(check, ctx).failures);
      const entry: ScenarioRun['cases'][number] = { testCase, exchanges: executed.exchanges, failures };
      if (executed.stoppedEarly) entry.stoppedEarly = executed.stoppedEarly;
      run.cases.push(entry);
    }
    if (opts.cleanup !== false) {
      for (const c of tracker.cleanupRequests()) {
        run.requests.push(c.request);
        tracker.recordCleanup(c.kind, c.id, await send(c.request));
      }
    }
    return run;
  } finally {
    server.close();
  }
}

/** Failures of one check across all chains (warnings excluded unless asked). */
export function failuresOf(run: ScenarioRun, checkId: string, withWarnings = false): Failure[] {
  return run.cases.flatMap((c) => (c.failures.get(checkId) ?? []).filter((f) => withWarnings || !f.warning));
}
