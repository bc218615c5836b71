import { describe, expect, it } from 'vitest';
import type { Operation } from '../../openapi/model.js';
import type { RequestValues } from '../../generate/request-values.js';
import type { DerivedRequest, Exchange, RequestSpec, StatusPolicy, TestCase } from '../types.js';
import { accepts, createBaseResolver } from './base-resolver.js';

const OP = 'op';
const req = (body: Record<string, unknown>): RequestSpec => ({
  method: 'POST',
  path: '/x',
  query: [],
  headers: {},
  auth: { kind: 'default' },
  body: { kind: 'json', value: body },
});
const values = (body: Record<string, unknown>): RequestValues => ({ path: {}, query: {}, header: {}, cookie: {}, body, mediaType: 'application/json' });
const answer = (status: number): Exchange => ({
  request: { method: 'POST', url: 'http://t/x', headers: {} },
  response: { status, headers: {}, contentType: 'application/json', bodyText: '{}', bytes: 2, truncated: false },
  timing: { startedAt: 0, totalMs: 1 },
  retries: 0,
});
const policy: StatusPolicy = { undocumented: (_op, status) => ({ verdict: status === 404 ? 'pass' : 'fail', reason: '' }), describe: () => [] };
const op = { id: OP } as Operation;

function baseCase(derive: (v: RequestValues) => Map<string, DerivedRequest>): TestCase {
  return {
    id: `${OP}/base/0`,
    operationId: OP,
    phase: 'base',
    expectation: 'accept',
    steps: [{ label: 'base', operationId: OP, request: req({ a: 1 }) }],
    base: {
      candidates: [
        { request: req({ a: 1 }), values: values({ a: 1 }), description: 'the smallest valid request' },
        { request: req({ a: 1, b: 2 }), values: values({ a: 1, b: 2 }), description: 'a richer valid request' },
      ],
      situation: 'valid',
      derive,
    },
  };
}

function resolverFor(statusOf: (body: Record<string, unknown>) => number, derive = (_v: RequestValues) => new Map<string, DerivedRequest>()) {
  const sent: Array<{ id: string; body: unknown }> = [];
  const replanned: number[] = [];
  const resolver = createBaseResolver({
    baseCases: new Map([[OP, baseCase(derive)]]),
    operations: new Map([[OP, op]]),
    policy,
    kept: () => true,
    replanned: (_op, delta) => replanned.push(delta),
    run: async (tc) => {
      const body = (tc.steps[0]!.request as RequestSpec).body as { value: Record<string, unknown> };
      sent.push({ id: tc.id, body: body.value });
      return [answer(statusOf(body.value))];
    },
  });
  return { resolver, sent, replanned };
}

describe('the base resolver', () => {
  it('takes the smallest request when the target accepts it, and searches once for concurrent callers', async () => {
    const { resolver, sent } = resolverFor(() => 200);
    const [a, b] = await Promise.all([resolver.resolve(OP), resolver.resolve(OP)]);
    expect(a).toBe(b);
    expect(a?.accepted?.caseId).toBe(`${OP}/base/0`);
    expect(sent.map((s) => s.id)).toEqual([`${OP}/base/0`]);
  });

  it('falls back to the richer request when the smallest is refused, and counts the extra case', async () => {
    const { resolver, sent, replanned } = resolverFor((body) => ('b' in body ? 200 : 400));
    const r = await resolver.resolve(OP);
    expect(r?.accepted).toMatchObject({ caseId: `${OP}/base/1`, values: { body: { a: 1, b: 2 } } });
    expect(sent.map((s) => s.id)).toEqual([`${OP}/base/0`, `${OP}/base/1`]);
    expect(replanned).toEqual([1]);
  });

  it('says why when no candidate is accepted', async () => {
    const { resolver } = resolverFor(() => 500);
    expect((await resolver.resolve(OP))?.reason).toBe(
      `no valid request accepted: 500 to the smallest valid request (${OP}/base/0); 500 to a richer valid request (${OP}/base/1)`,
    );
  });

  it('sends each distinct support once, numbered in the order of the cases, and says when it was refused', async () => {
    const support = req({ a: 1, tools: [] });
    const derive = () =>
      new Map<string, DerivedRequest>([
        [`${OP}/negative/0`, { request: req({ a: 'x' }), expectation: 'reject', description: 'a' }],
        [`${OP}/negative/1`, { request: req({ a: 1, tools: [1] }), expectation: 'reject', description: 'b', support }],
        [`${OP}/negative/2`, { request: req({ a: 1, tools: [2] }), expectation: 'reject', description: 'c', support }],
      ]);
    const { resolver, sent } = resolverFor((body) => ('tools' in body ? 500 : 200), derive);
    const [x, y] = await Promise.all([resolver.support(OP, support), resolver.support(OP, support)]);
    expect(x).toBe(y);
    expect(x).toMatchObject({ accepted: false, caseId: `${OP}/base/support0` });
    expect(x?.reason).toMatch(/^500 to the accepted base request with tools added/);
    expect(sent.filter((s) => s.id.includes('support'))).toHaveLength(1);
    expect(resolver.unrunProbes()).toBe(0);
  });

  it('accepts a 404 for a base whose path names no real resource, never a 422', () => {
    expect(accepts(op, 'unknown-resource', answer(404), policy)).toBe(true);
    expect(accepts(op, 'unknown-resource', answer(422), policy)).toBe(false);
    expect(accepts(op, 'valid', answer(404), policy)).toBe(false);
    expect(accepts(op, 'valid', answer(204), policy)).toBe(true);
  });
});
