// Failing negative cases grouped by the constraint they broke (`maximum`, `enum`, `required`, ...):
// a server that accepts out-of-range values shows as one row per constraint family, across
// operations, instead of one failure per operation and check. Counts are of every failing case (the
// results tally them all); the cases listed are the samples the results keep, one per cause.
import type { FailureRecord, RunResults } from '../suites/engine/results.js';
import { isFailing } from './summarize.js';

export interface ConstraintCase {
  caseId: string;
  operationId: string;
  location: string;
  detail: string;
  /** Checks that failed on this case. */
  checks: string[];
  /** Status the server answered (last exchange of the failing step), when it answered. */
  status?: number;
  curl?: string;
}

export interface ConstraintGroup {
  constraint: string;
  /** Every failing case that broke this constraint (of checks that still fail: not baseline-accepted). */
  failingCases: number;
  /** Sample cases (one per cause). */
  cases: ConstraintCase[];
  /** Distinct locations (`body.temperature`) and operations, in first-seen order. */
  locations: string[];
  operations: string[];
}

function statusOf(f: FailureRecord): number | undefined {
  const ex = f.step !== undefined ? f.exchanges[f.step] : f.exchanges[f.exchanges.length - 1];
  return ex?.response?.status;
}

export function failuresByConstraint(results: RunResults): ConstraintGroup[] {
  const groups = new Map<string, ConstraintGroup>();
  const byCase = new Map<string, ConstraintCase>();
  for (const op of results.operations) {
    for (const check of op.checks) {
      // Accepted (baseline) and warning-only checks do not fail the run: they are not shown here.
      if (!isFailing(check)) continue;
      for (const f of check.failures) {
        if (!f.violation || f.status === 'warning') continue;
        const known = byCase.get(f.caseId);
        if (known) {
          if (!known.checks.includes(check.checkId)) known.checks.push(check.checkId);
          continue;
        }
        const { constraint, location, detail } = f.violation;
        let g = groups.get(constraint);
        if (!g) groups.set(constraint, (g = { constraint, failingCases: 0, cases: [], locations: [], operations: [] }));
        const c: ConstraintCase = { caseId: f.caseId, operationId: op.operationId, location, detail, checks: [check.checkId] };
        const status = statusOf(f);
        if (status !== undefined) c.status = status;
        const curl = f.reproduction?.curl[f.step ?? f.reproduction.curl.length - 1];
        if (curl) c.curl = curl;
        g.cases.push(c);
        byCase.set(f.caseId, c);
        if (!g.locations.includes(location)) g.locations.push(location);
        if (!g.operations.includes(op.operationId)) g.operations.push(op.operationId);
      }
    }
  }
  countAll(results, groups);
  // Most-broken constraint first; ties by name so the order is stable.
  return [...groups.values()].sort((a, b) => b.failingCases - a.failingCases || a.constraint.localeCompare(b.constraint));
}

/**
 * Failing cases per constraint from the results' tally of every case (operations without one, from an
 * older report, count their samples); the tally's locations and operations join the samples'.
 */
function countAll(results: RunResults, groups: Map<string, ConstraintGroup>): void {
  const tallied = new Set<string>();
  const counts = new Map<string, number>();
  for (const op of results.operations) {
    if (!op.brokenConstraints) continue;
    tallied.add(op.operationId);
    const failing = new Set(op.checks.filter(isFailing).map((c) => c.checkId));
    for (const b of op.brokenConstraints) {
      if (!b.checks.some((c) => failing.has(c))) continue;
      let g = groups.get(b.constraint);
      if (!g) groups.set(b.constraint, (g = { constraint: b.constraint, failingCases: 0, cases: [], locations: [], operations: [] }));
      if (!g.locations.includes(b.location)) g.locations.push(b.location);
      if (!g.operations.includes(op.operationId)) g.operations.push(op.operationId);
      counts.set(b.constraint, (counts.get(b.constraint) ?? 0) + b.cases);
    }
  }
  for (const g of groups.values()) g.failingCases = (counts.get(g.constraint) ?? 0) + g.cases.filter((c) => !tallied.has(c.operationId)).length;
}
