// Which operations a run covers: `--include`/`--exclude` (operationIds, tags, `METHOD /path`, each
// possibly a glob: operation-glob.ts), narrowed by `--include-method` and `--include-path` (each kind of
// filter must hold: include AND method AND path, then not excluded), then this job's shard of them.
import type { Operation } from '../../openapi/model.js';
import { inShard, type Shard } from '../shard.js';
import type { RunOptions } from '../types.js';
import { globMatches, matchesAnyOperation, methodMatches } from './operation-glob.js';

export type OperationFilter = Pick<RunOptions, 'include' | 'exclude' | 'includeMethods' | 'includePaths'>;

export function selectOperations(operations: Operation[], filter: OperationFilter): Operation[] {
  const { include, exclude, includeMethods = [], includePaths = [] } = filter;
  return operations.filter(
    (op) =>
      (include.length === 0 || matchesAnyOperation(op, include)) &&
      (includeMethods.length === 0 || includeMethods.some((m) => methodMatches(m, op.method))) &&
      (includePaths.length === 0 || includePaths.some((p) => globMatches(p.trim(), op.path))) &&
      !matchesAnyOperation(op, exclude),
  );
}

/** The selected operations that fall in this shard (the split depends on every operation id of the spec). */
export function operationsToRun(operations: Operation[], filter: OperationFilter, shard: Shard | undefined): Operation[] {
  const selected = selectOperations(operations, filter);
  if (!shard) return selected;
  const all = operations.map((o) => o.id);
  return selected.filter((op) => inShard(op.id, shard, all));
}
