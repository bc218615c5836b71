import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { requestArbitrary } from '../generate/request-arbitrary.js';
import { pinnedSpec } from '../generate/test-support/test-specs.js';
import { phaseSeed, planCases } from './plan.js';
import type { Phase, RequestSpec, TestCase } from './types.js';

const PHASES: Phase[] = ['negative', 'positive', 'coverage', 'examples'];
const HINTS = { fixed: { 'body.model': ['mistral-small-latest', 'open-mistral-7b'] }, caps: { 'body.max_tokens': 16 } };

describe('planCases', async () => {
  const spec = await pinnedSpec();
  const op = (id: string) => spec.operations.find((o) => o.id === id)!;
  const chat = op('chat_completion_v1_chat_completions_post');
  const plan = (o = chat, seed = 42, hints: typeof HINTS | undefined = HINTS) => planCases(spec, o, { seed, runs: 20, phases: PHASES, hints });

  it('orders phases base → examples → coverage → positive → negative, ids <operationId>/<phase>/<n>', () => {
    const cases = plan();
    const order = [...new Set(cases.map((c) => c.phase))];
    expect(order).toEqual(['base', 'examples', 'coverage', 'positive', 'negative']);
    const counters = new Map<string, number>();
    for (const c of cases) {
      const n = counters.get(c.phase) ?? 0;
      expect(c.id).toBe(`${chat.id}/${c.phase}/${n}`);
      counters.set(c.phase, n + 1);
    }
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
  });

  it('is deterministic: same inputs, identical cases; another seed, other cases', () => {
    // The base case's derive() is a function: compared by what it builds.
    const wire = (cases: TestCase[]) => JSON.stringify(cases.map((c) => ({ ...c, base: c.base && [...c.base.derive(c.base.candidates[0]!.values)] })));
    expect(wire(plan())).toBe(wire(plan()));
    expect(plan(chat, 43).filter((c) => c.phase === 'positive')).not.toEqual(plan().filter((c) => c.phase === 'positive'));
  });

  it('sets expectations: accept for examples/coverage-inside/positive, reject with a violation for negatives', () => {
    for (const c of plan()) {
      if (c.phase === 'negative') expect(c.expectation).toBe('reject');
      if (c.phase === 'examples' || c.phase === 'positive') expect(c.expectation).toBe('accept');
      if (c.expectation === 'reject') expect(c.violation?.expectedLoc?.length).toBeGreaterThan(0);
      else expect(c.violation).toBeUndefined();
    }
  });

  it('reproduces positive and negative cases from {seed, path} with fc.sample and fc.check', () => {
    const cases = plan();
    const pos = cases.filter((c) => c.phase === 'positive').at(-1)!;
    const { seed, path, numRuns } = pos.generation!;
    expect(seed).toBe(phaseSeed(42, chat.id, 'positive'));
    const arb = requestArbitrary(spec, chat, HINTS);
    expect(fc.sample(arb, { seed, numRuns })[Number(path)]!.request).toEqual(pos.steps[0]!.request);
    let replayed: unknown;
    fc.check(
      fc.property(arb, (g) => {
        replayed ??= g.request;
        return true;
      }),
      { seed, path, numRuns },
    );
    expect(replayed).toEqual(pos.steps[0]!.request);
  });

  it('builds coverage and negative cases on the base request, rebuilt alike from the base case', () => {
    const cases = plan();
    const base = cases[0]!;
    expect(base).toMatchObject({ id: `${chat.id}/base/0`, phase: 'base', expectation: 'accept', description: 'the smallest valid request' });
    expect(base.base!.candidates.map((c) => c.description)).toEqual(['the smallest valid request', 'a richer valid request']);
    const derived = cases.filter((c) => c.derived);
    expect(derived.length).toBeGreaterThan(20);
    expect(new Set(derived.map((c) => c.phase))).toEqual(new Set(['coverage', 'negative']));
    const rebuilt = base.base!.derive(base.base!.candidates[0]!.values);
    for (const c of derived) {
      expect(rebuilt.get(c.id)?.request, c.id).toEqual(c.steps[0]!.request);
      expect(rebuilt.get(c.id)?.violation).toEqual(c.violation);
    }
  });

  it('changes the base (or the support it names) in exactly one place: one top-level field at most', () => {
    const cases = plan();
    const base = cases[0]!;
    const body = (r: RequestSpec): Record<string, unknown> => (r.body?.kind === 'json' ? (r.body.value as Record<string, unknown>) : {});
    const rebuilt = base.base!.derive(base.base!.candidates[0]!.values);
    let supported = 0;
    for (const c of cases.filter((x) => x.derived)) {
      const d = rebuilt.get(c.id)!;
      if (d.support) supported++;
      const from = body(d.support ?? (base.steps[0]!.request as RequestSpec));
      const to = body(d.request);
      if (d.request.body?.kind !== 'json') continue; // malformed JSON, wrong content type: the body as a whole
      const changed = [...new Set([...Object.keys(from), ...Object.keys(to)])].filter((k) => JSON.stringify(from[k]) !== JSON.stringify(to[k]));
      expect(changed.length, `${c.id} ${c.description}: ${changed.join(', ')}`).toBeLessThanOrEqual(1);
    }
    expect(supported).toBeGreaterThan(0);
  });

  it('keeps negatives bounded by runs and spread across constraints', () => {
    const neg = plan().filter((c) => c.phase === 'negative');
    expect(neg.length).toBeLessThanOrEqual(20);
    expect(neg.length).toBeGreaterThanOrEqual(15);
    const places = new Map<string, number>();
    for (const c of neg)
      places.set(`${c.violation!.constraint}@${c.violation!.location}`, (places.get(`${c.violation!.constraint}@${c.violation!.location}`) ?? 0) + 1);
    expect(places.size).toBeGreaterThanOrEqual(10);
    expect(Math.max(...places.values())).toBeLessThanOrEqual(2);
  });

  it('unfilled required path parameters: expectation any, situation unknown-resource; filled: accept', () => {
    const get = op('retrieve_model_v1_models__model_id__get');
    const unknown = planCases(spec, get, { seed: 1, runs: 5, phases: PHASES });
    const positives = unknown.filter((c) => c.phase === 'positive');
    expect(positives.length).toBeGreaterThan(0);
    for (const c of positives) expect(c).toMatchObject({ expectation: 'any', meta: { situation: 'unknown-resource' } });
    const known = planCases(spec, get, { seed: 1, runs: 5, phases: PHASES, hints: { fixed: { 'path.model_id': ['mistral-small-latest'] } } });
    for (const c of known.filter((k) => k.phase === 'positive')) expect(c).toMatchObject({ expectation: 'accept', meta: { situation: 'valid' } });
    expect(
      planCases(spec, get, { seed: 1, runs: 5, phases: PHASES, hints: { fixed: { 'path.model_id': ['m'] }, unknownResource: true } }).find(
        (c) => c.phase === 'positive',
      )?.expectation,
    ).toBe('any');
  });

  it('drops duplicate requests (an operation without inputs has one positive case) and honours skip and phases', () => {
    expect(planCases(spec, op('list_models_v1_models_get'), { seed: 1, runs: 20, phases: PHASES }).filter((c) => c.phase === 'positive')).toHaveLength(1);
    expect(planCases(spec, chat, { seed: 1, runs: 20, phases: PHASES, hints: { fixed: {}, skip: 'no agent' } })).toEqual([]);
    expect(new Set(planCases(spec, chat, { seed: 1, runs: 5, phases: ['negative', 'stateful'] }).map((c) => c.phase))).toEqual(new Set(['base', 'negative']));
    // Without coverage or negative cases there is no base to find.
    expect(planCases(spec, chat, { seed: 1, runs: 5, phases: ['positive'] }).some((c) => c.phase === 'base')).toBe(false);
  });

  it('plans every operation of the spec with streaming cases where the operation streams', () => {
    let streams = 0;
    for (const o of spec.operations) {
      const cases = planCases(spec, o, { seed: 7, runs: 20, phases: PHASES, hints: HINTS });
      expect(cases.length).toBeGreaterThan(0);
      streams += cases.filter((c) => c.phase === 'positive' && (c.steps[0]!.request as { stream?: boolean }).stream).length;
    }
    expect(streams).toBeGreaterThan(10);
  });

  it('derives phase seeds from (run seed, operation, phase)', () => {
    expect(phaseSeed(1, 'a', 'positive')).toBe(phaseSeed(1, 'a', 'positive'));
    expect(new Set([phaseSeed(1, 'a', 'positive'), phaseSeed(2, 'a', 'positive'), phaseSeed(1, 'b', 'positive'), phaseSeed(1, 'a', 'negative')]).size).toBe(4);
    expect(Number.isInteger(phaseSeed(1, 'a', 'x'))).toBe(true);
  });
});
