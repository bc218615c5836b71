// Runs a case check the way the engine would, for tests: a CaseContext over given exchanges.
import type { LoadedSpec } from '../../../openapi/load-spec.js';
import { loadSpec } from '../../../openapi/load-spec.js';
import { pinnedErrataPath, pinnedSpecPath } from '../../contracts.js';
import type { CaseCheck, CaseContext, Exchange, Failure, StatusPolicy, TestCase } from '../../../engine/types.js';

const passPolicy: StatusPolicy = { undocumented: () => ({ verdict: 'pass', reason: 'test' }), describe: () => [] };

let specPromise: Promise<LoadedSpec> | undefined;
export function pinnedSpec(): Promise<LoadedSpec> {
  specPromise ??= loadSpec(pinnedSpecPath(), { overlays: [pinnedErrataPath()] });
  return specPromise;
}

export function caseContext(spec: LoadedSpec, testCase: TestCase, exchanges: Exchange[]): CaseContext {
  return { spec, testCase, operations: new Map(spec.operations.map((o) => [o.id, o])), exchanges, policy: passPolicy };
}

/** Failures (warnings included) of a check, or the skip reason. */
export function runCheck(check: CaseCheck, ctx: CaseContext): { failures: Failure[]; skip?: string } {
  if (check.applies && !check.applies(ctx)) return { failures: [], skip: 'not applicable' };
  const out = check.run(ctx);
  if (!out) return { failures: [] };
  if ('skip' in out) return { failures: [], skip: out.skip };
  return { failures: Array.isArray(out) ? out : [out] };
}

export const errorsOnly = (failures: Failure[]): Failure[] => failures.filter((f) => !f.warning);
