// Stop sequences end generation and are not part of the answer: no returned content contains one.
// When generation ended before the token limit (the sequence stopped it), finish_reason is "stop",
// not "length": with one choice, "length" with fewer tokens than max_tokens (or no max_tokens at all)
// can only mean the server mislabelled a stop.
import { defineCheck } from '../../checks/define-check.js';
import type { Failure } from '../../engine/types.js';
import { completionView } from './completion-view.js';
import { isCompletionOp } from './endpoints.js';
import { quoted, integerField, isSuccess, requestOf, requestedN, stopSequences } from './request-of.js';
import { tokenCount } from './usage-math.js';

export const stopHonoured = defineCheck({
  id: 'stop-honoured',
  title: 'Stop sequence not honoured',
  severity: 'high',
  description: 'No returned content contains a requested stop sequence; a generation stopped before the limit finishes with "stop".',
  category: 'semantic',
  judges: 'valid',
  scope: 'exchange',
  applies: (ctx) => isSuccess(ctx.exchange) && isCompletionOp(ctx.operation) && stopSequences(requestOf(ctx.exchange)).length > 0,
  run({ exchange }) {
    const req = requestOf(exchange);
    const stops = stopSequences(req);
    const view = completionView(exchange);
    if (!view) return { skip: 'no completion to judge (cut stream or non-JSON answer)' };
    const failures: Failure[] = [];
    for (const choice of view.choices) {
      const content = choice.content ?? '';
      for (const stop of stops) {
        const at = content.indexOf(stop);
        if (at >= 0) {
          failures.push({
            message: `Received: choice ${String(choice.index)} contains the stop sequence ${JSON.stringify(stop)} at character ${at} (…${quoted(content.slice(Math.max(0, at - 20), at + stop.length + 20))}…). Expected: generation ends before a stop sequence, which is not returned.`,
          });
          break;
        }
      }
    }
    const max = integerField(req, 'max_tokens');
    const used = tokenCount(view.usage, 'completion_tokens');
    const only = view.choices.length === 1 && requestedN(req) === 1 ? view.choices[0] : undefined;
    if (only?.finishReason === 'length' && (max === undefined || (used !== undefined && used < max))) {
      const why = max === undefined ? 'without max_tokens' : `with completion_tokens ${used} < max_tokens ${max}`;
      failures.push({ message: `Received: finish_reason "length" ${why}. Expected: "stop" when a stop sequence ended the generation before the limit.` });
    }
    return failures.length ? failures : undefined;
  },
});
