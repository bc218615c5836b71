// response_format {type: "json_object"} guarantees JSON content ("guarantees the message the model
// generates is in JSON", ResponseFormats). A choice cut by the token limit may hold partial JSON
// legitimately and is skipped, as is one that stopped while stop sequences were requested (the
// sequence may sit inside the JSON). Valid JSON that is not an object is reported as a warning: the mode is
// named json_object, but the documented guarantee only says "JSON".
import { defineCheck } from '../../checks/define-check.js';
import type { Exchange, Failure } from '../../engine/types.js';
import { completionView } from './completion-view.js';
import { isChatLikeOp } from './endpoints.js';
import { asksStop, quoted, isSuccess, judgedByCase, requestOf } from './request-of.js';
import { isObject } from '../../openapi/is-object.js';

export const JSON_MODE = 'json-mode';

export function asksJsonMode(exchange: Exchange): boolean {
  const format = requestOf(exchange)?.response_format;
  return isObject(format) && format.type === 'json_object';
}

/** The failures of one answer (warnings included), or why it cannot be judged. */
export function judgeJsonMode(exchange: Exchange): Failure[] | { skip: string } {
  const view = completionView(exchange);
  if (!view) return { skip: 'no completion to judge (cut stream or non-JSON answer)' };
  // A requested stop sequence may end the answer inside the JSON (finish_reason "stop" either way);
  // an empty one (`stop: ""`) may end it before it starts.
  const hasStop = asksStop(requestOf(exchange));
  const judged = view.choices.filter((c) => c.finishReason !== 'length' && !(hasStop && c.finishReason === 'stop'));
  if (judged.length === 0) return { skip: 'every choice was cut by max_tokens or may have been cut by a requested stop sequence, so partial JSON is expected' };
  const failures: Failure[] = [];
  for (const choice of judged) {
    if (choice.toolCalls.length > 0 && !choice.content) continue; // a tool call answers instead of content
    const content = choice.content ?? '';
    let parsed: unknown;
    try {
      parsed = JSON.parse(content);
    } catch (err) {
      failures.push({
        message: `Received: choice ${String(choice.index)} content is not JSON (${(err as Error).message}): ${quoted(content)}. Expected: JSON content in JSON mode.`,
      });
      continue;
    }
    if (!isObject(parsed))
      failures.push({
        message: `Received: choice ${String(choice.index)} content is JSON but not an object: ${quoted(content)}. Expected: a JSON object for response_format json_object.`,
        warning: true,
      });
  }
  return failures;
}

export const jsonMode = defineCheck({
  id: JSON_MODE,
  title: 'JSON mode answer is not JSON',
  severity: 'high',
  description: 'With response_format {type: "json_object"} every choice not cut by max_tokens or a stop sequence has JSON content.',
  category: 'semantic',
  judges: 'valid',
  scope: 'exchange',
  applies: (ctx) => isSuccess(ctx.exchange) && isChatLikeOp(ctx.operation) && asksJsonMode(ctx.exchange) && !judgedByCase(ctx, JSON_MODE),
  run({ exchange }) {
    const r = judgeJsonMode(exchange);
    return Array.isArray(r) && r.length === 0 ? undefined : r;
  },
});
