// End to end through the programmatic API: the suite against the reference server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReferenceServer, type ReferenceServer } from '../fixtures/reference-server/index.js';
import { runConformance } from './api.js';
import type { RunEvent } from './engine/events.js';
import type { RunResults } from './engine/results.js';

let server: ReferenceServer;
let results: RunResults;
let events: RunEvent[];

beforeAll(async () => {
  server = await startReferenceServer({ apiKey: 'sk-e2e-secret-123456' });
  ({ results, events } = await runConformance({ target: server.url, apiKey: 'sk-e2e-secret-123456', seed: 1, runs: 4, concurrency: 4, collectEvents: true }));
}, 120_000);
afterAll(async () => server?.close());

describe('the suite against the conforming reference server', () => {
  it('passes every operation', () => {
    const failing = results.operations.flatMap((o) =>
      o.checks.filter((c) => c.failed + c.errored > 0).map((c) => `${o.operationId} ${c.checkId}: ${c.failures[0]?.message}`),
    );
    expect(failing).toEqual([]);
    expect(results.summary.verdict).toBe('pass');
  });
  it('lists all 26 operations, each with cases and checks that ran', () => {
    expect(results.operations).toHaveLength(26);
    for (const op of results.operations) {
      if (op.skipped) continue;
      expect(op.cases, op.operationId).toBeGreaterThan(0);
      expect(
        op.checks.some((c) => c.passed > 0),
        op.operationId,
      ).toBe(true);
    }
  });
  it('skips agents completions without --agent-id, with the reason', () => {
    const agents = results.operations.find((o) => o.operationId === 'agents_completion_v1_agents_completions_post')!;
    expect(agents.skipped).toContain('--agent-id');
  });
  it('never lets the API key into an event', () => {
    expect(JSON.stringify(events)).not.toContain('sk-e2e-secret-123456');
  });
});
