// Coverage phase: for every numeric and length bound of the body and the query parameters, a request
// with the value at, just inside and just outside the bound. Inside values must be accepted, outside
// ones rejected; each case is checked with the validator before it is kept (a bound that another
// keyword overrides would otherwise make a wrong expectation). Hint caps bound the inside values.
import type { Violation } from './request-types.js';
import type { Operation } from '../openapi/model.js';
import { boundaryValues } from './boundary-values.js';
import { boundaryConcrete, hintKey } from './concrete-value.js';
import { schemaSites } from './constraint-sites.js';
import type { GenerationContext } from './context.js';
import { encodeRequest } from './encode-request.js';
import type { GeneratedRequest, RequestValues } from './request-values.js';
import { containersAdded, placeAt } from './value-path.js';
import { targetPlace, targetValid, targetValue, valueTargets, withTargetValue } from './value-targets.js';

export interface PlannedRequest extends GeneratedRequest {
  expectation: 'accept' | 'reject';
  description: string;
  violation?: Violation;
  /** Which bound and value this is (`body.temperature=1.5`): the same case on another base has the same key. */
  key: string;
  /** The base with the containers the value needs, when it lacks them (see NegativeRequest.support). */
  support?: RequestValues;
}

const show = (v: unknown) =>
  typeof v === 'string' && v.length > 24 ? `"${v.slice(0, 6)}…" (${v.length} chars)` : Array.isArray(v) ? `[${v.length} items]` : JSON.stringify(v);

export function coverageRequests(ctx: GenerationContext, op: Operation, base: RequestValues): PlannedRequest[] {
  const out: PlannedRequest[] = [];
  const seen = new Set<string>();
  for (const target of valueTargets(op)) {
    if (target.kind !== 'body' && target.kind !== 'query') continue;
    const head = target.kind === 'body' ? 'body' : `query.${target.name}`;
    for (const site of schemaSites(ctx.document, target.schema)) {
      const keys = site.steps.map((s) => s.key);
      const override = ctx.overrides[hintKey(head, keys)];
      if (override?.fixed) continue;
      boundaryValues(site.schema).forEach((b, i) => {
        if (b.inside && override?.cap !== undefined && b.kind === 'number' && b.value > override.cap) return;
        const concrete = boundaryConcrete(ctx, site.schema, b, 11 + i);
        const root = placeAt(ctx, targetValue(base, target), target.schema, site.steps, () => concrete, 7, head);
        const valid = targetValid(ctx, target, root);
        if (valid === undefined || valid !== b.inside) return;
        const { location, expectedLoc } = targetPlace(target, keys);
        const key = `${location}=${JSON.stringify(concrete)}`;
        if (seen.has(key)) return;
        seen.add(key);
        const values = withTargetValue(base, target, root);
        const request = encodeRequest(ctx.document, op, values);
        const what = `${location.replace(/^body\./, '')} = ${show(concrete)}`;
        const bound = `${b.constraint} ${b.bound}`;
        const added = containersAdded(ctx, targetValue(base, target), target.schema, site.steps, 7, head);
        const support = added === undefined ? undefined : withTargetValue(base, target, added);
        const planned: PlannedRequest = b.inside
          ? { values, request, expectation: 'accept', description: `${what} (${bound}, inside)`, key }
          : {
              values,
              request,
              expectation: 'reject',
              description: `${what} (${bound}, outside)`,
              violation: { constraint: b.constraint, location, detail: `${what} (${bound})`, expectedLoc },
              key,
            };
        if (support && targetValid(ctx, target, targetValue(support, target)) !== false) planned.support = support;
        out.push(planned);
      });
    }
  }
  return out;
}
