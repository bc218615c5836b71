// The engine's plugin hooks, seen from a suite that is not Mistral's: a case source whose cases must
// run one at a time, work after the cases, a token-usage hook, and options of its own recorded with
// the engine's. Phase names are the suite's choice; the engine never branches on them.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSpec, type LoadedSpec } from '../openapi/load-spec.js';
import type { CaseFinished, RunEvent, RunFinished, RunStarted, SpecSummary } from './events.js';
import { runSuite, type RunSuiteInput } from './run-suite.js';
import type { Transport } from './transport/http-client.js';
import { PASS_POLICY, TEST_RUN_OPTIONS } from './test-support/run-options.js';
import type { AfterCasesWork, Exchange, Phase, RequestSpec, RunOptions, SuitePlugin, TestCase } from './types.js';

const DOC = {
  openapi: '3.1.0',
  info: { title: 't', version: '1' },
  paths: { '/v1/things': { get: { operationId: 'list_things', responses: { '200': { description: 'ok' } } } } },
};
// No generated phase: only the plugin's cases run.
const options: RunOptions = { ...TEST_RUN_OPTIONS, phases: ['semantic', 'stateful'], concurrency: 4 };
const policy = PASS_POLICY;
const summary: SpecSummary = { title: 't', version: '1', openapi: '3.1.0', sha256: '', source: 'x', errataApplied: false, errata: [], lint: [] };
const GET: RequestSpec = { method: 'GET', path: '/v1/things', query: [], headers: {}, auth: { kind: 'default' } };

function cases(phase: Phase, n: number): TestCase[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `list_things/${phase}/${i}`,
    operationId: 'list_things',
    phase,
    expectation: 'any',
    steps: [{ label: 'list', operationId: 'list_things', request: GET }],
  }));
}

/** A transport that answers after a few turns of the event loop, noting how many requests overlap. */
function slowTransport(): Transport & { log: Array<{ at: string; inFlight: number }> } {
  let inFlight = 0;
  const log: Array<{ at: string; inFlight: number }> = [];
  return {
    log,
    requestCount: 0,
    close: async () => undefined,
    async send(req) {
      inFlight++;
      log.push({ at: req.headers['x-case'] ?? '', inFlight });
      for (let i = 0; i < 3; i++) await new Promise((r) => setImmediate(r));
      inFlight--;
      const ex: Exchange = {
        request: { method: req.method, url: `http://x${req.path}`, headers: {} },
        response: { status: 200, headers: {}, contentType: 'application/json', bodyText: '{}', bytes: 2, truncated: false, json: { used: 7 } },
        timing: { startedAt: 0, totalMs: 1 },
        retries: 0,
      };
      return ex;
    },
  };
}

let dir: string;
let spec: LoadedSpec;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mc-plugins-'));
  writeFileSync(join(dir, 'spec.json'), JSON.stringify(DOC));
  spec = await loadSpec(join(dir, 'spec.json'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(plugins: SuitePlugin[], over: Partial<RunSuiteInput> = {}, transport: Transport = slowTransport()): Promise<RunEvent[]> {
  const events: RunEvent[] = [];
  await runSuite({
    spec,
    specSummary: summary,
    options,
    transport,
    plugins,
    checks: [],
    policy,
    listeners: [(e) => events.push(e)],
    tool: { name: 't', version: '0' },
    ...over,
  });
  return events;
}

const finishedCases = (events: RunEvent[]): CaseFinished[] => events.filter((e): e is CaseFinished => e.type === 'case-finished');
const runFinished = (events: RunEvent[]): RunFinished => events.find((e): e is RunFinished => e.type === 'run-finished')!;
const runStarted = (events: RunEvent[]): RunStarted => events.find((e): e is RunStarted => e.type === 'run-started')!;

describe('a sequential case source', () => {
  it('runs its cases one at a time, after the concurrent ones, whatever their phase is called', async () => {
    const transport = slowTransport();
    const tag = (list: TestCase[]): TestCase[] =>
      list.map((tc) => ({ ...tc, steps: tc.steps.map((s) => ({ ...s, request: { ...(s.request as RequestSpec), headers: { 'x-case': tc.id } } })) }));
    const plugin: SuitePlugin = {
      name: 'own',
      // The sequential source comes first and its phase is the one the concurrent source uses too.
      caseSources: [
        { sequential: true, cases: () => tag(cases('semantic', 3).map((tc) => ({ ...tc, id: `${tc.id}-seq` }))) },
        { cases: () => tag(cases('semantic', 6)) },
      ],
    };
    await run([plugin], {}, transport);
    const order = transport.log.map((l) => l.at);
    expect(order.slice(-3)).toEqual(['list_things/semantic/0-seq', 'list_things/semantic/1-seq', 'list_things/semantic/2-seq']);
    expect(Math.max(...transport.log.slice(0, 6).map((l) => l.inFlight))).toBeGreaterThan(1);
    expect(transport.log.slice(-3).map((l) => l.inFlight)).toEqual([1, 1, 1]);
  });
});

describe('token usage', () => {
  it('comes from the plugin hook, per case and for the run', async () => {
    const plugin: SuitePlugin = {
      name: 'own',
      caseSources: [{ cases: () => cases('semantic', 2) }],
      tokensOf: (ex) => (ex.response?.json as { used?: number } | undefined)?.used,
    };
    const events = await run([plugin]);
    expect(finishedCases(events).map((e) => e.tokens)).toEqual([7, 7]);
    expect(runFinished(events).tokens).toBe(14);
  });

  it('is 0 without a hook, so a token budget never binds', async () => {
    const events = await run([{ name: 'own', caseSources: [{ cases: () => cases('semantic', 3) }] }], { budget: { maxTotalTokens: 1 } });
    expect(runFinished(events)).toMatchObject({ tokens: 0, requests: 3 });
    expect(runFinished(events).stoppedBy).toBeUndefined();
  });
});

describe('work after the cases', () => {
  const work = (ran: string[]): AfterCasesWork => ({
    name: 'sdk check',
    phase: 'probe',
    operations: [{ operationId: 'sdk.list', method: 'SDK', path: 'list things', tags: ['sdk'], area: 'sdk' }],
    checks: [{ id: 'sdk-works', title: 'SDK fails', severity: 'high', description: 'd', category: 'client' }],
    async run({ record }) {
      ran.push('ran');
      record({
        caseId: 'sdk.list/probe/0',
        operationId: 'sdk.list',
        description: 'list',
        outcomes: [{ checkId: 'sdk-works', status: 'passed' }],
        durationMs: 3,
      });
    },
  });

  it('runs after the cases when the run includes its phase, its results reported as cases under that phase', async () => {
    const ran: string[] = [];
    const events = await run([{ name: 'own', caseSources: [{ cases: () => cases('semantic', 1) }], afterCases: work(ran) }], {
      options: { ...options, phases: [...options.phases, 'probe'] },
    });
    expect(ran).toEqual(['ran']);
    expect(finishedCases(events).map((e) => [e.caseId, e.phase])).toEqual([
      ['list_things/semantic/0', 'semantic'],
      ['sdk.list/probe/0', 'probe'],
    ]);
    expect(runStarted(events).operations.map((o) => o.operationId)).toEqual(['list_things', 'sdk.list']);
    expect(runStarted(events).checks.map((c) => c.id)).toContain('sdk-works');
    expect(runFinished(events).requests).toBe(2);
  });

  it('does not run, nor list its operations, when the run leaves its phase out', async () => {
    const ran: string[] = [];
    const events = await run([{ name: 'own', afterCases: work(ran) }]);
    expect(ran).toEqual([]);
    expect(runStarted(events).operations.map((o) => o.operationId)).toEqual(['list_things']);
  });

  it('does not run when its requests do not fit in what is left of the request budget, and says so', async () => {
    const ran: string[] = [];
    // Two requests of its own, one left in the budget after the cases.
    const events = await run([{ name: 'own', caseSources: [{ cases: () => cases('semantic', 2) }], afterCases: { ...work(ran), requests: 2 } }], {
      options: { ...options, phases: [...options.phases, 'probe'] },
      budget: { maxRequests: 3 },
    });
    expect(ran).toEqual([]);
    expect(events).toContainEqual({ type: 'log', level: 'warn', message: 'sdk check not run: its 2 requests do not fit in what is left of --max-requests' });
    expect(runFinished(events)).toMatchObject({ stoppedBy: 'budget:max-requests', requests: 2 });
  });
});

describe('options of the suite', () => {
  it('are recorded in run-started with the engine’s, in the caller’s order, the API key left out', async () => {
    const own = { ...options, maxWidgets: 3, apiKey: 'sk-secret-0000' };
    const events = await run([], { options: own });
    const recorded = runStarted(events).options;
    expect(recorded.maxWidgets).toBe(3);
    expect(Object.keys(recorded)).toEqual(Object.keys(own).filter((k) => k !== 'apiKey'));
    expect(JSON.stringify(runStarted(events))).not.toContain('sk-secret');
  });
});

describe('resources the suites see created', () => {
  it('are logged as soon as the answer is in, before the case that created them finishes', async () => {
    const plugin: SuitePlugin = {
      name: 'own',
      caseSources: [{ cases: () => cases('stateful', 2) }],
      observe: (_op, ex) =>
        ex.response?.status === 200
          ? {
              created: [{ kind: 'thing', id: `t${ex.request.url.length}`, undo: { ...GET, method: 'DELETE' }, order: 0 }],
              removed: [{ kind: 'old', id: 'o1' }],
            }
          : undefined,
    };
    const events = await run([plugin]);
    const types = events.map((e) => e.type);
    const first = types.indexOf('resource-created');
    expect(first).toBeGreaterThan(-1);
    expect(first).toBeLessThan(types.indexOf('case-finished'));
    expect(events[first]).toMatchObject({ kind: 'thing', operationId: 'list_things', undo: { method: 'DELETE', path: '/v1/things' }, order: 0 });
    expect(types).toContain('resource-removed');
  });
});

describe('a stop that means now', () => {
  /** Answers after `ms` unless the request's signal ends it first (an endless stream stands in). */
  const hangingTransport = (onSend: () => void = () => undefined): Transport => ({
    requestCount: 0,
    close: async () => undefined,
    send: (req, ctx = {}) =>
      new Promise((resolve) => {
        onSend();
        const answer = (aborted: boolean): void =>
          resolve({
            request: { method: req.method, url: `http://x${req.path}`, headers: {} },
            ...(aborted ? { error: { kind: 'aborted', message: 'stream aborted: the run was stopped' } } : {}),
            timing: { startedAt: 0, totalMs: 1 },
            retries: 0,
          } as Exchange);
        const timer = setTimeout(() => answer(false), 60_000);
        ctx.streamSignal?.addEventListener('abort', () => {
          clearTimeout(timer);
          answer(true);
        });
      }),
  });

  it('ends streams in flight at once on the caller signal: the cut cases are not judged, and counted as not run', async () => {
    const stop = new AbortController();
    const plugin: SuitePlugin = { name: 'own', caseSources: [{ cases: () => cases('semantic', 3) }] };
    // Stopped once the first request is in flight.
    const events = await run(
      [plugin],
      { signal: stop.signal },
      hangingTransport(() => setImmediate(() => stop.abort())),
    );
    expect(finishedCases(events)).toEqual([]);
    expect(runFinished(events)).toMatchObject({ stoppedBy: 'interrupted', notRun: 3 });
  });

  it('ends them when --max-duration is reached, without any signal', async () => {
    const plugin: SuitePlugin = { name: 'own', caseSources: [{ cases: () => cases('semantic', 2) }] };
    const events = await run([plugin], { budget: { maxDurationMs: 20 } }, hangingTransport());
    expect(runFinished(events)).toMatchObject({ stoppedBy: 'budget:max-duration' });
  });
});
