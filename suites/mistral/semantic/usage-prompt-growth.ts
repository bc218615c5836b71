// Case-scope part of usage-arithmetic: the same request with a longer user message must count more
// prompt tokens (a server that reports a constant or made-up prompt_tokens fails here). The probe
// sends the short prompt first and the long one second; both answers' arithmetic is judged too.
import { defineCheck } from '../../checks/define-check.js';
import type { Failure } from '../../engine/types.js';
import { caseSteps, namedByCase, unsuccessfulStep } from './case-steps.js';
import { isObject } from '../../openapi/is-object.js';
import { judgeUsage, USAGE_ARITHMETIC } from './usage-arithmetic.js';
import { tokenCount } from './usage-math.js';

export const usagePromptGrowth = defineCheck({
  id: USAGE_ARITHMETIC,
  title: 'Usage token counts do not add up or do not grow with the prompt',
  severity: 'medium',
  description: 'Counts add up on every answer, and prompt_tokens grows when the same request carries a longer prompt.',
  category: 'semantic',
  judges: 'valid',
  scope: 'case',
  applies: namedByCase(USAGE_ARITHMETIC),
  run(ctx) {
    const steps = caseSteps(ctx);
    if (steps.length < 2) return { skip: 'the case needs a short and a long prompt' };
    const unsuccessful = unsuccessfulStep(steps);
    if (unsuccessful) return { skip: unsuccessful };
    const failures: Failure[] = [];
    for (const s of steps) {
      if (!s.operation) continue;
      const problems = judgeUsage(s.operation, s.exchange);
      if (Array.isArray(problems) && problems.length)
        failures.push({ message: `Received: step ${s.step}: ${problems.join('; ')}. Expected: total = prompt + completion.`, step: s.step });
    }
    const [short, long] = steps.map((s) => tokenCount(isObject(s.exchange.response?.json) ? s.exchange.response.json.usage : undefined, 'prompt_tokens'));
    if (short === undefined || long === undefined) return failures.length ? failures : { skip: 'prompt_tokens missing from an answer' };
    if (long <= short)
      failures.push({
        message: `Received: prompt_tokens ${long} for the longer prompt vs ${short} for the shorter one. Expected: more prompt tokens for a longer prompt.`,
        step: 1,
      });
    return failures.length ? failures : undefined;
  },
});
