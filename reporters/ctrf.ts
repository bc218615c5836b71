// CTRF (Common Test Report Format, https://ctrf.io): the tool-neutral JSON that test-report Actions and
// dashboards read. One test per (operation, check), as in JUnit, plus one per operation that was not
// tested. CTRF has five statuses; ours map onto them without losing what they were (rawStatus keeps it):
//   passed                      → passed
//   failed, errored             → failed   (both fail the run; rawStatus tells them apart)
//   skipped, operation skipped  → skipped  (did not run, with the reason as message)
//   warning, accepted by a baseline, inconclusive, not implemented, any outcome added later → other
//     (ran, and neither passed nor failed the run)
import type { CheckResult, OperationResult, RunResults } from '../suites/engine/results.js';
import { escapeJsonControls } from './control-chars.js';
import type { RenderOptions } from './render-options.js';
import { sanitizeResults } from './sanitize.js';
import { checkTitle } from './summarize.js';
import { failureText } from './text-format.js';

/** The CTRF specification version written (the `ctrf` 0.3.0 package's schema, spec 0.0). */
export const CTRF_SPEC_VERSION = '0.0.0';

export type CtrfStatus = 'passed' | 'failed' | 'skipped' | 'pending' | 'other';

export interface CtrfTest {
  name: string;
  status: CtrfStatus;
  duration: number;
  testId: string;
  rawStatus: string;
  suite: string[];
  message?: string;
  trace?: string;
  tags?: string[];
  labels?: Record<string, string | number | boolean>;
  extra?: Record<string, unknown>;
}

export interface CtrfReport {
  reportFormat: 'CTRF';
  specVersion: string;
  runId: string;
  timestamp?: string;
  generatedBy: string;
  results: {
    tool: { name: string; version: string };
    summary: {
      tests: number;
      passed: number;
      failed: number;
      skipped: number;
      pending: number;
      other: number;
      suites: number;
      start: number;
      stop: number;
      duration: number;
      extra: Record<string, unknown>;
    };
    tests: CtrfTest[];
    environment: { reportName: string; appName: string; extra: Record<string, unknown> };
  };
}

/** Our outcome → CTRF's status. Unknown outcomes (added later) are `other`, never a silent pass. */
export function ctrfStatus(outcome: string): CtrfStatus {
  switch (outcome) {
    case 'passed':
      return 'passed';
    case 'failed':
    case 'errored':
      return 'failed';
    case 'skipped':
      return 'skipped';
    default:
      return 'other';
  }
}

function counts(c: CheckResult): Record<string, number> {
  const out: Record<string, number> = { passed: c.passed, failed: c.failed, warnings: c.warnings, errored: c.errored, skipped: c.skipped };
  if (c.accepted) out.accepted = c.accepted;
  if (c.otherCauses) out.otherCauses = c.otherCauses;
  return out;
}

function checkTest(results: RunResults, op: OperationResult, c: CheckResult): CtrfTest {
  const meta = results.checks.find((m) => m.id === c.checkId);
  const title = checkTitle(results, c.checkId);
  const test: CtrfTest = {
    name: `${op.method} ${op.path} › ${c.checkId}`,
    status: ctrfStatus(c.outcome),
    duration: 0,
    testId: `${op.operationId}/${c.checkId}`,
    rawStatus: c.outcome,
    suite: [op.area, `${op.method} ${op.path} (${op.operationId})`],
    labels: { operationId: op.operationId, method: op.method, path: op.path, checkId: c.checkId, title },
    extra: { counts: counts(c) },
  };
  if (meta) {
    test.tags = [meta.category, meta.severity];
    test.labels = { ...test.labels, category: meta.category, severity: meta.severity };
  }
  const first = c.failures[0];
  if (c.outcome === 'skipped') test.message = c.skipReasons.join('; ') || 'not applicable';
  else if (first) test.message = `${title}: ${first.message}`;
  if (c.outcome === 'accepted') test.message = `known failure accepted by baseline${c.acceptedReason ? `: ${c.acceptedReason}` : ''}`;
  if (c.failures.length) test.trace = c.failures.map((f) => failureText(f)).join('\n\n');
  return test;
}

/** Operations that produced no check result of their own: skipped, or (when a reducer says so) not implemented or inconclusive. */
function operationTests(op: OperationResult): CtrfTest[] {
  const base = {
    duration: 0,
    suite: [op.area, `${op.method} ${op.path} (${op.operationId})`],
    labels: { operationId: op.operationId, method: op.method, path: op.path },
  };
  const name = `${op.method} ${op.path}`;
  const tests: CtrfTest[] = [];
  if (op.skipped)
    tests.push({
      ...base,
      name: `${name} › (operation)`,
      testId: `${op.operationId}/(operation)`,
      status: 'skipped',
      rawStatus: 'skipped',
      message: op.skipped,
    });
  const extra = op as OperationResult & { capability?: string; capabilityEvidence?: string; inconclusive?: { cases: number; reasons: string[] } };
  if (extra.capability === 'not-implemented')
    tests.push({
      ...base,
      name: `${name} › (implemented)`,
      testId: `${op.operationId}/(implemented)`,
      status: 'other',
      rawStatus: 'not-implemented',
      message: extra.capabilityEvidence ?? 'the target does not implement this operation',
    });
  if (extra.inconclusive?.cases)
    tests.push({
      ...base,
      name: `${name} › (inconclusive cases)`,
      testId: `${op.operationId}/(inconclusive)`,
      status: 'other',
      rawStatus: 'inconclusive',
      message: `${extra.inconclusive.cases} cases could not be judged: ${extra.inconclusive.reasons.join('; ')}`,
    });
  return tests;
}

export function toCtrf(results: RunResults, opts: RenderOptions = {}): CtrfReport {
  const r = sanitizeResults(results, opts);
  const tests = r.operations.flatMap((op) => [...operationTests(op), ...op.checks.map((c) => checkTest(r, op, c))]);
  const count = (s: CtrfStatus): number => tests.filter((t) => t.status === s).length;
  const start = Date.parse(r.timings.startedAt);
  const stop = r.timings.finishedAt ? Date.parse(r.timings.finishedAt) : start + (r.timings.durationMs ?? 0);
  const s = r.summary;
  return {
    reportFormat: 'CTRF',
    specVersion: CTRF_SPEC_VERSION,
    runId: r.runId,
    ...(r.timings.finishedAt ? { timestamp: r.timings.finishedAt } : {}),
    generatedBy: `${r.tool.name} ${r.tool.version}`,
    results: {
      tool: { name: r.tool.name, version: r.tool.version },
      summary: {
        tests: tests.length,
        passed: count('passed'),
        failed: count('failed'),
        skipped: count('skipped'),
        pending: 0,
        other: count('other'),
        suites: r.operations.length,
        start: Number.isFinite(start) ? start : 0,
        stop: Number.isFinite(stop) ? stop : 0,
        duration: Math.round(r.timings.durationMs ?? 0),
        // The run's own verdict: CTRF readers count tests, but only this says whether the gate passed.
        extra: {
          verdict: s.verdict,
          complete: s.complete,
          ...(s.stoppedBy ? { stoppedBy: s.stoppedBy } : {}),
          cases: s.cases,
          requests: s.requests,
          checks: s.checks,
        },
      },
      tests,
      environment: {
        reportName: `${r.tool.name} ${r.targetName ?? r.target}`,
        appName: r.targetName ?? r.target,
        extra: { target: r.target, seed: r.seed, spec: { title: r.spec.title, version: r.spec.version, sha256: r.spec.sha256 } },
      },
    },
  };
}

export function renderCtrf(results: RunResults, opts: RenderOptions = {}): string {
  // Raw C1 and bidi characters a target sent become \u escapes of the same values (as in report.json).
  return `${escapeJsonControls(JSON.stringify(toCtrf(results, opts), null, 2))}\n`;
}
