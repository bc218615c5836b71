// Which operations a run covers: `--include`/`--exclude` (an operationId, a tag or `METHOD /path`),
// then this job's shard of them.
import type { Operation } from '../../openapi/model.js';
import { inShard, type Shard } from '../shard.js';
import type { RunOptions } from '../types.js';

function matches(op: Operation, patterns: string[]): boolean {
  return patterns.some((p) => p === op.id || op.tags.includes(p) || `${op.method.toUpperCase()} ${op.path}` === p);
}

export function selectOperations(operations: Operation[], options: Pick<RunOptions, 'include' | 'exclude'>): Operation[] {
  return operations.filter((op) => (options.include.length === 0 || matches(op, options.include)) && !matches(op, options.exclude));
}

/** The selected operations that fall in this shard (the split depends on every operation id of the spec). */
export function operationsToRun(operations: Operation[], options: Pick<RunOptions, 'include' | 'exclude'>, shard: Shard | undefined): Operation[] {
  const selected = selectOperations(operations, options);
  if (!shard) return selected;
  const all = operations.map((o) => o.id);
  return selected.filter((op) => inShard(op.id, shard, all));
}
