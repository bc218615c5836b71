// Facts every format states the same way: which (operation, check) pairs fail, and the one-line verdict.
import type { CheckResult, OperationResult, RunResults } from '../suites/engine/results.js';

export interface FailingCheck {
  operation: OperationResult;
  check: CheckResult;
}

export function isFailing(check: CheckResult): boolean {
  return check.outcome === 'failed' || check.outcome === 'errored';
}

/** Failing pairs, in report order (operations as run, checks by id). */
export function failingChecks(results: RunResults): FailingCheck[] {
  const out: FailingCheck[] = [];
  for (const operation of results.operations) for (const check of operation.checks) if (isFailing(check)) out.push({ operation, check });
  return out;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Operations with cases that could not be judged, and how many: `2 cases inconclusive in 1 operation`. */
export function inconclusiveNote(results: RunResults): string | undefined {
  const n = results.summary.inconclusive ?? 0;
  if (!n) return undefined;
  const ops = results.operations.filter((o) => o.inconclusive).length;
  return `${plural(n, 'case')} inconclusive in ${plural(ops, 'operation')}`;
}

/** Operations whose cases could not be judged, with the count and the first reason, for every format. */
export function inconclusiveOperations(results: RunResults): Array<{ operationId: string; cases: number; reasons: string[] }> {
  return results.operations.flatMap((o) => (o.inconclusive ? [{ operationId: o.operationId, ...o.inconclusive }] : []));
}

/** `PASS 26 operations, 1234 checks` or `FAIL 3 checks failed in 2 operations`; cases not judged are said too. */
export function verdictLine(results: RunResults): string {
  const line = verdictOnly(results);
  const note = inconclusiveNote(results);
  return note ? `${line}; ${note}` : line;
}

function verdictOnly(results: RunResults): string {
  const s = results.summary;
  const ran = s.checks.passed + s.checks.warnings + (s.checks.accepted ?? 0);
  const tested = s.operations - s.operationsSkipped;
  if (s.verdict === 'pass') {
    const extras: string[] = [];
    if (s.checks.warnings) extras.push(plural(s.checks.warnings, 'warning'));
    if (s.checks.accepted) extras.push(`${s.checks.accepted} accepted by baseline`);
    return `PASS ${plural(tested, 'operation')}, ${plural(ran, 'check')}${extras.length ? ` (${extras.join(', ')})` : ''}`;
  }
  const failing = failingChecks(results);
  const failed = failing.filter((f) => f.check.outcome === 'failed').length;
  const errored = failing.length - failed;
  const ops = new Set(failing.map((f) => f.operation.operationId)).size;
  const parts: string[] = [];
  if (failed) parts.push(`${plural(failed, 'check')} failed`);
  if (errored) parts.push(`${failed ? errored : plural(errored, 'check')} errored`);
  const why = s.stoppedBy ?? (results.timings.finishedAt === undefined ? 'run did not finish' : undefined);
  if (!parts.length) return `FAIL ${why ? `run incomplete (${why})` : 'run incomplete'}`;
  return `FAIL ${parts.join(', ')} in ${plural(ops, 'operation')}${why ? ` (run incomplete: ${why})` : ''}`;
}

export function checkTitle(results: RunResults, checkId: string): string {
  return results.checks.find((c) => c.id === checkId)?.title ?? checkId;
}

/** Pass rate of one check: passed (warnings included) over all outcomes that ran. */
export function passRate(c: Pick<CheckResult, 'passed' | 'failed' | 'warnings' | 'errored'> & { accepted?: number }): number | undefined {
  const ran = c.passed + c.failed + c.warnings + c.errored + (c.accepted ?? 0);
  return ran === 0 ? undefined : (c.passed + c.warnings) / ran;
}

export function percent(rate: number | undefined): string {
  return rate === undefined ? '–' : `${Math.round(rate * 1000) / 10}%`;
}

/** What the run judged against: `contract 2026-07`, or the document's title and version when no contract was named. */
export function contractLabel(spec: Pick<RunResults['spec'], 'contract' | 'title' | 'version'>): string {
  return spec.contract ? `contract ${spec.contract}` : `spec ${spec.title} ${spec.version}`.trim();
}
