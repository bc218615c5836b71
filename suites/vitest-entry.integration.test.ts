// The vitest entry point, used the way an implementer would: their server starts in a beforeAll, the
// suite's tests are registered against it, and they pass. A faulty server's failures are shown through
// the verdict function the tests use (a failing test in CI would prove nothing but break the build), and
// through vitest's programmatic API on a generated test file against a faulty server.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReferenceServer, type ReferenceServer } from '../fixtures/reference-server/index.js';
import { runConformance } from './api.js';
import type { RunResults } from './engine/results.js';
import { checkVerdict, defineConformanceTests, plannedCheckIds, plannedOperationIds } from './vitest-entry.js';

const KEY = 'sk-vitest-entry-8686';
let server: ReferenceServer;
beforeAll(async () => {
  server = await startReferenceServer({ apiKey: KEY });
});
afterAll(async () => server?.close());

// What an implementer writes: the suite, registered against the server started above.
const handle = defineConformanceTests({
  target: () => server.url,
  apiKey: KEY,
  include: ['models'],
  runs: 2,
  seed: 3,
  title: 'conformance of the reference server',
});

describe('defineConformanceTests', () => {
  it('registered an it per check under a describe per operation, and they ran (this test runs after them)', (ctx) => {
    const suite = ctx.task.file.tasks.find((t) => t.name === 'conformance of the reference server');
    expect(suite?.type).toBe('suite');
    const ops = (
      suite as { tasks: Array<{ name: string; type: string; tasks?: Array<{ name: string; result?: { state?: string }; mode?: string }> }> }
    ).tasks.filter((t) => t.type === 'suite');
    expect(ops.map((o) => o.name)).toEqual(plannedOperationIds({ include: ['models'] }));
    const listModels = ops.find((o) => o.name === 'list_models_v1_models_get')!;
    expect(listModels.tasks!.map((t) => t.name)).toEqual(plannedCheckIds('list_models_v1_models_get', undefined));
    const states = (name: string): string | undefined => listModels.tasks!.find((t) => t.name === name)?.result?.state;
    expect(states('response-schema-conformance')).toBe('pass');
    expect(states('status-code-conformance')).toBe('pass');
    // A streaming check cannot apply to a JSON listing: skipped at run time, not failed.
    expect(states('sse-terminator')).toBe('skip');
    expect(listModels.tasks!.some((t) => t.result?.state === 'fail')).toBe(false);
  });

  it('gives the run results to the caller', () => {
    expect(handle.results?.summary.verdict).toBe('pass');
    expect(handle.results?.target).toBe(server.url);
  });
});

describe('plannedOperationIds', () => {
  it('lists the spec operations the run selects, then the SDK calls when the probe runs', () => {
    const all = plannedOperationIds({});
    expect(all).toHaveLength(26);
    expect(plannedOperationIds({ include: ['models'], exclude: ['delete_model_v1_models__model_id__delete'] })).not.toContain(
      'delete_model_v1_models__model_id__delete',
    );
    const withProbe = plannedOperationIds({ include: ['list_models_v1_models_get'], phases: ['examples', 'probe'] });
    expect(withProbe).toEqual(['list_models_v1_models_get', expect.stringMatching(/^sdk\./), ...withProbe.slice(2)]);
  });
  it('refuses a spec it cannot read synchronously, in one line', () => {
    expect(() => plannedOperationIds({ spec: 'https://example.test/openapi.yaml' })).toThrow(
      /^\[mistral-conformance\] Failed to register tests: the spec must be a local file/,
    );
    expect(() => plannedOperationIds({ spec: '/nonexistent/openapi.yaml' })).toThrow(/ENOENT/);
  });
});

describe('checkVerdict against a faulty server', () => {
  let faulty: ReferenceServer;
  let bad: RunResults;
  beforeAll(async () => {
    faulty = await startReferenceServer({ apiKey: KEY, fault: 'wrong-type' });
    ({ results: bad } = await runConformance({ target: faulty.url, apiKey: KEY, include: ['list_models_v1_models_get'], runs: 2, seed: 3 }));
  }, 60_000);
  afterAll(async () => faulty?.close());

  it('fails the check that caught the fault, with its message and a reproduction', () => {
    const v = checkVerdict(bad, 'list_models_v1_models_get', 'response-schema-conformance');
    expect(v.status).toBe('fail');
    const message = (v as { message: string }).message;
    expect(message).toMatch(/^response-schema-conformance failed on \d+ of \d+ case\(s\) of list_models_v1_models_get/);
    expect(message).toMatch(/created/);
    expect(message).toMatch(/reproduce: curl/);
    expect(message).not.toContain(KEY);
  });
  it('passes the checks the fault does not touch, and skips what does not apply', () => {
    expect(checkVerdict(bad, 'list_models_v1_models_get', 'status-code-conformance').status).toBe('pass');
    expect(checkVerdict(bad, 'list_models_v1_models_get', 'sse-terminator').status).toBe('skip');
    expect(checkVerdict(bad, 'chat_completion_v1_chat_completions_post', 'status-code-conformance')).toEqual({
      status: 'skip',
      reason: 'chat_completion_v1_chat_completions_post was not part of this run',
    });
  });
});

describe('a user test file against a faulty server, run by vitest', () => {
  let dir: string;
  let states: Record<string, string | undefined>;
  let errors: Record<string, string>;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mc-vitest-entry-'));
    const entry = fileURLToPath(new URL('./vitest-entry.ts', import.meta.url));
    const reference = fileURLToPath(new URL('../fixtures/reference-server/index.ts', import.meta.url));
    const file = join(dir, 'gate.test.ts');
    await writeFile(
      file,
      [
        `import { afterAll, beforeAll } from 'vitest';`,
        `import { defineConformanceTests } from ${JSON.stringify(entry)};`,
        `import { startReferenceServer } from ${JSON.stringify(reference)};`,
        `let server;`,
        `beforeAll(async () => { server = await startReferenceServer({ apiKey: 'k-gate', fault: 'wrong-type' }); });`,
        `afterAll(async () => server?.close());`,
        `defineConformanceTests({ target: () => server.url, apiKey: 'k-gate', include: ['list_models_v1_models_get'], runs: 2, checks: ['response-schema-conformance', 'status-code-conformance', 'sse-terminator'] });`,
      ].join('\n'),
    );
    const { startVitest } = await import('vitest/node');
    const exitCodeBefore = process.exitCode;
    // A silent reporter: the inner run's expected failure must not look like one of ours in the log.
    const vitest = await startVitest('test', [], { root: dir, dir, watch: false, reporters: [{}], config: false, include: ['gate.test.ts'], pool: 'forks' });
    states = {};
    errors = {};
    try {
      for (const mod of vitest.state.getTestModules()) {
        for (const test of mod.children.allTests()) {
          const r = test.result();
          states[test.name] = r.state;
          if (r.state === 'failed') errors[test.name] = r.errors?.map((e) => e.message).join('\n') ?? '';
        }
      }
    } finally {
      await vitest.close();
      process.exitCode = exitCodeBefore;
    }
  }, 120_000);
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it('fails the test of the check that caught the fault, passes and skips the others', () => {
    expect(states['response-schema-conformance']).toBe('failed');
    expect(errors['response-schema-conformance']).toMatch(/created/);
    expect(states['status-code-conformance']).toBe('passed');
    expect(states['sse-terminator']).toBe('skipped');
    expect(states['the run finished']).toBe('passed');
  });
});
