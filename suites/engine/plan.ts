// The case planner: for one operation, the cases of each generation phase, in the order base →
// examples → coverage → positive → negative. Deterministic: the same spec, operation, seed, runs and
// hints give identical cases. Random cases carry {seed, path} so `fc.sample(arb, {seed, numRuns})[path]`
// (or fc.check with {seed, path}) reproduces the exact value. Coverage and negative cases change the
// operation's base request in exactly one place (cause isolation): the base case finds, at run time,
// the first candidate the target accepts, and they are rebuilt on it (see BaseRequests).
import * as fc from 'fast-check';
import type { LoadedSpec } from '../openapi/load-spec.js';
import type { Operation } from '../openapi/model.js';
import { baseCandidates } from '../generate/base-request.js';
import { coverageRequests, type PlannedRequest } from '../generate/coverage.js';
import { encodeRequest } from '../generate/encode-request.js';
import { exampleRequests } from '../generate/examples.js';
import { applyMutation, requestMutations } from '../generate/negative/request-mutations.js';
import { operationContext, requestArbitrary } from '../generate/request-arbitrary.js';
import type { GeneratedRequest, NegativeRequest, RequestValues } from '../generate/request-values.js';
import { fnv1a32, mulberry32 } from './stable-random.js';
import type {
  BaseRequests,
  CaseMeta,
  DerivedRequest,
  Expectation,
  GenerationHints,
  Phase,
  RequestSpec,
  StatusSituation,
  TestCase,
  Violation,
} from './types.js';

export interface PlanOptions {
  seed: number;
  /** Random cases per operation and phase (positive, negative). */
  runs: number;
  phases: Phase[];
  hints?: GenerationHints;
}

const GENERATED_PHASES = ['examples', 'coverage', 'positive', 'negative'] as const;
type GeneratedPhase = (typeof GENERATED_PHASES)[number];

/** Seed of one phase of one operation: FNV-1a of (run seed, operationId, phase), a 32-bit integer. */
export function phaseSeed(runSeed: number, operationId: string, phase: string): number {
  return fnv1a32(Array.from(`${runSeed}\u0000${operationId}\u0000${phase}`, (ch) => ch.codePointAt(0)!)) | 0;
}

/** Required path parameters the hints do not fill: a random id names no resource (404 is fine). */
export function needsUnknownResource(op: Operation, hints?: GenerationHints): boolean {
  if (hints?.unknownResource) return true;
  return op.parameters.some((p) => p.in === 'path' && p.required && !hints?.fixed[`path.${p.name}`]?.length);
}

/** Stable key of a wire request, to drop duplicates (operations with few inputs repeat themselves). */
function requestKey(r: RequestSpec): string {
  return JSON.stringify(r, (_k, v: unknown) => (v instanceof Uint8Array ? Buffer.from(v).toString('base64') : v));
}

interface Draft {
  request: GeneratedRequest;
  expectation: Expectation;
  description: string;
  violation?: Violation;
  generation?: TestCase['generation'];
  meta?: CaseMeta;
}

function describeRequest(r: RequestSpec): string {
  return `valid request${r.stream ? ' (stream)' : ''}`;
}

function examples(spec: LoadedSpec, op: Operation, o: PlanOptions, seed: number, accept: Expectation): Draft[] {
  return exampleRequests(spec, op, o.hints, seed).map((ex) => ({
    request: ex,
    // An example the document's own schema rejects is a spec finding, not a server's duty to accept.
    expectation: ex.valid ? accept : 'any',
    description: `${ex.source}${ex.valid ? '' : ' (invalid against the schema)'}`,
    meta: ex.valid ? { source: ex.source } : { source: ex.source, exampleIssues: ex.issues },
  }));
}

/**
 * The cases built on the operation's base request: boundary values (coverage) and broken constraints
 * (negative), as slots that can be rebuilt on whichever base the target accepts. `derive` builds every
 * slot on one base at once; the plan holds them as built on the first candidate.
 */
interface DerivedSlots {
  coverage: Array<{ key: string }>;
  negative: Array<{ mutation: number }>;
  derive(base: RequestValues): { coverage: Map<string, PlannedRequest>; negative: Map<number, NegativeRequest> };
}

function derivedSlots(spec: LoadedSpec, op: Operation, o: PlanOptions, first: RequestValues): DerivedSlots {
  const ctx = operationContext(spec, op, o.hints);
  const mutations = requestMutations(ctx, op);
  // Built once per base value (the first candidate's serves the plan and, usually, the run).
  const built = new WeakMap<RequestValues, ReturnType<DerivedSlots['derive']>>();
  const derive = (base: RequestValues) => {
    const known = built.get(base);
    if (known) return known;
    const coverage = new Map<string, PlannedRequest>();
    if (o.phases.includes('coverage')) for (const c of coverageRequests(ctx, op, base)) coverage.set(c.key, c);
    const negative = new Map<number, NegativeRequest>();
    if (o.phases.includes('negative'))
      mutations.forEach((m, i) => {
        const n = applyMutation(ctx, op, m, base);
        if (n) negative.set(i, n);
      });
    built.set(base, { coverage, negative });
    return { coverage, negative };
  };
  const onFirst = derive(first);
  return {
    coverage: [...onFirst.coverage.keys()].map((key) => ({ key })),
    negative: chooseNegatives(onFirst.negative, o.runs, phaseSeed(o.seed, op.id, 'negative')).map((mutation) => ({ mutation })),
    derive,
  };
}

/**
 * Which broken constraints to send, `runs` at most: in a seeded order, first one per kind of
 * constraint (type, maximum, unknown field...), so that few runs still cover every kind, then one per
 * (constraint, location), then a second where there is room. Repeated requests are dropped. Cases
 * that need more than the base (a support probe, one more request, and a cause the target may not
 * let us isolate) come later in the order, without being left out.
 */
function chooseNegatives(candidates: Map<number, NegativeRequest>, runs: number, seed: number): number[] {
  const random = mulberry32(seed);
  const order = [...candidates.entries()]
    .map(([i, c]) => [i, random() + (c.support ? 0.5 : 0)] as const)
    .sort((a, b) => a[1] - b[1])
    .map(([i]) => i);
  const chosen: number[] = [];
  const places = new Map<string, number>();
  const requests = new Set<string>();
  for (const [limit, byKind] of [
    [1, true],
    [1, false],
    [2, false],
  ] as const) {
    for (const i of order) {
      const c = candidates.get(i)!;
      if (chosen.length >= runs || chosen.includes(i)) continue;
      const place = byKind ? `kind:${c.violation.constraint}` : `${c.violation.constraint}@${c.violation.location}`;
      const key = requestKey(c.request);
      if ((places.get(place) ?? 0) >= limit || requests.has(key)) continue;
      chosen.push(i);
      places.set(place, (places.get(place) ?? 0) + 1);
      requests.add(key);
    }
  }
  return order.filter((i) => chosen.includes(i));
}

function positive(spec: LoadedSpec, op: Operation, o: PlanOptions, seed: number, accept: Expectation): Draft[] {
  const seen = new Set<string>();
  const out: Draft[] = [];
  fc.sample(requestArbitrary(spec, op, o.hints), { seed, numRuns: o.runs }).forEach((g, i) => {
    const key = requestKey(g.request);
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ request: g, expectation: accept, description: describeRequest(g.request), generation: { seed, path: String(i), numRuns: o.runs } });
  });
  return out;
}

function coverageDraft(c: PlannedRequest, accept: Expectation): DerivedRequest {
  const d: DerivedRequest = { request: c.request, expectation: c.expectation === 'accept' ? accept : 'reject', description: c.description };
  if (c.violation) d.violation = c.violation;
  return d;
}

function negativeDraft(n: NegativeRequest): DerivedRequest {
  return { request: n.request, expectation: 'reject', description: n.violation.detail, violation: n.violation };
}

export function planCases(spec: LoadedSpec, op: Operation, opts: PlanOptions): TestCase[] {
  if (opts.hints?.skip) return [];
  const unknown = needsUnknownResource(op, opts.hints);
  const accept: Expectation = unknown ? 'any' : 'accept';
  const situation: StatusSituation = unknown ? 'unknown-resource' : 'valid';
  const cases: TestCase[] = [];
  const derivedPhases = opts.phases.includes('coverage') || opts.phases.includes('negative');
  const candidates = derivedPhases
    ? baseCandidates(spec, op, opts.hints, { base: phaseSeed(opts.seed, op.id, 'base'), positive: phaseSeed(opts.seed, op.id, 'positive'), runs: opts.runs })
    : [];
  const slots = candidates.length ? derivedSlots(spec, op, opts, candidates[0]!.values) : undefined;
  const ids = { coverage: (n: number) => `${op.id}/coverage/${n}`, negative: (n: number) => `${op.id}/negative/${n}` };
  if (slots && slots.coverage.length + slots.negative.length > 0) {
    const base: BaseRequests = {
      candidates: candidates.map((c) => ({ request: c.request, values: c.values, description: c.description })),
      situation,
      derive: (values) => {
        const built = slots.derive(values);
        const out = new Map<string, DerivedRequest>();
        slots.coverage.forEach((slot, n) => {
          const c = built.coverage.get(slot.key);
          if (c) out.set(ids.coverage(n), withSupport(coverageDraft(c, accept), c.support, spec, op));
        });
        slots.negative.forEach((slot, n) => {
          const m = built.negative.get(slot.mutation);
          if (m) out.set(ids.negative(n), withSupport(negativeDraft(m), m.support, spec, op));
        });
        return out;
      },
    };
    const first = candidates[0]!;
    cases.push({
      id: `${op.id}/base/0`,
      operationId: op.id,
      phase: 'base',
      expectation: accept,
      description: first.description,
      steps: [{ label: 'base', operationId: op.id, request: first.request }],
      meta: { situation, ...(unknown ? { unknownResource: true } : {}) },
      base,
    });
  }
  const onFirst = slots && candidates.length ? slots.derive(candidates[0]!.values) : undefined;
  for (const phase of GENERATED_PHASES) {
    if (!opts.phases.includes(phase)) continue;
    const seed = phaseSeed(opts.seed, op.id, phase);
    if (phase === 'examples') examples(spec, op, opts, seed, accept).forEach((d, n) => cases.push(toCase(op, phase, n, d, unknown)));
    else if (phase === 'positive') positive(spec, op, opts, seed, accept).forEach((d, n) => cases.push(toCase(op, phase, n, d, unknown)));
    else if (phase === 'coverage')
      slots?.coverage.forEach((slot, n) => cases.push(derivedCase(op, phase, n, coverageDraft(onFirst!.coverage.get(slot.key)!, accept), unknown)));
    else slots?.negative.forEach((slot, n) => cases.push(derivedCase(op, phase, n, negativeDraft(onFirst!.negative.get(slot.mutation)!), unknown)));
  }
  return cases;
}

function withSupport(d: DerivedRequest, support: RequestValues | undefined, spec: LoadedSpec, op: Operation): DerivedRequest {
  return support ? { ...d, support: encodeRequest(spec.document, op, support) } : d;
}

function derivedCase(op: Operation, phase: GeneratedPhase, n: number, d: DerivedRequest, unknown: boolean): TestCase {
  const draft: Draft = {
    request: { request: d.request, values: { path: {}, query: {}, header: {}, cookie: {} } },
    expectation: d.expectation,
    description: d.description,
  };
  if (d.violation) draft.violation = d.violation;
  return { ...toCase(op, phase, n, draft, unknown), derived: true };
}

function toCase(op: Operation, phase: GeneratedPhase, n: number, d: Draft, unknown: boolean): TestCase {
  const situation: StatusSituation = d.expectation === 'reject' ? 'invalid-input' : unknown ? 'unknown-resource' : 'valid';
  const c: TestCase = {
    id: `${op.id}/${phase}/${n}`,
    operationId: op.id,
    phase,
    expectation: d.expectation,
    description: d.description,
    steps: [{ label: phase, operationId: op.id, request: d.request.request }],
    meta: { ...d.meta, situation, ...(unknown ? { unknownResource: true } : {}) },
  };
  if (d.violation) c.violation = d.violation;
  if (d.generation) c.generation = d.generation;
  return c;
}
