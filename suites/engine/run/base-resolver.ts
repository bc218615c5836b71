// Cause isolation at run time: for each operation, the base candidates are sent in order (each a case
// of the `base` phase, judged like any valid request) until the target accepts one; the derived cases
// (coverage, negative) are then rebuilt on it, and a derived case whose value needs containers the base
// lacks waits for the target to accept the base with those containers (a support probe, sent once per
// distinct support). The search runs once per operation; concurrent cases share it. When nothing is
// accepted, the derived cases are inconclusive, with the answers that made them so.
import type { Operation } from '../../openapi/model.js';
import type { RequestValues } from '../../generate/request-values.js';
import type { BaseRequests, DerivedRequest, Exchange, RequestSpec, StatusPolicy, StatusSituation, TestCase } from '../types.js';

export interface ResolvedBase {
  /** The accepted candidate, or why none was. */
  accepted?: { caseId: string; values: RequestValues };
  reason?: string;
  /** The derived cases of the operation built on the accepted base, by case id. */
  derived: Map<string, DerivedRequest>;
  /** Support probes the derived cases need: request key → probe case id (in the order of the cases). */
  supports: Map<string, string>;
}

export interface SupportVerdict {
  accepted: boolean;
  caseId: string;
  reason?: string;
}

/** Sends one case and judges it (a case of the run like any other); undefined when it was not sent (stop, budget). */
export type RunProbe = (tc: TestCase) => Promise<Exchange[] | undefined>;

export interface BaseResolverDeps {
  /** The planned base case (`<op>/base/0`) of each operation that has derived cases. */
  baseCases: Map<string, TestCase>;
  operations: Map<string, Operation>;
  policy: StatusPolicy;
  run: RunProbe;
  /** Whether a derived case is in this run's plan (replays and read-only runs keep some only). */
  kept(caseId: string): boolean;
  /** Cases the plan did not count (fallback candidates, other support probes) or counted but will not run. */
  replanned(operationId: string, delta: number): void;
}

export interface BaseResolver {
  /** The operation's base, searched once; undefined when the run stopped before one could be tried. */
  resolve(operationId: string): Promise<ResolvedBase | undefined>;
  /** Whether the target accepts a derived case's support; undefined when it could not be sent. */
  support(operationId: string, request: RequestSpec): Promise<SupportVerdict | undefined>;
  /** Support probes planned (on the first candidate) that never ran: the run stopped before their cases. */
  unrunProbes(): number;
}

export const requestKey = (r: RequestSpec): string => JSON.stringify(r, (_k, v: unknown) => (v instanceof Uint8Array ? Buffer.from(v).toString('base64') : v));

/**
 * The support probes of an operation's derived cases, by request key: numbered in the order the cases
 * come (every case of the operation, so a probe has the same id in a replay), and how many of them the
 * cases `kept` need.
 */
export function supportsOf(
  operationId: string,
  derived: Map<string, DerivedRequest>,
  kept: (caseId: string) => boolean,
): { ids: Map<string, string>; needed: number } {
  const ids = new Map<string, string>();
  const needed = new Set<string>();
  for (const [caseId, d] of derived) {
    if (!d.support) continue;
    const key = requestKey(d.support);
    if (!ids.has(key)) ids.set(key, `${operationId}/base/support${ids.size}`);
    if (kept(caseId)) needed.add(key);
  }
  return { ids, needed: needed.size };
}

/**
 * Whether an answer accepts a valid request: a 2xx, or where the path names no real resource
 * (`unknown-resource`), the 4xx the status policy allows for that (404 for an unknown id); never a
 * validation error (422) or a refusal of the credentials or the rate.
 */
export function accepts(op: Operation | undefined, situation: StatusSituation, exchange: Exchange, policy: StatusPolicy): boolean {
  const status = exchange.response?.status;
  if (status === undefined) return false;
  if (status >= 200 && status < 300) return true;
  if (situation !== 'unknown-resource' || !op || status < 400 || status >= 500 || [401, 403, 422, 429].includes(status)) return false;
  return policy.undocumented(op, status, 'unknown-resource').verdict === 'pass';
}

function answer(exchange: Exchange | undefined): string {
  if (!exchange) return 'not sent';
  if (exchange.response) return String(exchange.response.status);
  return `no answer (${exchange.error?.kind ?? 'error'})`;
}

/** The case of candidate `k`, or of a support probe, built like the planned base case. */
function probeCase(template: TestCase, id: string, request: RequestSpec, description: string): TestCase {
  const { base: _base, ...rest } = template;
  return { ...rest, id, description, steps: [{ label: 'base', operationId: template.operationId, request }] };
}

/** `the base request with tools added`: which parts of the request the support adds or changes. */
function describeSupport(base: RequestSpec, support: RequestSpec): string {
  const b = base.body?.kind === 'json' ? (base.body.value as Record<string, unknown>) : {};
  const s = support.body?.kind === 'json' ? (support.body.value as Record<string, unknown>) : {};
  const keys = Object.keys(s).filter((k) => JSON.stringify(s[k]) !== JSON.stringify(b?.[k]));
  const params = JSON.stringify(base.query) === JSON.stringify(support.query) ? [] : ['query parameters'];
  const what = [...keys, ...params];
  return `the accepted base request with ${what.length ? what.join(', ') : 'the containers its cases need'} added (valid)`;
}

export function createBaseResolver(deps: BaseResolverDeps): BaseResolver {
  const searches = new Map<string, Promise<ResolvedBase | undefined>>();
  const probes = new Map<string, Promise<SupportVerdict | undefined>>();
  const plannedSupports = new Map<string, number>();
  let probesRun = 0;
  const replanned = (operationId: string, delta: number): void => {
    if (delta !== 0) deps.replanned(operationId, delta);
  };
  // What the plan counted for each operation: its supports on the first candidate.
  for (const [opId, tc] of deps.baseCases) {
    const first = tc.base!.candidates[0];
    if (first) plannedSupports.set(opId, supportsOf(opId, tc.base!.derive(first.values), deps.kept).needed);
  }

  async function search(operationId: string): Promise<ResolvedBase | undefined> {
    const planned = deps.baseCases.get(operationId);
    const base: BaseRequests | undefined = planned?.base;
    if (!planned || !base) return { derived: new Map(), supports: new Map(), reason: 'no base request was planned' };
    const op = deps.operations.get(operationId);
    const tried: string[] = [];
    for (const [k, candidate] of base.candidates.entries()) {
      const tc = k === 0 ? planned : probeCase(planned, `${operationId}/base/${k}`, candidate.request, candidate.description);
      if (k > 0) replanned(operationId, 1);
      const exchanges = await deps.run(tc);
      if (!exchanges) return undefined;
      const ex = exchanges[exchanges.length - 1];
      if (ex && accepts(op, base.situation, ex, deps.policy)) {
        const derived = base.derive(candidate.values);
        const supports = supportsOf(operationId, derived, deps.kept);
        replanned(operationId, supports.needed - (plannedSupports.get(operationId) ?? 0));
        plannedSupports.set(operationId, supports.needed);
        return { accepted: { caseId: tc.id, values: candidate.values }, derived, supports: supports.ids };
      }
      tried.push(`${answer(ex)} to ${candidate.description} (${tc.id})`);
    }
    // Nothing to build on: the planned support probes will not run.
    replanned(operationId, -(plannedSupports.get(operationId) ?? 0));
    plannedSupports.set(operationId, 0);
    return { derived: new Map(), supports: new Map(), reason: `no valid request accepted: ${tried.join('; ')}` };
  }

  async function probe(operationId: string, resolved: ResolvedBase, request: RequestSpec): Promise<SupportVerdict | undefined> {
    const id = resolved.supports.get(requestKey(request)) ?? `${operationId}/base/support?`;
    const planned = deps.baseCases.get(operationId)!;
    const accepted = planned.base!.candidates.find((_c, k) => `${operationId}/base/${k}` === resolved.accepted?.caseId);
    const tc = probeCase(planned, id, request, describeSupport(accepted?.request ?? request, request));
    const exchanges = await deps.run(tc);
    if (!exchanges) return undefined;
    probesRun++;
    const ex = exchanges[exchanges.length - 1];
    if (ex && accepts(deps.operations.get(operationId), planned.base!.situation, ex, deps.policy)) return { accepted: true, caseId: id };
    return { accepted: false, caseId: id, reason: `${answer(ex)} to ${tc.description} (${id})` };
  }

  return {
    resolve(operationId) {
      let s = searches.get(operationId);
      if (!s) searches.set(operationId, (s = search(operationId)));
      return s;
    },
    async support(operationId, request) {
      const resolved = await this.resolve(operationId);
      if (!resolved?.accepted) return undefined;
      const key = `${operationId}\u0000${requestKey(request)}`;
      let p = probes.get(key);
      if (!p) probes.set(key, (p = probe(operationId, resolved, request)));
      return p;
    },
    unrunProbes() {
      let planned = 0;
      for (const n of plannedSupports.values()) planned += n;
      return Math.max(0, planned - probesRun);
    },
  };
}
