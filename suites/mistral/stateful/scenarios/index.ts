// All stateful chains for a run. Read-only runs get only the chains that never mutate; costly chains
// (a fine-tuning job, a batch job) need allowCostly.
import type { TestCase } from '../../../engine/types.js';
import { batchLifecycle } from './batch.js';
import { filesLifecycle } from './files.js';
import { fineTuningLifecycle } from './fine-tuning.js';
import { readOnlyScenarios } from './read-only.js';
import type { ScenarioContext } from './scenario-context.js';

export type { ScenarioContext } from './scenario-context.js';

export function statefulScenarios(ctx: ScenarioContext): TestCase[] {
  const cases = readOnlyScenarios(ctx);
  if (!ctx.readOnly) {
    cases.push(filesLifecycle(ctx), fineTuningLifecycle(ctx));
    if (ctx.allowCostly) cases.push(batchLifecycle(ctx));
  }
  return cases.map(withSituations);
}

/** Steps on deleted or never-existing ids cannot succeed: the status policy must know (a 404 is right). */
function withSituations(tc: TestCase): TestCase {
  const roles = tc.meta?.stateful?.roles ?? [];
  return {
    ...tc,
    steps: tc.steps.map((step, i) =>
      roles[i]?.role === 'gone' || roles[i]?.role === 'unknown-id' ? { ...step, situation: 'unknown-resource' as const } : step,
    ),
  };
}
