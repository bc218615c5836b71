// What a run has done so far, for its progress line: operations and cases done, failures, warnings,
// and (once the plan is known) the share done and an estimate of the time left.
import type { CaseFinished } from '../../engine/events.js';
import { formatDuration } from './format-duration.js';

export interface ProgressStatus {
  parts: string[];
  /** Share of the planned cases done (0..1), when the plan is known. */
  fraction?: number;
}

export class ProgressTally {
  private startedAt: number;
  private opsTotal = 0;
  private byOperation: Record<string, number> | undefined;
  private readonly opCases = new Map<string, number>();
  private readonly skipped = new Set<string>();
  private cases = 0;
  private failed = 0;
  private warned = 0;

  constructor(
    private readonly now: () => number,
    private totalCases: number | undefined,
  ) {
    this.startedAt = now();
  }

  started(operations: number): void {
    this.startedAt = this.now();
    this.opsTotal = operations;
  }

  caseFinished(event: CaseFinished): void {
    this.cases++;
    this.opCases.set(event.operationId, (this.opCases.get(event.operationId) ?? 0) + 1);
    if (event.outcomes.some((o) => o.status === 'failed' || o.status === 'errored')) this.failed++;
    else if (event.outcomes.some((o) => o.status === 'warning')) this.warned++;
  }

  operationSkipped(operationId: string): void {
    this.skipped.add(operationId);
  }

  /** A run that ran everything it planned without saying so has done all its cases. */
  finished(notRun: number | undefined): void {
    if (this.totalCases === undefined && notRun === undefined) this.totalCases = this.cases;
  }

  /** Totals learnt after the run started (the plan): enables the bar, the estimate and operations done. */
  setTotals(totals: { cases?: number; casesByOperation?: Record<string, number> }): void {
    if (totals.casesByOperation) {
      this.byOperation = totals.casesByOperation;
      this.totalCases ??= Object.values(this.byOperation).reduce((a, b) => a + b, 0);
    }
    if (totals.cases !== undefined) this.totalCases = totals.cases;
  }

  status(): ProgressStatus {
    const elapsed = this.now() - this.startedAt;
    const total = this.totalCases;
    const parts = [`ops ${this.opsDone()}/${this.opsTotal}`, total ? `cases ${this.cases}/${total}` : `cases ${this.cases}`, `${this.failed} failed`];
    if (this.warned) parts.push(`${this.warned} warned`);
    parts.push(formatDuration(elapsed));
    if (!total) return { parts };
    if (this.cases > 0 && this.cases < total) parts.push(`~${formatDuration((elapsed / this.cases) * (total - this.cases))} left`);
    return { parts, fraction: Math.min(1, this.cases / total) };
  }

  private opsDone(): number {
    let done = this.skipped.size;
    for (const [op, n] of this.opCases) {
      if (this.skipped.has(op)) continue;
      // Without the plan an operation counts once it has started; with it, once all its cases ran.
      const planned = this.byOperation?.[op];
      if (planned === undefined || n >= planned) done++;
    }
    return done;
  }
}
