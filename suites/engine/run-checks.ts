// Runs checks over the exchanges of one executed case and turns their outcomes into records.
// A check that throws is an `errored` outcome, never a crash of the run.
import type { Operation } from '../openapi/model.js';
import type { LoadedSpec } from '../openapi/load-spec.js';
import type { CheckOutcomeRecord } from './events.js';
import type {
  CaseCheck,
  CaseContext,
  Check,
  CheckOutcome,
  Exchange,
  ExchangeCheck,
  ExchangeContext,
  RequestValidity,
  StatusPolicy,
  TestCase,
} from './types.js';

function records(checkId: string, outcome: CheckOutcome, step?: number): CheckOutcomeRecord[] {
  const base = (r: CheckOutcomeRecord): CheckOutcomeRecord => (step !== undefined && r.step === undefined ? { ...r, step } : r);
  if (outcome === undefined || outcome === null) return [base({ checkId, status: 'passed' })];
  if ('skip' in outcome) return [base({ checkId, status: 'skipped', message: outcome.skip })];
  const failures = Array.isArray(outcome) ? outcome : [outcome];
  if (failures.length === 0) return [base({ checkId, status: 'passed' })];
  return failures.map((f) => {
    const r: CheckOutcomeRecord = { checkId, status: f.warning ? 'warning' : 'failed', message: f.message, kind: f.kind ?? 'implementation' };
    if (f.step !== undefined) r.step = f.step;
    return base(r);
  });
}

/**
 * What the case knows of the request a step sent: invalid when the step or case expects a rejection
 * (negative and out-of-bound cases) or the example is invalid against its own schema, unknown when
 * the case could not tell (a recording without its request body), valid otherwise.
 */
export function requestValidity(testCase: TestCase, step?: number): RequestValidity {
  const expectation = (step !== undefined ? testCase.steps[step]?.expect : undefined) ?? testCase.expectation;
  if (expectation === 'reject' || testCase.meta?.exampleIssues?.length) return 'invalid';
  if (testCase.meta?.situation === 'unknown') return 'unknown';
  return 'valid';
}

/** Whether a check judges answers to a request of that validity (see CheckMeta.judges). */
export function judgesRequest(check: Check, validity: RequestValidity): boolean {
  if (check.judges === 'valid') return validity === 'valid';
  if (check.judges === 'not-invalid') return validity !== 'invalid';
  return true;
}

function guarded<C>(check: Check, ctx: C, step?: number): CheckOutcomeRecord[] {
  try {
    const c = check as unknown as { applies?: (ctx: C) => boolean; run: (ctx: C) => CheckOutcome };
    if (c.applies && !c.applies(ctx)) return [];
    return records(check.id, c.run(ctx), step);
  } catch (err) {
    return [{ checkId: check.id, status: 'errored', message: `the check itself failed: ${(err as Error).message}`, ...(step !== undefined ? { step } : {}) }];
  }
}

export interface CheckRunInput {
  spec: LoadedSpec;
  operations: Map<string, Operation>;
  testCase: TestCase;
  exchanges: Exchange[];
  policy: StatusPolicy;
  secret?: string;
  checks: Check[];
}

export function runChecks(input: CheckRunInput): CheckOutcomeRecord[] {
  const out: CheckOutcomeRecord[] = [];
  const exchangeChecks = input.checks.filter((c): c is ExchangeCheck => c.scope === 'exchange');
  const caseChecks = input.checks.filter((c): c is CaseCheck => c.scope === 'case');
  input.exchanges.forEach((exchange, step) => {
    const operation = input.operations.get(input.testCase.steps[step]?.operationId ?? input.testCase.operationId);
    if (!operation) return;
    const ctx: ExchangeContext = { spec: input.spec, operation, testCase: input.testCase, step, exchange, policy: input.policy };
    if (input.secret) ctx.secret = input.secret;
    const validity = requestValidity(input.testCase, step);
    for (const check of exchangeChecks) if (judgesRequest(check, validity)) out.push(...guarded(check, ctx, input.exchanges.length > 1 ? step : undefined));
  });
  const wanted = input.testCase.caseChecks;
  const ctx: CaseContext = { spec: input.spec, testCase: input.testCase, operations: input.operations, exchanges: input.exchanges, policy: input.policy };
  if (input.secret) ctx.secret = input.secret;
  const validity = requestValidity(input.testCase);
  for (const check of caseChecks) {
    if ((wanted && !wanted.includes(check.id)) || !judgesRequest(check, validity)) continue;
    out.push(...guarded(check, ctx));
  }
  return out;
}
