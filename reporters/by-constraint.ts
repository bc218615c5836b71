// Failing negative cases grouped by the constraint they broke (`maximum`, `enum`, `required`, ...):
// a server that accepts out-of-range values shows as one row per constraint family, across
// operations, instead of one failure per operation and check. Reads the failures the results keep
// (a few per check), so counts are of recorded cases, not of every case that ran.
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
        if (!g) groups.set(constraint, (g = { constraint, cases: [], locations: [], operations: [] }));
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
  // Most-broken constraint first; ties by name so the order is stable.
  return [...groups.values()].sort((a, b) => b.cases.length - a.cases.length || a.constraint.localeCompare(b.constraint));
}
