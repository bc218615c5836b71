// Cause isolation against a target that confounds causes the way llama.cpp did: it answers 500 to
// `n: 2` and accepts an out-of-range temperature. Every negative and boundary case changes the base
// request the target accepted in one place, so the temperature case reads "accepted" (not "got 500")
// and `n: 2` is one server-error cause, not one per negative case that happened to carry it.
import { HttpResponse } from 'msw';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBentTarget, type BentTarget } from '../fixtures/test-support/msw-proxy.js';
import { runConformance } from './api.js';
import type { CaseFinished, RunEvent } from './engine/events.js';
import type { RunResults } from './engine/results.js';

const KEY = 'sk-isolation-test-1234';
const CHAT = 'chat_completion_v1_chat_completions_post';
let target: BentTarget;
let results: RunResults;
let events: RunEvent[];

const chat = () => results.operations.find((o) => o.operationId === CHAT)!;
const cases = () => events.filter((e): e is CaseFinished => e.type === 'case-finished' && e.operationId === CHAT);

describe('cause isolation against a target that refuses n: 2 and accepts any temperature', () => {
  beforeAll(async () => {
    target = await startBentTarget('llama', KEY, (path, body) => {
      if (path !== '/v1/chat/completions' || !body) return undefined;
      if (typeof body.n === 'number' && body.n >= 2)
        return HttpResponse.json({ error: { code: 500, message: 'Only one completion choice is allowed', type: 'server_error' } }, { status: 500 });
      if (typeof body.temperature === 'number' && body.temperature > 1.5) {
        const { temperature: _ignored, ...rest } = body;
        return rest;
      }
      return undefined;
    });
    ({ results, events } = await runConformance({ target: target.url, apiKey: KEY, seed: 7, runs: 8, include: [CHAT, 'models'], collectEvents: true }));
  }, 180_000);
  afterAll(async () => target?.close());

  it('finds the smallest valid request accepted, without n, stream or tools', () => {
    const base = cases().find((e) => e.caseId === `${CHAT}/base/0`)!;
    expect(base.outcomes.every((o) => o.status !== 'failed')).toBe(true);
    const sent = target.seen.find((s) => s.path === '/v1/chat/completions')!.body!;
    expect(Object.keys(sent).sort()).toEqual(['max_tokens', 'messages', 'model']);
  });

  it('reports the out-of-range temperature as accepted, never as a 500', () => {
    const rejection = chat().checks.find((c) => c.checkId === 'negative-data-rejection')!;
    const temperature = rejection.failures.filter((f) => f.cause?.location === 'body.temperature');
    expect(temperature.length).toBeGreaterThan(0);
    expect(temperature.every((f) => f.cause?.status === 200 && /^sent temperature = [\d.]+ \(maximum 1\.5\), got 200/.test(f.message))).toBe(true);
    const temperatureCases = cases().filter((e) => e.violation?.location === 'body.temperature');
    expect(temperatureCases.flatMap((e) => e.exchanges ?? []).some((x) => x.response?.status === 500)).toBe(false);
  });

  it('reports n: 2 as one server-error cause, on valid requests only', () => {
    const serverError = chat().checks.find((c) => c.checkId === 'not-a-server-error')!;
    expect(serverError.failed).toBeGreaterThan(0);
    expect(serverError.failures.map((f) => [f.cause?.status, f.cause?.signature, f.cause?.constraint])).toEqual([
      [500, 'Only one completion choice is allowed', undefined],
    ]);
    // No negative or boundary case carried n: 2: each changed the accepted base in one place.
    // The only boundary or negative case answered 500 is the one whose change is n itself (n = 2, inside its bound).
    const with500 = cases().filter((e) => (e.phase === 'negative' || e.phase === 'coverage') && e.exchanges?.some((x) => x.response?.status === 500));
    expect(with500.map((e) => e.description)).toEqual(['n = 2 (minimum 1, inside)']);
    // The target did see n: 2 (positive and semantic cases), so the cause is real.
    expect(target.seen.some((s) => typeof s.body === 'object' && s.body !== null && s.body.n === 2)).toBe(true);
  });

  it('leaves no case inconclusive: the base and every support were accepted', () => {
    expect(chat().inconclusive).toBeUndefined();
  });
});

describe('a target that accepts no valid chat request: its negative and boundary cases are inconclusive', () => {
  let broken: BentTarget;
  let r: RunResults;
  beforeAll(async () => {
    broken = await startBentTarget('broken', KEY, (path) =>
      path === '/v1/chat/completions' ? HttpResponse.json({ error: { message: 'model failed to load' } }, { status: 500 }) : undefined,
    );
    ({ results: r } = await runConformance({ target: broken.url, apiKey: KEY, seed: 7, runs: 4, include: [CHAT, 'models'], phases: ['coverage', 'negative'] }));
  }, 120_000);
  afterAll(async () => broken?.close());

  it('counts them apart from passes and failures, with the answers that made them so', () => {
    const op = r.operations.find((o) => o.operationId === CHAT)!;
    expect(op.inconclusive?.cases).toBe((op.byPhase.coverage ?? 0) + (op.byPhase.negative ?? 0));
    expect(op.inconclusive?.reasons).toEqual([
      `no valid request accepted: 500 to the smallest valid request (${CHAT}/base/0); 500 to a richer valid request (${CHAT}/base/1)`,
    ]);
    expect(r.summary.inconclusive).toBe(op.inconclusive?.cases);
    // Only the base candidates were judged (and failed: a 500 to a valid request is a finding).
    expect(op.checks.find((c) => c.checkId === 'negative-data-rejection')).toBeUndefined();
    expect(op.checks.find((c) => c.checkId === 'not-a-server-error')?.failed).toBe(2);
  });

  it('shows them in every report', async () => {
    const { renderMarkdown } = await import('../reporters/markdown.js');
    const { renderJunit } = await import('../reporters/junit.js');
    const { renderConsole } = await import('../reporters/console.js');
    const { renderHtml } = await import('../reporters/html.js');
    const n = r.summary.inconclusive!;
    expect(renderMarkdown(r)).toContain(`### Inconclusive cases (neither passed nor failed)`);
    expect(renderMarkdown(r)).toMatch(new RegExp(`^## ❌ FAIL .*; ${n} cases inconclusive in 1 operation`));
    expect(renderJunit(r)).toContain(`<testcase name="(inconclusive)" classname="chat.${CHAT}"`);
    expect(renderConsole(r, { color: false })).toContain(`? ${CHAT}: ${n} cases; no valid request accepted`);
    expect(renderHtml(r)).toContain('"check":"(inconclusive)"');
  });
});
