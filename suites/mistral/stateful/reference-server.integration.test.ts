// The stateful scenarios against the reference server: they pass, they leave nothing behind, and a
// read-only run sends no mutating request (proved from the server's own request log).
import { describe, expect, it } from 'vitest';
import { startReferenceServer } from '../../../fixtures/reference-server/index.js';
import { runConformance } from '../../api.js';

const KEY = 'stateful-key';

function inventory(state: {
  files: Map<string, unknown>;
  jobs: Map<string, { status?: string }>;
  batches: Map<string, { status?: string }>;
  fineTunedModels: Map<string, unknown>;
}) {
  const live = (m: Map<string, { status?: string }>) =>
    [...m.entries()].filter(([, j]) => !/SUCCESS|FAILED|CANCELLED|CANCELLATION_REQUESTED|TIMEOUT/.test(j.status ?? '')).map(([id]) => id);
  return {
    files: [...state.files.keys()].sort(),
    liveJobs: live(state.jobs),
    liveBatches: live(state.batches),
    models: [...state.fineTunedModels.keys()].sort(),
  };
}

describe('stateful scenarios against the reference server', () => {
  it('pass, and leave no resource the run created (files, live jobs, models)', async () => {
    const server = await startReferenceServer({ apiKey: KEY });
    const before = inventory(server.state as never);
    const { results } = await runConformance({
      target: server.url,
      apiKey: KEY,
      seed: 11,
      runs: 3,
      phases: ['examples', 'positive', 'stateful'],
      allowCostly: true,
    });
    const failing = results.operations.flatMap((o) =>
      o.checks.filter((c) => c.failed + c.errored > 0).map((c) => `${o.operationId} ${c.checkId}: ${c.failures[0]?.message}`),
    );
    expect(failing).toEqual([]);
    const stateful = results.operations
      .flatMap((o) => o.checks)
      .filter((c) => ['use-after-free', 'resource-availability', 'content-integrity', 'state-transition', 'list-consistency'].includes(c.checkId));
    expect(new Set(stateful.filter((c) => c.passed > 0).map((c) => c.checkId)).size).toBe(5);
    expect(inventory(server.state as never)).toEqual(before);
    expect(results.cleanup?.created.length).toBeGreaterThan(0);
    expect(results.cleanup?.failed).toEqual([]);
    await server.close();
  });

  it('--read-only sends no POST, PUT, PATCH or DELETE (from the server log)', async () => {
    const server = await startReferenceServer({ apiKey: KEY });
    const { results } = await runConformance({ target: server.url, apiKey: KEY, seed: 11, runs: 3, readOnly: true });
    expect(server.log.length).toBeGreaterThan(20);
    expect(server.log.filter((e) => e.method !== 'GET' && e.method !== 'HEAD')).toEqual([]);
    expect(results.summary.verdict).toBe('pass');
    await server.close();
  });
});
