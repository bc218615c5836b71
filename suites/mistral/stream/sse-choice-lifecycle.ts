// Each streamed choice opens with a delta that carries the role, has an index within n, and closes
// with exactly one finish_reason in the last event that mentions it; clients rely on all three to
// assemble messages.
import { defineFoldCheck } from '../../checks/define-stream-check.js';
import type { Failure } from '../../engine/types.js';
import { requestOf, requestedN } from '../semantic/request-of.js';
import { chunkFold } from './chunk-fold.js';

const MAX_FAILURES = 6;

export const sseChoiceLifecycle = defineFoldCheck({
  id: 'sse-choice-lifecycle',
  title: 'Streamed choice lifecycle broken',
  severity: 'high',
  description: 'First delta of each choice carries role; index within n; exactly one non-null finish_reason per choice, in the last event that mentions it.',
  category: 'streaming',
  judges: 'valid',
  fold: chunkFold,
  judge(fold, ctx) {
    const n = requestedN(requestOf(ctx.exchange));
    const failures: Failure[] = [];
    if (fold.choicesWithoutIndex > 0)
      failures.push({ message: `Received: ${fold.choicesWithoutIndex} streamed choice(s) without an integer index. Expected: every choice names its index.` });
    for (const c of [...fold.choices].sort((a, b) => a.index - b.index)) {
      const at = `choice ${c.index}`;
      if (c.index < 0 || c.index >= n) failures.push({ message: `Received: ${at}. Expected: indexes 0..${n - 1} (n = ${n}).` });
      if (c.firstDeltaRole === null)
        failures.push({ message: `Received: the first delta of ${at} (event #${c.firstEvent}) has no role. Expected: role "assistant" in the first delta.` });
      else if (c.firstDeltaRole !== 'assistant')
        failures.push({ message: `Received: role ${JSON.stringify(c.firstDeltaRole)} in the first delta of ${at}. Expected: "assistant".` });
      if (c.finishReasons.length === 0)
        failures.push({ message: `Received: no finish_reason for ${at} (last event #${c.lastEvent}). Expected: exactly one non-null finish_reason.` });
      else if (c.finishReasons.length > 1)
        failures.push({
          message: `Received: ${c.finishReasons.length} finish_reasons for ${at} (${c.finishReasons.map((f) => `${f.reason}@#${f.event}`).join(', ')}). Expected: exactly one.`,
        });
      else if (c.finishReasons[0]!.event !== c.lastEvent)
        failures.push({
          message: `Received: finish_reason for ${at} in event #${c.finishReasons[0]!.event}, but the choice has deltas up to event #${c.lastEvent}. Expected: the finish_reason in the last event of the choice.`,
        });
    }
    if (fold.untrackedChoices > 0)
      failures.push({ message: `Received: more than ${fold.choices.length} distinct choice indexes. Expected: at most n = ${n}.` });
    return failures.length ? failures.slice(0, MAX_FAILURES) : undefined;
  },
});
