// Safety for real accounts: generated cases never mutate a resource the run did not create.
import { describe, expect, it } from 'vitest';
import { loadContract } from '../api.js';
import { planCases } from '../engine/plan.js';
import { NONEXISTENT_MODEL, NONEXISTENT_UUID } from './generation-hints.js';
import { createTargetPlugin } from './target-plugin.js';

describe('generated mutations of existing resources', () => {
  it('only ever target ids that cannot exist, in every phase (never the spec example ids)', async () => {
    const { spec } = await loadContract({ errata: true });
    const suite = createTargetPlugin({ models: [], maxTokens: 16, k: 1, readOnly: false, allowCostly: false });
    const mutating = spec.operations.filter((o) => ['delete', 'patch', 'put', 'post'].includes(o.method) && o.parameters.some((p) => p.in === 'path'));
    expect(mutating.map((o) => o.id)).toContain('delete_model_v1_models__model_id__delete');
    for (const op of mutating) {
      const cases = planCases(spec, op, { seed: 3, runs: 6, phases: ['examples', 'coverage', 'positive', 'negative'], hints: suite.hints!(op)! });
      for (const tc of cases) {
        const req = tc.steps[0]!.request;
        if (typeof req === 'function' || tc.expectation === 'reject') continue;
        const id = decodeURIComponent(req.path.split('/').filter(Boolean)[3] ?? req.path.split('/').filter(Boolean)[2]!);
        expect([NONEXISTENT_MODEL, NONEXISTENT_UUID], `${tc.id}: ${req.path}`).toContain(id);
      }
    }
  });
});
