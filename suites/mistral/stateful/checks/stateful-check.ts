// The frame every stateful check shares: it applies to stateful cases that carry step roles, walks the
// exchanges with their roles, and turns the judge's findings into Failures that name the step.
import type { CaseCheck, CaseContext, CheckMeta, CheckOutcome, Exchange, Failure } from '../../../engine/types.js';
import type { StepRole } from '../meta.js';
import { defineCheck } from '../../../checks/define-check.js';

export interface StepView {
  index: number;
  role: StepRole;
  exchange: Exchange;
  label: string;
}

export interface Finding {
  step: number;
  message: string;
  warning?: boolean;
}

export interface JudgeInput {
  ctx: CaseContext;
  steps: StepView[];
  /** The step with this index, if it ran. */
  at(index: number): StepView | undefined;
}

export type Judge = (input: JudgeInput) => Finding[] | { skip: string };

export function statefulCheck(meta: Omit<CheckMeta, 'category'>, judge: Judge): CaseCheck {
  return defineCheck({
    ...meta,
    category: 'stateful',
    scope: 'case',
    applies: (ctx) => ctx.testCase.phase === 'stateful' && ctx.testCase.meta?.stateful !== undefined,
    run(ctx): CheckOutcome {
      const roles = ctx.testCase.meta?.stateful?.roles ?? [];
      const steps: StepView[] = [];
      ctx.exchanges.forEach((exchange, index) => {
        const role = roles[index];
        if (role) steps.push({ index, role, exchange, label: ctx.testCase.steps[index]?.label ?? `step ${index}` });
      });
      const byIndex = new Map(steps.map((s) => [s.index, s]));
      const verdict = judge({ ctx, steps, at: (i) => byIndex.get(i) });
      if (!Array.isArray(verdict)) return verdict;
      return verdict.map((f): Failure => {
        const label = byIndex.get(f.step)?.label ?? `step ${f.step}`;
        const failure: Failure = { message: `Step ${f.step} (${label}): ${f.message}`, kind: 'implementation', step: f.step };
        if (f.warning) failure.warning = true;
        return failure;
      });
    },
  });
}

/** Judges return this when no step of the chain concerns them (the chain stopped early, or has none). */
export function nothingToJudge(what: string): { skip: string } {
  return { skip: `no ${what} in this chain` };
}
