import { describe, expect, it } from 'vitest';
import type { RunResults } from '../suites/engine/results.js';
import { diffRuns, renderDiff } from './diff.js';
import { loadSample } from './test-support.js';

const CHAT = 'chat_completion_v1_chat_completions_post';

function setOutcome(r: RunResults, op: string, check: string, outcome: 'passed' | 'failed' | 'skipped'): void {
  const c = r.operations.find((o) => o.operationId === op)!.checks.find((x) => x.checkId === check)!;
  Object.assign(c, {
    outcome,
    failed: outcome === 'failed' ? 1 : 0,
    passed: outcome === 'passed' ? 3 : 0,
    skipped: outcome === 'skipped' ? 1 : 0,
    errored: 0,
    failures: [],
  });
}

describe('diffRuns', () => {
  it('a run against itself has no changes and exit code 0', async () => {
    const { results } = await loadSample();
    const d = diffRuns(results, results);
    expect(d).toMatchObject({ newFailures: [], fixed: [], newlySkipped: [], latency: [], exitCode: 0 });
    expect(d.stillFailing).toHaveLength(3);
    expect(renderDiff(d, 'text')).toMatch(/^NO NEW FAILURES: 0 fixed, 3 still failing/);
  });

  it('classifies new failures, fixes, newly skipped and missing; exit code 1 on a new failure', async () => {
    const { results } = await loadSample();
    const cur = structuredClone(results);
    setOutcome(cur, 'list_models_v1_models_get', 'status-code-conformance', 'failed');
    setOutcome(cur, CHAT, 'response-schema-conformance', 'passed');
    setOutcome(cur, CHAT, 'sse-terminator', 'skipped');
    cur.operations[2]!.skipped = 'budget';
    cur.operations[2]!.checks = [];
    const d = diffRuns(results, cur);
    expect(d.newFailures.map((e) => e.checkId)).toEqual(['status-code-conformance']);
    expect(d.fixed.map((e) => e.checkId)).toEqual(['response-schema-conformance']);
    expect(d.newlySkipped.map((e) => `${e.operationId} ${e.checkId}`)).toContain(`${CHAT} sse-terminator`);
    // The embeddings operation was skipped whole: all five checks are newly skipped (the errored one is not "fixed").
    expect(d.newlySkipped.filter((e) => e.operationId.startsWith('embeddings'))).toHaveLength(5);
    expect(d.fixed.some((e) => e.operationId.startsWith('embeddings'))).toBe(false);
    expect(d.exitCode).toBe(1);
    expect(renderDiff(d, 'markdown')).toMatch(/^## ❌ REGRESSION 1 new failure/);
  });

  it('reports latency changes beyond the threshold only, ignoring tiny medians', async () => {
    const { results } = await loadSample();
    const cur = structuredClone(results);
    cur.operations[1]!.latency = { ...cur.operations[1]!.latency, median: 260, p95: 720 }; // +30%, 0%
    cur.operations[2]!.latency = { ...cur.operations[2]!.latency, median: 120, p95: 52 }; // +140%
    cur.operations[0]!.latency = { count: 3, median: 3, p95: 4, max: 4 };
    const base = structuredClone(results);
    base.operations[0]!.latency = { count: 3, median: 1, p95: 1, max: 1 };
    const d = diffRuns(base, cur, { latencyThreshold: 0.5 });
    expect(d.latency).toEqual([{ operationId: 'embeddings_v1_embeddings_post', metric: 'median', baseMs: 52, currentMs: 120, ratio: 1.308 }]);
    expect(diffRuns(base, cur, { latencyThreshold: 0.2 }).latency.map((l) => l.operationId)).toContain(CHAT);
    expect(d.exitCode).toBe(0);
  });
});

describe('the contract in a diff', () => {
  it('is named once when both runs share it, as a change when they do not', async () => {
    const { results } = await loadSample();
    const a = structuredClone(results);
    a.spec.contract = '2026-07';
    expect(renderDiff(diffRuns(a, a), 'text').split('\n')[0]).toMatch(/, contract 2026-07\)$/);
    const b = structuredClone(a);
    b.spec.contract = '2024-11';
    expect(renderDiff(diffRuns(b, a), 'text').split('\n')[0]).toMatch(/, contract 2024-11 → 2026-07\)$/);
    expect(renderDiff(diffRuns(results, results), 'text')).not.toContain('contract');
  });
});
