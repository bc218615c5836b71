// Usage in a stream: optional in the chunk schema, but when sent it comes once, at the end (after
// every finish_reason, on the last chunk), with total = prompt + completion. The real API puts it on
// the final chunk together with finish_reason; OpenAI-style servers send a last chunk with no choices.
import { defineFoldCheck } from '../../checks/define-stream-check.js';
import type { Failure } from '../../engine/types.js';
import { usageProblems } from '../semantic/usage-math.js';
import { chunkFold } from './chunk-fold.js';

export const sseUsage = defineFoldCheck({
  id: 'sse-usage',
  title: 'Streamed usage misplaced or inconsistent',
  severity: 'medium',
  description: 'Usage appears at most once in a stream, on the last chunk after every finish_reason, and total = prompt + completion.',
  category: 'streaming',
  fold: chunkFold,
  judge(fold) {
    if (fold.usageCount === 0) return undefined;
    const failures: Failure[] = [];
    if (fold.usageCount > 1)
      failures.push({
        message: `Received: usage in ${fold.usageCount} chunks (events #${fold.usage.map((u) => u.event).join(', #')}). Expected: usage at most once, on the last chunk.`,
      });
    const last = fold.usage[fold.usage.length - 1]!;
    const lastChunk = fold.lastEvent;
    const lastFinish = Math.max(-1, ...fold.choices.flatMap((c) => c.finishReasons.map((f) => f.event)));
    if (last.event !== lastChunk)
      failures.push({ message: `Received: usage in event #${last.event}. Expected: usage on the last chunk (event #${lastChunk}).` });
    else if (last.event < lastFinish)
      failures.push({
        message: `Received: usage in event #${last.event}, before a finish_reason in event #${lastFinish}. Expected: usage after every finish_reason.`,
      });
    const problems = usageProblems(last.value);
    if (problems.length)
      failures.push({ message: `Received: ${problems.join('; ')}. Expected: non-negative integer counts with total = prompt + completion.` });
    return failures.length ? failures : undefined;
  },
});
