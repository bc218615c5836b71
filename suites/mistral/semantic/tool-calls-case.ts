// Case-scope tool-calls. Two probe shapes (meta.property):
// - "tool-choice-repeat": k identical forced-call requests; forcing is contractual, so pass^k decides
//   (pass@k reported).
// - "tool-result": step 0 forces a call, step 1 sends back the assistant message with its tool_calls
//   plus a `tool` message answering it; step 1 must be accepted (2xx). Both answers are judged too.
import { defineCheck } from '../../checks/define-check.js';
import type { Failure } from '../../engine/types.js';
import { caseSteps, namedByCase } from './case-steps.js';
import { describePassK, passK } from './pass-k.js';
import { isSuccess } from './request-of.js';
import { judgeToolCalls, TOOL_CALLS } from './tool-calls.js';

export const toolCallsCase = defineCheck({
  id: TOOL_CALLS,
  title: 'Tool calls unusable, not forced, or tool result refused',
  severity: 'high',
  description: 'Forced tool calls hold on every one of k repetitions (pass^k), and a tool result sent back is accepted.',
  category: 'semantic',
  judges: 'valid',
  scope: 'case',
  applies: namedByCase(TOOL_CALLS),
  run(ctx) {
    const steps = caseSteps(ctx);
    const judged: Array<{ step: number; hard: Failure[]; warnings: Failure[] }> = [];
    for (const s of steps) {
      if (!isSuccess(s.exchange)) continue;
      const r = judgeToolCalls(ctx.spec, s.operation, s.exchange);
      if (!Array.isArray(r)) continue;
      judged.push({
        step: s.step,
        hard: r.filter((f) => !f.warning).map((f) => ({ ...f, step: s.step })),
        warnings: r.filter((f) => f.warning).map((f) => ({ ...f, step: s.step })),
      });
    }
    const warnings = judged.flatMap((j) => j.warnings).slice(0, 2);
    if (ctx.testCase.meta?.property === 'tool-result') {
      const failures = judged.flatMap((j) => j.hard);
      const first = steps[0];
      if (!first || !isSuccess(first.exchange)) return { skip: `the tool call step was answered ${first?.exchange.response?.status ?? 'with nothing'}` };
      const followUp = steps[1];
      if (!followUp) {
        if (!failures.length)
          failures.push({
            message: 'Received: no tool call to answer, so the tool result was not sent. Expected: a tool call (tool_choice forces one).',
            step: 0,
          });
      } else if (!isSuccess(followUp.exchange)) {
        failures.push({
          message: `Received: ${followUp.exchange.response?.status ?? followUp.exchange.error?.kind ?? 'no answer'} for the request that sends the tool result back. Expected: 2xx: an assistant message with tool_calls followed by a tool message is a valid conversation.`,
          step: 1,
        });
      }
      return failures.length ? [...failures.slice(0, 3), ...warnings] : warnings.length ? warnings : undefined;
    }
    if (judged.length === 0) return { skip: 'no repetition could be judged (every answer was an error)' };
    const score = passK(judged.map((j) => j.hard.length === 0));
    if (score.passHat) return warnings.length ? warnings : undefined;
    const first = judged.find((j) => j.hard.length)!.hard[0]!;
    return [{ ...first, message: `${describePassK(score)}. First failure, step ${first.step}: ${first.message}` }, ...warnings];
  },
});
