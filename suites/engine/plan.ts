// The case planner: for one operation, the cases of each generation phase, in the order examples →
// coverage → positive → negative. Deterministic: the same spec, operation, seed, runs and hints give
// identical cases. Random cases carry {seed, path} so `fc.sample(arb, {seed, numRuns})[path]` (or
// fc.check with {seed, path}) reproduces the exact value.
import * as fc from 'fast-check';
import type { LoadedSpec } from '../openapi/load-spec.js';
import type { Operation } from '../openapi/model.js';
import { coverageRequests } from '../generate/coverage.js';
import { exampleRequests } from '../generate/examples.js';
import { negativeArbitrary } from '../generate/negative/negative-arbitrary.js';
import { operationContext, requestArbitrary, requestValuesArbitrary } from '../generate/request-arbitrary.js';
import type { GeneratedRequest } from '../generate/request-values.js';
import { fnv1a32 } from './stable-random.js';
import type { CaseMeta, Expectation, GenerationHints, Phase, RequestSpec, StatusSituation, TestCase, Violation } from './types.js';

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

function coverage(spec: LoadedSpec, op: Operation, o: PlanOptions, seed: number, accept: Expectation): Draft[] {
  const ctx = operationContext(spec, op, o.hints);
  const base = fc.sample(requestValuesArbitrary(ctx, op), { seed, numRuns: 1 })[0]!;
  return coverageRequests(ctx, op, base).map((c) => {
    const d: Draft = { request: c, expectation: c.expectation === 'accept' ? accept : 'reject', description: c.description };
    if (c.violation) d.violation = c.violation;
    return d;
  });
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

function negative(spec: LoadedSpec, op: Operation, o: PlanOptions, seed: number): Draft[] {
  // Sample more than needed: some mutations stay valid (null) and repeats are dropped; prefer
  // constraints not yet covered so the cases spread across the request.
  const numRuns = o.runs * 6;
  const candidates = fc.sample(negativeArbitrary(spec, op, o.hints), { seed, numRuns });
  const chosen = new Set<number>();
  const places = new Map<string, number>();
  const requests = new Set<string>();
  // Pass 0: one case per kind of constraint (type, maximum, unknown field, ...), so that few runs
  // still cover every kind; pass 1: one per (constraint, location); pass 2: a second where there is room.
  for (const [limit, byKind] of [
    [1, true],
    [1, false],
    [2, false],
  ] as const) {
    candidates.forEach((c, i) => {
      if (!c || chosen.size >= o.runs || chosen.has(i)) return;
      const place = byKind ? `kind:${c.violation.constraint}` : `${c.violation.constraint}@${c.violation.location}`;
      const key = requestKey(c.request);
      if ((places.get(place) ?? 0) >= limit || requests.has(key)) return;
      chosen.add(i);
      places.set(place, (places.get(place) ?? 0) + 1);
      requests.add(key);
    });
  }
  return [...chosen]
    .sort((a, b) => a - b)
    .map((i) => {
      const c = candidates[i]!;
      return { request: c, expectation: 'reject', description: c.violation.detail, violation: c.violation, generation: { seed, path: String(i), numRuns } };
    });
}

export function planCases(spec: LoadedSpec, op: Operation, opts: PlanOptions): TestCase[] {
  if (opts.hints?.skip) return [];
  const unknown = needsUnknownResource(op, opts.hints);
  const accept: Expectation = unknown ? 'any' : 'accept';
  const cases: TestCase[] = [];
  for (const phase of GENERATED_PHASES) {
    if (!opts.phases.includes(phase)) continue;
    const seed = phaseSeed(opts.seed, op.id, phase);
    const drafts =
      phase === 'examples'
        ? examples(spec, op, opts, seed, accept)
        : phase === 'coverage'
          ? coverage(spec, op, opts, seed, accept)
          : phase === 'positive'
            ? positive(spec, op, opts, seed, accept)
            : negative(spec, op, opts, seed);
    drafts.forEach((d, n) => cases.push(toCase(op, phase, n, d, unknown)));
  }
  return cases;
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
