// `n` asks for n choices: exactly n, indexes 0..n-1 each once, each with a message and a finish_reason.
import { defineCheck } from '../../checks/define-check.js';
import { completionView } from './completion-view.js';
import { isChatLikeOp } from './endpoints.js';
import { isSuccess, requestOf, requestedN } from './request-of.js';

export const nChoices = defineCheck({
  id: 'n-choices',
  title: 'Wrong number of choices',
  severity: 'medium',
  description: 'Exactly n choices (default 1), indexes 0..n-1 each once, each with a message and a finish_reason.',
  category: 'semantic',
  judges: 'valid',
  scope: 'exchange',
  applies: (ctx) => isSuccess(ctx.exchange) && isChatLikeOp(ctx.operation) && completionView(ctx.exchange) !== undefined,
  run({ exchange }) {
    const n = requestedN(requestOf(exchange));
    const view = completionView(exchange)!;
    const problems: string[] = [];
    if (view.malformed) problems.push('choices is not an array');
    if (view.choices.length !== n) problems.push(`${view.choices.length} choice(s)`);
    const indexes = view.choices.map((c) => c.index);
    const expected = Array.from({ length: n }, (_, i) => i);
    const sorted = [...indexes].sort((a, b) => Number(a) - Number(b));
    if (JSON.stringify(sorted) !== JSON.stringify(expected)) problems.push(`indexes [${indexes.map((i) => JSON.stringify(i)).join(', ')}]`);
    const noMessage = view.choices.filter((c) => !c.hasMessage).map((c) => c.index);
    if (noMessage.length) problems.push(`no message in choice(s) ${noMessage.join(', ')}`);
    const noFinish = view.choices.filter((c) => typeof c.finishReason !== 'string').map((c) => c.index);
    if (noFinish.length) problems.push(`no finish_reason in choice(s) ${noFinish.join(', ')}`);
    if (!problems.length) return undefined;
    return {
      message: `Received: ${problems.join('; ')}. Expected: ${n} choice(s) with indexes ${expected.join(', ')}, each with a message and a finish_reason (n = ${n}).`,
    };
  },
});
