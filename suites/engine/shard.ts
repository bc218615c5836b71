// Splits a run across CI jobs. The unit is the operation: every case of an operation (and so every
// stateful chain, which belongs to the operation that starts it) lands in the same shard, and the
// split depends only on operation ids, so every job computes the same one without talking.
import { fnv1a32 } from './stable-random.js';
import type { Phase } from './types.js';

export interface Shard {
  /** 1-based, as written: `--shard 2/4` → index 2. */
  index: number;
  total: number;
}

const SHARD = /^\s*(\d+)\s*\/\s*(\d+)\s*$/;
const HINT = 'Use <index>/<total>, e.g. --shard 1/4';

export function parseShard(text: string): Shard {
  const fail = (reason: string): never => {
    throw new Error(`[mistral-conformance] Failed to parse shard ${JSON.stringify(text)}: ${reason}. ${HINT}`);
  };
  const m = SHARD.exec(text);
  if (!m) return fail('expected two whole numbers separated by /');
  const index = Number(m[1]);
  const total = Number(m[2]);
  if (!Number.isSafeInteger(total) || total < 1) return fail('the total must be at least 1');
  if (!Number.isSafeInteger(index) || index < 1 || index > total) return fail(`the index must be between 1 and ${total}`);
  return { index, total };
}

const PHASES: readonly Phase[] = ['base', 'examples', 'coverage', 'positive', 'negative', 'auth', 'semantic', 'stateful', 'probe'];
const CASE_ID = new RegExp(`^(.+)/(?:${PHASES.join('|')})/[^/]+$`);

/** The operation a case id (`<operationId>/<phase>/<n>`) or an operation id stands for. */
export function operationOf(item: string | { operationId: string }): string {
  if (typeof item !== 'string') return item.operationId;
  return CASE_ID.exec(item)?.[1] ?? item;
}

/** FNV-1a, then a final avalanche (murmur3 fmix32): stable across runs, platforms and Node versions. */
export function hashId(id: string): number {
  let h = fnv1a32(new TextEncoder().encode(id));
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Which shard (1-based) an operation belongs to. With the list of all operation ids (the spec's, the
 * same in every job), operations are ranked by hash and dealt round-robin: shards differ by at most one
 * operation. Without it, or for an id not in the list, the hash alone decides (balanced on average only).
 */
export function shardOf(item: string | { operationId: string }, total: number, operationIds?: readonly string[]): number {
  const id = operationOf(item);
  if (total <= 1) return 1;
  const rank = operationIds ? rankOf(operationIds).get(id) : undefined;
  return ((rank ?? hashId(id)) % total) + 1;
}

export function inShard(item: string | { operationId: string }, shard: Shard | undefined, operationIds?: readonly string[]): boolean {
  if (!shard || shard.total <= 1) return true;
  return shardOf(item, shard.total, operationIds) === shard.index;
}

// The ranking is computed once per list (the engine asks for every case).
const ranks = new WeakMap<readonly string[], Map<string, number>>();
function rankOf(ids: readonly string[]): Map<string, number> {
  let rank = ranks.get(ids);
  if (!rank) {
    const sorted = [...new Set(ids)].sort((a, b) => hashId(a) - hashId(b) || (a < b ? -1 : a > b ? 1 : 0));
    rank = new Map(sorted.map((id, i) => [id, i]));
    ranks.set(ids, rank);
  }
  return rank;
}
