// FIM fills the gap between prompt and suffix: the completion must not repeat the prompt (start with
// it) nor the suffix (end with it); both compared trimmed, and only when at least 4 characters long,
// so short prompts like "def" may legitimately reappear. min_tokens is a floor the server must honour
// (completion_tokens ≥ min_tokens) unless max_tokens < min_tokens makes it unreachable. A stop
// sequence may end generation early, so with `stop` set a shortfall is only a warning.
import { defineCheck } from '../../checks/define-check.js';
import type { Failure } from '../../engine/types.js';
import { completionView } from './completion-view.js';
import { isFimOp } from './endpoints.js';
import { quoted, integerField, isSuccess, requestOf, stopSequences } from './request-of.js';
import { tokenCount } from './usage-math.js';

const MIN_ECHO = 4;

export const fimCompletion = defineCheck({
  id: 'fim-completion',
  title: 'FIM completion repeats its context or ignores min_tokens',
  severity: 'medium',
  description: 'A FIM completion does not start with the prompt nor end with the suffix, and honours min_tokens.',
  category: 'semantic',
  judges: 'valid',
  scope: 'exchange',
  applies: (ctx) => isSuccess(ctx.exchange) && isFimOp(ctx.operation) && completionView(ctx.exchange) !== undefined,
  run({ exchange }) {
    const req = requestOf(exchange);
    const view = completionView(exchange)!;
    const prompt = typeof req?.prompt === 'string' ? req.prompt.trim() : '';
    const suffix = typeof req?.suffix === 'string' ? req.suffix.trim() : '';
    const failures: Failure[] = [];
    for (const choice of view.choices) {
      const content = choice.content ?? '';
      if (prompt.length >= MIN_ECHO && content.trimStart().startsWith(prompt))
        failures.push({
          message: `Received: choice ${String(choice.index)} starts with the prompt ${quoted(prompt, 40)}. Expected: only the text between prompt and suffix.`,
        });
      if (suffix.length >= MIN_ECHO && content.trimEnd().endsWith(suffix))
        failures.push({
          message: `Received: choice ${String(choice.index)} ends with the suffix ${quoted(suffix, 40)}. Expected: only the text between prompt and suffix.`,
        });
    }
    const min = integerField(req, 'min_tokens');
    const max = integerField(req, 'max_tokens');
    const used = tokenCount(view.usage, 'completion_tokens');
    if (min !== undefined && min > 0 && used !== undefined && used < min && !(max !== undefined && max < min)) {
      const stopped = stopSequences(req).length > 0;
      failures.push({
        message: `Received: completion_tokens ${used} < min_tokens ${min}${stopped ? ' (a stop sequence may have ended it)' : ''}. Expected: at least min_tokens tokens.`,
        ...(stopped ? { warning: true } : {}),
      });
    }
    return failures.length ? failures : undefined;
  },
});
