// max_tokens is a hard limit: completion_tokens ≤ max_tokens per choice (usage sums over the n
// choices, so ≤ n × max_tokens), and finish_reason "length" means the limit cut the answer, so such
// a choice used exactly max_tokens tokens: with L choices cut, completion_tokens ≥ L × max_tokens.
// Exact, no tolerance: a server that says "length" after fewer tokens than the limit, or counts
// beyond it, reports inconsistent usage whatever its tokenizer. "stop" at exactly the limit is fine
// (the end-of-sequence token can fall on the last position). max_tokens 0 has no defined meaning: skipped.
import { defineCheck } from '../../checks/define-check.js';
import type { Failure } from '../../engine/types.js';
import { completionView } from './completion-view.js';
import { isCompletionOp } from './endpoints.js';
import { integerField, isSuccess, requestOf, requestedN } from './request-of.js';
import { tokenCount } from './usage-math.js';

export const maxTokensHonoured = defineCheck({
  id: 'max-tokens-honoured',
  title: 'max_tokens not honoured',
  severity: 'high',
  description: 'completion_tokens ≤ max_tokens (× n), and finish_reason "length" only when the limit cut the answer.',
  category: 'semantic',
  judges: 'valid',
  scope: 'exchange',
  applies: (ctx) => isSuccess(ctx.exchange) && isCompletionOp(ctx.operation) && integerField(requestOf(ctx.exchange), 'max_tokens') !== undefined,
  run({ exchange }) {
    const req = requestOf(exchange);
    const max = integerField(req, 'max_tokens')!;
    if (max <= 0) return { skip: `max_tokens ${max} has no defined behaviour` };
    const view = completionView(exchange);
    if (!view) return { skip: 'no completion to judge (cut stream or non-JSON answer)' };
    const used = tokenCount(view.usage, 'completion_tokens');
    if (used === undefined) return { skip: 'no completion_tokens in the answer' };
    const n = Math.max(requestedN(req), 1);
    const cut = view.choices.filter((c) => c.finishReason === 'length').length;
    const failures: Failure[] = [];
    const limit = n * max;
    if (used > limit)
      failures.push({ message: `Received: completion_tokens ${used}. Expected: at most max_tokens ${max}${n > 1 ? ` × n ${n} = ${limit}` : ''}.` });
    if (cut > 0 && used < cut * max) {
      failures.push({
        message: `Received: finish_reason "length" on ${cut} choice(s) with completion_tokens ${used} < ${cut > 1 ? `${cut} × ` : ''}max_tokens ${max}. Expected: "length" only when the limit cut the answer (then the choice used exactly max_tokens).`,
      });
    }
    return failures.length ? failures : undefined;
  },
});
