// Baselines: known failures a team has accepted (e.g. a vendor's documented deviation). Applying one
// downgrades those failures to `accepted` (shown, not counted against the verdict) and reports
// entries that no longer match anything, so a baseline cannot silently go stale.
import { readFile } from 'node:fs/promises';
import { sumChecks, type RunResults } from '../suites/engine/results.js';
import { isFailing } from './summarize.js';

export const BASELINE_FORMAT = 'mistral-conformance-baseline';
export const BASELINE_VERSION = 1;

export interface BaselineEntry {
  operationId: string;
  checkId: string;
  reason?: string;
}

export interface Baseline {
  format: typeof BASELINE_FORMAT;
  version: number;
  entries: BaselineEntry[];
}

export interface BaselineApplied {
  /** A copy of the results with matched failures downgraded to `accepted` and the verdict recomputed. */
  results: RunResults;
  /** Entries that matched a failing check. */
  matched: BaselineEntry[];
  /** Entries whose check ran and no longer fails: remove them from the baseline. */
  stale: BaselineEntry[];
  /** Entries naming an operation or check this run did not run (skipped, filtered out or renamed). */
  unmatched: BaselineEntry[];
}

const key = (operationId: string, checkId: string): string => `${operationId}\u0000${checkId}`;

export function applyBaseline(results: RunResults, baseline: Baseline): BaselineApplied {
  const copy = structuredClone(results);
  const entries = new Map(baseline.entries.map((e) => [key(e.operationId, e.checkId), e]));
  const out: BaselineApplied = { results: copy, matched: [], stale: [], unmatched: [] };
  const seen = new Set<string>();
  for (const op of copy.operations) {
    for (const c of op.checks) {
      const entry = entries.get(key(op.operationId, c.checkId));
      if (!entry) continue;
      // A report written with a baseline already holds accepted outcomes: applying it again matches them.
      const accepted = c.outcome === 'accepted';
      const ran = c.passed + c.failed + c.warnings + c.errored + (c.accepted ?? 0) > 0;
      if (!ran) continue;
      seen.add(key(op.operationId, c.checkId));
      if (!isFailing(c) && !accepted) {
        out.stale.push(entry);
        continue;
      }
      out.matched.push(entry);
      c.accepted = (c.accepted ?? 0) + c.failed + c.errored;
      c.failed = 0;
      c.errored = 0;
      c.outcome = 'accepted';
      if (entry.reason) c.acceptedReason = entry.reason;
    }
  }
  for (const e of baseline.entries) if (!seen.has(key(e.operationId, e.checkId))) out.unmatched.push(e);
  recount(copy);
  return out;
}

/** Totals and verdict after outcomes changed; the reasons a run fails besides failures are kept. */
function recount(r: RunResults): void {
  const t = sumChecks(r.operations.flatMap((op) => op.checks));
  r.summary.checks = t;
  const unfinished = r.timings.finishedAt === undefined || (r.summary.stoppedBy ?? '').startsWith('error');
  r.summary.verdict = t.failed + t.errored > 0 || unfinished ? 'fail' : 'pass';
}

/** A baseline accepting every failing (operation, check) of a run. */
export function makeBaseline(results: RunResults, reason?: string): Baseline {
  const entries: BaselineEntry[] = [];
  for (const op of results.operations)
    for (const c of op.checks)
      if (isFailing(c) || c.outcome === 'accepted') {
        const reasonText = c.acceptedReason ?? reason;
        entries.push(
          reasonText ? { operationId: op.operationId, checkId: c.checkId, reason: reasonText } : { operationId: op.operationId, checkId: c.checkId },
        );
      }
  return { format: BASELINE_FORMAT, version: BASELINE_VERSION, entries };
}

export function renderBaseline(baseline: Baseline): string {
  return `${JSON.stringify(baseline, null, 2)}\n`;
}

function bad(source: string, reason: string): Error {
  return new Error(
    `[mistral-conformance] Failed to read baseline ${source}: ${reason}. Write one with \`--write-baseline\` or see the baseline format in the docs`,
  );
}

export function parseBaseline(text: string, source = 'baseline.json'): Baseline {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    throw bad(source, 'not JSON');
  }
  const b = v as Partial<Baseline> | null;
  if (b === null || typeof b !== 'object' || b.format !== BASELINE_FORMAT) throw bad(source, `"format" is not "${BASELINE_FORMAT}"`);
  if (b.version !== BASELINE_VERSION) throw bad(source, `unsupported version ${String(b.version)}`);
  if (!Array.isArray(b.entries)) throw bad(source, '"entries" is not an array');
  b.entries.forEach((e, i) => {
    const x = e as Partial<BaselineEntry> | null;
    if (typeof x?.operationId !== 'string' || typeof x.checkId !== 'string') throw bad(source, `entry ${i} needs string operationId and checkId`);
    if (x.reason !== undefined && typeof x.reason !== 'string') throw bad(source, `entry ${i} has a reason that is not a string`);
  });
  return b as Baseline;
}

export async function loadBaseline(path: string): Promise<Baseline> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw bad(path, (e as NodeJS.ErrnoException).code ?? 'cannot read');
  }
  return parseBaseline(text, path);
}

/** One line per stale or unmatched entry, for the console and logs. */
export function describeBaselineIssues(applied: BaselineApplied): string[] {
  return [
    ...applied.stale.map((e) => `baseline entry ${e.operationId} › ${e.checkId} is stale: the check now passes; remove it`),
    ...applied.unmatched.map((e) => `baseline entry ${e.operationId} › ${e.checkId} matched nothing this run (not run, skipped or renamed)`),
  ];
}
