// Small helpers shared by checks: a typed identity for definitions, and status helpers.
import type { CaseCheck, ExchangeCheck, ExchangeContext, StatusSituation } from '../engine/types.js';

export const defineExchangeCheck = (check: Omit<ExchangeCheck, 'scope'>): ExchangeCheck => ({ scope: 'exchange', ...check });
export const defineCaseCheck = (check: Omit<CaseCheck, 'scope'>): CaseCheck => ({ scope: 'case', ...check });

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
