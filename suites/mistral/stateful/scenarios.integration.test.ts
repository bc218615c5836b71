import { beforeAll, describe, expect, it } from 'vitest';
import type { LoadedSpec } from '../../openapi/load-spec.js';
import { createOperationMatcher } from '../../openapi/operation-matcher.js';
import { STATEFUL_CHECK_IDS } from './meta.js';
import { isMutating } from './is-mutating.js';
import { OP } from './requests.js';
import { pinnedSpec } from './test-support/check-context.js';
import type { Fault } from './test-support/fake-store.js';
import { failuresOf, runScenarios } from './test-support/run-scenarios.js';

let spec: LoadedSpec;
beforeAll(async () => {
  spec = await pinnedSpec();
});

describe('stateful scenarios against a conforming fake', () => {
  it('run every chain to its end and raise nothing', async () => {
    const run = await runScenarios(spec);
    expect(run.cases.map((c) => c.testCase.meta?.stateful?.scenario)).toEqual([
      'files-listing',
      'fine-tuning-jobs-listing',
      'batch-jobs-listing',
      'files',
      'fine-tuning',
      'batch',
    ]);
    for (const c of run.cases) {
      expect(c.stoppedEarly, c.testCase.id).toBeUndefined();
      expect(c.exchanges).toHaveLength(c.testCase.steps.length);
      for (const id of STATEFUL_CHECK_IDS) expect(c.failures.get(id), `${c.testCase.id} ${id}`).toEqual([]);
    }
  });

  it('the fake answers as the spec documents (so a quiet run means something)', async () => {
    const run = await runScenarios(spec);
    const matcher = createOperationMatcher(spec.operations);
    const problems: string[] = [];
    let validated = 0;
    for (const c of run.cases) {
      c.exchanges.forEach((e, i) => {
        const called = matcher.find(e.request.method, new URL(e.request.url).pathname);
        const op = called?.id === c.testCase.steps[i]!.operationId ? called : undefined;
        const media = op?.responses.find((r) => r.status === '200')?.content.find((m) => m.mediaType === 'application/json');
        if (!media?.schemaPointer || e.response?.status !== 200) return;
        validated++;
        const result = spec.validators.validate(media.schemaPointer, e.response.json);
        if (!result.valid) problems.push(`${op!.id}: ${JSON.stringify(result.issues.slice(0, 2))}`);
      });
    }
    expect(problems).toEqual([]);
    expect(validated).toBeGreaterThan(40);
  });

  it('exercises the whole fine-tuned model lifecycle on the model its own job produced', async () => {
    const run = await runScenarios(spec);
    const ft = run.cases.find((c) => c.testCase.operationId === OP.createJob)!;
    const urls = ft.exchanges.map((e) => `${e.request.method} ${new URL(e.request.url).pathname}`);
    expect(urls).toContain('POST /v1/fine_tuning/jobs/00000000-0000-4000-8000-000000000009/start');
    const modelCalls = urls.filter((u) => u.includes('/models/'));
    expect(modelCalls.map((u) => u.split(' ')[0])).toEqual(['PATCH', 'GET', 'POST', 'GET', 'DELETE', 'GET', 'DELETE', 'GET']);
    expect(modelCalls.every((u) => u.includes('mc'))).toBe(true); // only the model named after this run's suffix
    expect(ft.exchanges[ft.exchanges.length - 1]!.request.method).toBe('DELETE'); // the training file, once the job is over
  });

  it('the tracker clean-up leaves nothing the run created and never touches what existed before', async () => {
    const run = await runScenarios(spec, { faults: [] });
    expect(run.store.leftovers()).toEqual([]);
    expect(run.store.preexistingIntact()).toBe(true);
    const report = run.tracker.report();
    expect(report.failed).toEqual([]);
    expect(report.created.map((c) => c.kind).sort()).toEqual(['batch-job', 'file', 'file', 'file', 'file', 'fine-tuning-job', 'model']);
  });

  it('without clean-up the chains still leave only what the tracker knows about', async () => {
    const run = await runScenarios(spec, { cleanup: false });
    const pending = run.tracker.cleanupRequests().map((c) => `${c.kind} ${c.id}`);
    // The batch input file waits for its job (cancelled, pending); the tracker cancels nothing twice.
    for (const left of run.store.leftovers()) expect(pending.some((p) => left.includes(p.split(' ')[1]!))).toBe(true);
  });

  it('read-only runs send no mutating request; runs without allowCostly create no job', async () => {
    const ro = await runScenarios(spec, { readOnly: true });
    expect(ro.requests.filter(isMutating)).toEqual([]);
    expect(ro.cases).toHaveLength(3);
    const cheap = await runScenarios(spec, { allowCostly: false });
    const creates = cheap.requests.filter((r) => r.method === 'POST' && (r.path === '/v1/fine_tuning/jobs' || r.path === '/v1/batch/jobs'));
    expect(creates.map((r) => r.query)).toEqual([[['dry_run', 'true']]]);
    expect(cheap.store.leftovers()).toEqual([]);
    for (const c of cheap.cases) for (const id of STATEFUL_CHECK_IDS) expect(c.failures.get(id), `${c.testCase.id} ${id}`).toEqual([]);
  });

  it('is deterministic per seed', async () => {
    const a = await runScenarios(spec, { seed: 7, cleanup: false });
    const b = await runScenarios(spec, { seed: 7, cleanup: false });
    const c = await runScenarios(spec, { seed: 8, cleanup: false });
    const paths = (r: typeof a) => r.requests.map((q) => `${q.method} ${q.path} ${JSON.stringify(q.query)}`);
    expect(paths(a)).toEqual(paths(b));
    expect(paths(a)).not.toEqual(paths(c));
  });
});

describe('each fault of the fake is caught by its check', () => {
  const table: Array<[Fault, string]> = [
    ['deleted-file-retrievable', 'use-after-free'],
    ['unknown-id-200', 'use-after-free'],
    ['file-missing-from-list', 'resource-availability'],
    ['download-bytes-differ', 'content-integrity'],
    ['job-undocumented-state', 'state-transition'],
    ['job-illegal-transition', 'state-transition'],
    ['dry-run-creates-job', 'state-transition'],
    ['cancel-ignored', 'state-transition'],
    ['wrong-total', 'list-consistency'],
    ['filter-ignored', 'list-consistency'],
    ['page-duplicates', 'list-consistency'],
  ];
  it.each(table)('%s → %s', async (fault, checkId) => {
    const run = await runScenarios(spec, { faults: [fault] });
    const failures = failuresOf(run, checkId);
    expect(failures.length, `${fault} should fail ${checkId}`).toBeGreaterThan(0);
    for (const f of failures) {
      expect(f.step).toBeTypeOf('number');
      expect(f.message).toMatch(/^Step \d+ \(/);
    }
  });

  it('names the failing step and what was received', async () => {
    const run = await runScenarios(spec, { faults: ['deleted-file-retrievable'] });
    const [first] = failuresOf(run, 'use-after-free');
    expect(first!.message).toContain('retrieve deleted file A');
    expect(first!.message).toContain('Received: 200');
  });
});
