// Token accounting of a JSON answer: counts are non-negative integers and total = prompt + completion
// (chat, FIM, agents, embeddings). Moderations are judged more loosely on purpose: their usage is not
// in the documented response at all, and the real API adds a fixed classifier overhead to the total
// (recorded: prompt 3 → total 94, prompt 16 → total 107, both +91 with completion 0), so there only
// total ≥ prompt + completion is required. Streams are judged by sse-usage.
import { defineCheck } from '../../checks/define-check.js';
import type { Operation } from '../../openapi/model.js';
import type { Exchange } from '../../engine/types.js';
import { isCompletionOp, isEmbeddingsOp, isModerationOp } from './endpoints.js';
import { isSuccess, judgedByCase } from './request-of.js';
import { isObject } from '../../openapi/is-object.js';
import { usageProblems } from './usage-math.js';

export const USAGE_ARITHMETIC = 'usage-arithmetic';

export function usageJudged(op: Operation): boolean {
  return isCompletionOp(op) || isEmbeddingsOp(op) || isModerationOp(op);
}

/** Problems with the usage of one JSON answer, or why it cannot be judged. */
export function judgeUsage(op: Operation, exchange: Exchange): string[] | { skip: string } {
  const body = exchange.response?.json;
  if (!isObject(body)) return { skip: 'the answer is not a JSON object' };
  if (body.usage === undefined || body.usage === null) {
    return {
      skip: isModerationOp(op)
        ? 'no usage (not documented for moderations)'
        : 'no usage block (response-schema-conformance reports the missing required field)',
    };
  }
  return usageProblems(body.usage, isModerationOp(op) ? 'at-least' : 'exact');
}

export const usageArithmetic = defineCheck({
  id: USAGE_ARITHMETIC,
  title: 'Usage token counts do not add up',
  severity: 'medium',
  description: 'usage counts are non-negative integers and total_tokens = prompt_tokens + completion_tokens (moderations: total ≥ prompt + completion).',
  category: 'semantic',
  judges: 'not-invalid',
  scope: 'exchange',
  applies: (ctx) => isSuccess(ctx.exchange) && usageJudged(ctx.operation) && ctx.exchange.response?.json !== undefined && !judgedByCase(ctx, USAGE_ARITHMETIC),
  run({ operation, exchange }) {
    const problems = judgeUsage(operation, exchange);
    if (!Array.isArray(problems)) return problems;
    return problems.length
      ? { message: `Received: ${problems.join('; ')}. Expected: non-negative integer counts with total = prompt + completion.` }
      : undefined;
  },
});
