// The answer names the model that was asked for, or a documented name of it. Names come from the
// case (`meta.modelNames`: the id and aliases the models list gives the requested model); with them,
// the check is strict. Without them it accepts the requested name, or one of the same family that
// differs only by a version suffix (`mistral-small-latest` answered as `mistral-small-2409`): the
// real API echoes the requested name (`mistral-tiny` → `mistral-tiny`), but resolving an alias to a
// dated version is common and not wrong.
import { defineCheck } from '../../checks/define-check.js';
import type { ExchangeCheck } from '../../engine/types.js';
import { completionView } from './completion-view.js';
import { isCompletionOp, isEmbeddingsOp, isModerationOp } from './endpoints.js';
import { isSuccess, requestOf } from './request-of.js';
import { isObject } from '../../openapi/is-object.js';

const VERSION_SUFFIX = /-(latest|\d{4}(-\d{2}){0,2}|v\d+(\.\d+)*)$/;

export function modelFamily(name: string): string {
  return name.toLowerCase().replace(VERSION_SUFFIX, '');
}

function answeredModels(ctx: Parameters<ExchangeCheck['run']>[0]): string[] {
  if (isCompletionOp(ctx.operation)) return completionView(ctx.exchange)?.models ?? [];
  const body = ctx.exchange.response?.json;
  return isObject(body) && typeof body.model === 'string' ? [body.model] : [];
}

export const modelEcho = defineCheck({
  id: 'model-echo',
  title: 'Answer names another model',
  severity: 'low',
  description: 'The answer names the requested model or a documented alias of it.',
  category: 'semantic',
  judges: 'valid',
  scope: 'exchange',
  applies: (ctx) => {
    const op = ctx.operation;
    return isSuccess(ctx.exchange) && (isCompletionOp(op) || isEmbeddingsOp(op) || isModerationOp(op)) && typeof requestOf(ctx.exchange)?.model === 'string';
  },
  run(ctx) {
    const requested = requestOf(ctx.exchange)!.model as string;
    const models = answeredModels(ctx);
    if (models.length === 0) return { skip: 'the answer names no model (response-schema-conformance judges the field)' };
    const names = ctx.testCase.meta?.modelNames;
    const allowed = new Set([requested, ...(names ?? [])]);
    const ok = (m: string): boolean => allowed.has(m) || (names === undefined && modelFamily(m) === modelFamily(requested));
    const wrong = models.filter((m) => !ok(m));
    if (!wrong.length) return undefined;
    const expected = names
      ? `one of ${[...allowed].map((n) => JSON.stringify(n)).join(', ')} (the requested model and its documented names)`
      : `${JSON.stringify(requested)} or a version of the same model`;
    return {
      message: `Received: model ${wrong.map((m) => JSON.stringify(m)).join(', ')} for a request of ${JSON.stringify(requested)}. Expected: ${expected}.`,
    };
  },
});
