// Every chunk of one stream belongs to one completion: same id, same model.
import { defineFoldCheck } from '../../checks/define-stream-check.js';
import type { Failure } from '../../engine/types.js';
import { chunkFold } from './chunk-fold.js';

function list(values: string[], count: number): string {
  return (
    values
      .slice(0, 4)
      .map((v) => JSON.stringify(v))
      .join(', ') + (count > 4 ? ', …' : '')
  );
}

export const sseStableIdentity = defineFoldCheck({
  id: 'sse-stable-identity',
  title: 'Stream chunks change id or model',
  severity: 'medium',
  description: 'Every chunk of a stream carries the same id and the same model.',
  category: 'streaming',
  fold: chunkFold,
  judge(fold) {
    const failures: Failure[] = [];
    if (fold.idCount > 1)
      failures.push({
        message: `Received: ${fold.idCount} distinct ids across ${fold.events} chunks (${list(fold.ids, fold.idCount)}). Expected: one id on every chunk.`,
      });
    if (fold.modelCount > 1)
      failures.push({
        message: `Received: ${fold.modelCount} distinct models across ${fold.events} chunks (${list(fold.models, fold.modelCount)}). Expected: one model on every chunk.`,
      });
    return failures.length ? failures : undefined;
  },
});
