// The one way to write a check, and the status helpers checks share. A check is data (id, title,
// severity, category, description) plus pure functions: `scope: 'exchange'` judges one exchange at a
// time, `scope: 'case'` the exchanges of a whole case. Every shipped check is built here (directly, or
// through defineStreamCheck / defineFoldCheck / a suite's own factory), which a test holds it to.
import type { CaseCheck, Check, ExchangeCheck, ExchangeContext, StatusSituation } from '../engine/types.js';

const DEFINED = new WeakSet<Check>();

export function defineCheck(check: ExchangeCheck): ExchangeCheck;
export function defineCheck(check: CaseCheck): CaseCheck;
export function defineCheck(check: Check): Check {
  DEFINED.add(check);
  return check;
}

/** Whether `check` was built with defineCheck (tests hold every shipped check to it). */
export const isDefinedCheck = (check: Check): boolean => DEFINED.has(check);

export const is2xx = (s: number): boolean => s >= 200 && s < 300;
export const is4xx = (s: number): boolean => s >= 400 && s < 500;
export const is5xx = (s: number): boolean => s >= 500 && s < 600;

/** Why the request of this exchange could not succeed, as the case that sent it knows. */
export function situationOf(ctx: ExchangeContext): StatusSituation {
  const step = ctx.testCase.steps[ctx.step];
  const request = step && typeof step.request === 'object' ? step.request : undefined;
  if (request?.auth.kind === 'none') return 'no-credentials';
  if (request?.auth.kind === 'invalid') return 'invalid-credentials';
  if (step?.situation) return step.situation;
  const expectation = step?.expect ?? ctx.testCase.expectation;
  if (expectation === 'reject') return 'invalid-input';
  return ctx.testCase.meta?.situation ?? 'valid';
}

export function expectationOf(ctx: ExchangeContext): 'accept' | 'reject' | 'any' {
  return ctx.testCase.steps[ctx.step]?.expect ?? ctx.testCase.expectation;
}

/** The auth mode the step used; a step built by a function (stateful chains) counts as `default`. */
export function authKindOf(ctx: ExchangeContext): 'default' | 'none' | 'invalid' {
  const step = ctx.testCase.steps[ctx.step];
  if (step && typeof step.request === 'object') return step.request.auth.kind;
  return 'default';
}
