import { describe, expect, it } from 'vitest';
import type { CaseFinished, OperationInfo, RunEvent, RunFinished, RunStarted } from './events.js';
import { mergeEventLogs } from './merge.js';
import { reduceEvents, type RunResults } from './results.js';
import { shardOf } from './shard.js';

/** What the suite says changes the cases (the command line passes its options table's list). */
const CASE_OPTIONS = { caseOptions: ['runs', 'phases', 'include', 'exclude'] };
const OPS = ['list_models', 'retrieve_model', 'delete_model', 'upload_file', 'list_files', 'chat', 'fim', 'embeddings', 'moderations', 'agents'];
const info = (id: string): OperationInfo => ({ operationId: id, method: 'GET', path: `/v1/${id}`, tags: ['t'], area: 't' });

function started(extra: Partial<RunStarted> = {}): RunStarted {
  return {
    type: 'run-started',
    version: 1,
    tool: { name: 'mistral-conformance', version: '0.1.0' },
    runId: 'run-a',
    at: '2025-01-01T00:00:00.000Z',
    target: 'http://127.0.0.1:4010',
    seed: 42,
    spec: { title: 'Mistral', version: '0.0.100', openapi: '3.1.0', sha256: 'abc123', source: 'spec.yaml', errataApplied: true, errata: [], lint: [] },
    options: { runs: 8, phases: ['examples', 'negative'], include: [], exclude: [] },
    checks: [
      { id: 'status-code-conformance', title: 'Status', severity: 'medium', description: 'd', category: 'protocol' },
      { id: 'response-schema-conformance', title: 'Schema', severity: 'high', description: 'd', category: 'schema' },
    ],
    operations: OPS.map(info),
    ...extra,
  };
}

/** Deterministic synthetic cases: some fail, with repeated and distinct messages, some skip or warn. */
function cases(): CaseFinished[] {
  const out: CaseFinished[] = [];
  for (let n = 0; n < 8; n++) {
    for (const [i, op] of OPS.entries()) {
      if (op === 'agents') continue;
      const k = (n * 7 + i * 3) % 11;
      out.push({
        type: 'case-finished',
        caseId: `${op}/${n % 2 ? 'negative' : 'examples'}/${n}`,
        operationId: op,
        phase: n % 2 ? 'negative' : 'examples',
        expectation: n % 2 ? 'reject' : 'accept',
        outcomes: [
          {
            checkId: 'status-code-conformance',
            status: k < 3 ? 'failed' : k < 4 ? 'warning' : 'passed',
            ...(k < 4 ? { message: `Received: ${400 + k} (${op} ${n % 3})` } : {}),
          },
          {
            checkId: 'response-schema-conformance',
            status: k === 5 ? 'errored' : k === 6 ? 'skipped' : 'passed',
            ...(k === 5 ? { message: 'boom' } : k === 6 ? { message: 'no schema' } : {}),
          },
        ],
        latency: { totalMs: 10 + k, stream: false },
        requests: 1 + (k % 2),
        retries: k === 1 ? 1 : 0,
        tokens: k * 3,
      });
    }
  }
  return out;
}

const finished = (cs: CaseFinished[], extra: Partial<RunFinished> = {}): RunFinished => ({
  type: 'run-finished',
  at: '2025-01-01T00:01:00.000Z',
  durationMs: 60_000,
  requests: cs.reduce((n, c) => n + c.requests, 0),
  tokens: cs.reduce((n, c) => n + (c.tokens ?? 0), 0),
  ...extra,
});

function unsharded(): RunEvent[] {
  const cs = cases();
  return [
    started(),
    { type: 'operation-skipped', operationId: 'agents', reason: 'no --agent-id' },
    ...cs,
    { type: 'cleanup', report: { created: [], cleaned: [], failed: [] } },
    finished(cs),
  ];
}

/** What the engine writes for one shard: only its operations, its cases, its own totals. */
function shardLog(index: number, total: number, opts: { durationMs?: number; runId?: string } = {}): RunEvent[] {
  const mine = (op: string): boolean => shardOf(op, total, OPS) === index;
  const cs = cases().filter((c) => mine(c.operationId));
  const events: RunEvent[] = [
    started({
      shard: { index, total },
      operations: OPS.filter(mine).map(info),
      runId: opts.runId ?? `run-${index}`,
      options: { runs: 8, phases: ['examples', 'negative'], include: [], exclude: [], shard: { index, total } },
    }),
  ];
  if (mine('agents')) events.push({ type: 'operation-skipped', operationId: 'agents', reason: 'no --agent-id' });
  events.push({ type: 'log', level: 'info', message: `models: small` });
  events.push(...cs);
  events.push({ type: 'cleanup', report: { created: [{ kind: 'file', id: `f${index}` }], cleaned: [{ kind: 'file', id: `f${index}` }], failed: [] } });
  events.push(finished(cs, { durationMs: opts.durationMs ?? 1000 * index, at: `2025-01-01T00:0${index}:00.000Z` }));
  return events;
}

const verdicts = (r: RunResults): unknown => ({
  summary: { ...r.summary },
  operations: [...r.operations]
    .sort((a, b) => a.operationId.localeCompare(b.operationId))
    .map((o) => ({ id: o.operationId, skipped: o.skipped, cases: o.cases, byPhase: o.byPhase, checks: o.checks })),
});

describe('mergeEventLogs', () => {
  it.each([2, 3, 4])('gives the verdicts of the unsharded run (%i shards)', (total) => {
    const logs = Array.from({ length: total }, (_, i) => shardLog(i + 1, total));
    const merged = mergeEventLogs(logs, CASE_OPTIONS);
    const a = reduceEvents(merged);
    const b = reduceEvents(unsharded());
    expect(verdicts(a)).toEqual(verdicts(b));
    expect(a.summary.verdict).toBe('fail');
    expect(a.summary.complete).toBe(true);
    expect(a.shard).toBeUndefined();
  });

  it('writes one run-started and one run-finished, summing requests and tokens and taking the longest duration', () => {
    const merged = mergeEventLogs([shardLog(2, 3), shardLog(1, 3), shardLog(3, 3)], CASE_OPTIONS);
    expect(merged.filter((e) => e.type === 'run-started')).toHaveLength(1);
    expect(merged[0]?.type).toBe('run-started');
    const start = merged[0] as RunStarted;
    expect(start.operations.map((o) => o.operationId).sort()).toEqual([...OPS].sort());
    expect(start.options).not.toHaveProperty('shard');
    expect(start.runId).toMatch(/^merged-[0-9a-f]{16}$/);
    const finish = merged.at(-1) as RunFinished;
    expect(finish.type).toBe('run-finished');
    const all = finished(cases());
    expect(finish).toMatchObject({ requests: all.requests, tokens: all.tokens, durationMs: 3000, at: '2025-01-01T00:03:00.000Z' });
    expect(finish.stoppedBy).toBeUndefined();
  });

  it('is deterministic whatever order the logs come in', () => {
    const a = mergeEventLogs([shardLog(1, 3), shardLog(2, 3), shardLog(3, 3)], CASE_OPTIONS);
    const b = mergeEventLogs([shardLog(3, 3), shardLog(1, 3), shardLog(2, 3)], CASE_OPTIONS);
    expect(b).toEqual(a);
  });

  it('keeps a run id the shards share', () => {
    const merged = mergeEventLogs([shardLog(1, 2, { runId: 'ci-77' }), shardLog(2, 2, { runId: 'ci-77' })], CASE_OPTIONS);
    expect((merged[0] as RunStarted).runId).toBe('ci-77');
  });

  it("orders cases by operation, keeping each shard's order within an operation", () => {
    const merged = mergeEventLogs([shardLog(1, 2), shardLog(2, 2)], CASE_OPTIONS);
    const ids = merged.filter((e): e is CaseFinished => e.type === 'case-finished').map((c) => c.operationId);
    const firstIndex = new Map<string, number>();
    ids.forEach((id, i) => firstIndex.has(id) || firstIndex.set(id, i));
    // Each operation's cases are contiguous.
    for (const [id, at] of firstIndex) expect(ids.slice(at, at + 8)).toEqual(Array(8).fill(id));
  });

  it('merges cleanup reports and labels log lines with their shard', () => {
    const merged = mergeEventLogs([shardLog(1, 2), shardLog(2, 2)], CASE_OPTIONS);
    const cleanups = merged.filter((e) => e.type === 'cleanup');
    expect(cleanups).toEqual([
      {
        type: 'cleanup',
        report: {
          created: [
            { kind: 'file', id: 'f1' },
            { kind: 'file', id: 'f2' },
          ],
          cleaned: [
            { kind: 'file', id: 'f1' },
            { kind: 'file', id: 'f2' },
          ],
          failed: [],
        },
      },
    ]);
    expect(merged.filter((e) => e.type === 'log').map((e) => (e as { message: string }).message)).toEqual([
      '[shard 1/2] models: small',
      '[shard 2/2] models: small',
    ]);
  });

  it('keeps a skip only for an operation no shard ran', () => {
    const a = shardLog(1, 2);
    const b = shardLog(2, 2);
    // A shard that reports every operation it did not run as skipped must not hide the other's cases.
    a.splice(1, 0, { type: 'operation-skipped', operationId: 'chat', reason: 'not in this shard' });
    b.splice(1, 0, { type: 'operation-skipped', operationId: 'chat', reason: 'not in this shard' });
    const merged = reduceEvents(mergeEventLogs([a, b], CASE_OPTIONS));
    expect(merged.operations.find((o) => o.operationId === 'chat')?.skipped).toBeUndefined();
    expect(merged.operations.find((o) => o.operationId === 'agents')?.skipped).toBe('no --agent-id');
  });

  it('unions operation lists in an order consistent with every shard', () => {
    const a = [started({ shard: { index: 1, total: 2 }, operations: ['A', 'C', 'E'].map(info) }), finished([])];
    const b = [started({ shard: { index: 2, total: 2 }, operations: ['B', 'C', 'D'].map(info) }), finished([])];
    const ops = (mergeEventLogs([a, b], CASE_OPTIONS)[0] as RunStarted).operations.map((o) => o.operationId);
    expect(ops.sort()).toEqual(['A', 'B', 'C', 'D', 'E']);
    const order = (mergeEventLogs([a, b], CASE_OPTIONS)[0] as RunStarted).operations.map((o) => o.operationId);
    expect(order.indexOf('B')).toBeLessThan(order.indexOf('C'));
    expect(order.indexOf('C')).toBeLessThan(order.indexOf('D'));
    expect(order.indexOf('C')).toBeLessThan(order.indexOf('E'));
  });

  it('passes a single unsharded log through as the same results', () => {
    const merged = mergeEventLogs([unsharded()], CASE_OPTIONS);
    expect(verdicts(reduceEvents(merged))).toEqual(verdicts(reduceEvents(unsharded())));
  });

  describe('stops', () => {
    it('keep an interruption or budget stop, naming the shard', () => {
      const a = shardLog(1, 2);
      (a.at(-1) as RunFinished).stoppedBy = 'interrupted';
      (a.at(-1) as RunFinished).notRun = 4;
      const finish = mergeEventLogs([a, shardLog(2, 2)], CASE_OPTIONS).at(-1) as RunFinished;
      expect(finish.stoppedBy).toBe('interrupted (shard 1/2)');
      expect(finish.notRun).toBe(4);
      expect(reduceEvents(mergeEventLogs([a, shardLog(2, 2)], CASE_OPTIONS)).summary.complete).toBe(false);
    });

    it('turn a shard that never finished into an error (the run fails)', () => {
      const a = shardLog(1, 2).filter((e) => e.type !== 'run-finished');
      const merged = mergeEventLogs([a, shardLog(2, 2)], CASE_OPTIONS);
      expect((merged.at(-1) as RunFinished).stoppedBy).toBe('error: shard 1/2 did not finish (its log has no run-finished event)');
      expect(reduceEvents(merged).summary.verdict).toBe('fail');
    });

    it('put an error first so the merged run fails like the shard did', () => {
      const a = shardLog(1, 2);
      const b = shardLog(2, 2);
      (a.at(-1) as RunFinished).stoppedBy = 'budget:max-requests';
      (b.at(-1) as RunFinished).stoppedBy = 'error: target unreachable';
      expect((mergeEventLogs([a, b], CASE_OPTIONS).at(-1) as RunFinished).stoppedBy).toBe('error: target unreachable; budget:max-requests (shard 1/2)');
    });
  });

  describe('refuses', () => {
    const refuse = (logs: RunEvent[][], reason: string | RegExp): void => {
      let message = '';
      try {
        mergeEventLogs(logs, CASE_OPTIONS);
      } catch (e) {
        message = (e as Error).message;
      }
      expect(message).not.toContain('\n');
      expect(message.startsWith('[mistral-conformance] Failed to merge event logs: ')).toBe(true);
      if (typeof reason === 'string') expect(message).toBe(`[mistral-conformance] Failed to merge event logs: ${reason}`);
      else expect(message).toMatch(reason);
    };
    const withStart = (log: RunEvent[], patch: Partial<RunStarted>): RunEvent[] => [{ ...(log[0] as RunStarted), ...patch }, ...log.slice(1)];

    it('nothing to merge', () => refuse([], 'no event logs given'));
    it('different seeds', () =>
      refuse([shardLog(1, 2), withStart(shardLog(2, 2), { seed: 7 })], 'shard 1/2 and shard 2/2 are not the same run: seeds differ (42 vs 7)'));
    it('different specs', () => {
      const other = withStart(shardLog(2, 2), { spec: { ...(shardLog(2, 2)[0] as RunStarted).spec, sha256: 'def456' } });
      refuse([shardLog(1, 2), other], 'shard 1/2 and shard 2/2 are not the same run: specs differ (abc123 vs def456)');
    });
    it('different targets', () =>
      refuse(
        [shardLog(1, 2), withStart(shardLog(2, 2), { target: 'http://other' })],
        'shard 1/2 and shard 2/2 are not the same run: targets differ (http://127.0.0.1:4010 vs http://other)',
      ));
    it('different target names', () => refuse([shardLog(1, 2), withStart(shardLog(2, 2), { targetName: 'b' })], /target names differ \(unset vs b\)/));
    it('options that change the cases', () =>
      refuse(
        [shardLog(1, 2), withStart(shardLog(2, 2), { options: { runs: 2, phases: ['examples', 'negative'], include: [], exclude: [] } })],
        'shard 1/2 and shard 2/2 are not the same run: options "runs" differ (8 vs 2)',
      ));
    it('but not options the suite does not list (pacing may differ between jobs)', () => {
      const options = { runs: 8, phases: ['examples', 'negative'], include: [], exclude: [], concurrency: 1 };
      expect(() => mergeEventLogs([shardLog(1, 2), withStart(shardLog(2, 2), { options })], CASE_OPTIONS)).not.toThrow();
      expect(() => mergeEventLogs([shardLog(1, 2), withStart(shardLog(2, 2), { options })], { caseOptions: ['concurrency'] })).toThrow(
        /options "concurrency" differ/,
      );
    });
    it('a missing shard', () => refuse([shardLog(1, 3), shardLog(3, 3)], "shard 2/3 missing. Pass every shard's log (or allow a partial merge)"));
    it('a shard given twice', () => refuse([shardLog(1, 2), shardLog(1, 2)], 'shard 1/2 is given twice'));
    it('shards of different splits', () => refuse([shardLog(1, 2), shardLog(2, 3)], 'shard 1/2 and shard 2/3 split the run differently'));
    it('a log that is not a shard among shards', () => refuse([shardLog(1, 2), unsharded()], /^.*log 2 is not a shard/));
    it('a log without run-started', () => refuse([shardLog(1, 2), shardLog(2, 2).slice(1)], 'log 2 has no run-started event (is it an event log of a run?)'));
    it('a log with two runs', () => refuse([[...shardLog(1, 1), ...shardLog(1, 1)]], 'log 1 holds 2 runs; merge the shard logs of one run'));
    it('a case in two shards', () => {
      const b = shardLog(2, 2);
      const stolen = shardLog(1, 2).find((e) => e.type === 'case-finished')!;
      b.splice(2, 0, stolen);
      refuse([shardLog(1, 2), b], `case ${(stolen as CaseFinished).caseId} is in both shard 1/2 and shard 2/2; were the shards split with different settings?`);
    });
  });

  it('merges a partial set when allowed, marking the run incomplete', () => {
    const merged = mergeEventLogs([shardLog(1, 3), shardLog(3, 3)], { ...CASE_OPTIONS, allowPartial: true });
    expect((merged.at(-1) as RunFinished).stoppedBy).toBe('incomplete: shard 2/3 missing');
    expect(reduceEvents(merged).summary.complete).toBe(false);
  });
});
