import { describe, expect, it } from 'vitest';
import { pinnedSpecPath } from '../mistral/contracts.js';
import { loadSpec } from '../openapi/load-spec.js';
import { hashId, inShard, operationOf, parseShard, shardOf } from './shard.js';

describe('parseShard', () => {
  it.each([
    ['1/2', { index: 1, total: 2 }],
    ['4/4', { index: 4, total: 4 }],
    [' 2 / 3 ', { index: 2, total: 3 }],
    ['1/1', { index: 1, total: 1 }],
  ])('parses %s', (text, shard) => expect(parseShard(text)).toEqual(shard));

  it.each([
    ['', 'expected two whole numbers separated by /'],
    ['1', 'expected two whole numbers separated by /'],
    ['a/b', 'expected two whole numbers separated by /'],
    ['1/2/3', 'expected two whole numbers separated by /'],
    ['-1/2', 'expected two whole numbers separated by /'],
    ['1.5/2', 'expected two whole numbers separated by /'],
    ['0/2', 'the index must be between 1 and 2'],
    ['3/2', 'the index must be between 1 and 2'],
    ['1/0', 'the total must be at least 1'],
  ])('rejects %j in one line', (text, reason) => {
    expect(() => parseShard(text)).toThrow(
      `[mistral-conformance] Failed to parse shard ${JSON.stringify(text)}: ${reason}. Use <index>/<total>, e.g. --shard 1/4`,
    );
  });
});

describe('operationOf', () => {
  it.each([
    ['chat_completion_v1_chat_completions_post/positive/3', 'chat_completion_v1_chat_completions_post'],
    ['files_api_routes_upload_file/stateful/upload-download-delete', 'files_api_routes_upload_file'],
    ['GET /v1/models/negative/0', 'GET /v1/models'],
    ['list_models_v1_models_get', 'list_models_v1_models_get'],
    ['GET /v1/models/{model_id}', 'GET /v1/models/{model_id}'],
  ])('%s → %s', (item, op) => expect(operationOf(item)).toBe(op));
  it('takes a case object', () => expect(operationOf({ operationId: 'x' })).toBe('x'));
});

describe('inShard', () => {
  it('is stable: the same id always maps to the same shard', () => {
    expect(hashId('list_models_v1_models_get')).toBe(hashId('list_models_v1_models_get'));
    expect(hashId('a')).not.toBe(hashId('b'));
  });

  it('puts every case of an operation in the shard of the operation', () => {
    const shard = { index: 2, total: 3 };
    for (const op of ['a_op', 'b_op', 'c_op', 'd_op', 'e_op']) {
      const expected = inShard(op, shard);
      for (const phase of ['examples', 'negative', 'stateful']) expect(inShard(`${op}/${phase}/7`, shard)).toBe(expected);
      expect(inShard({ operationId: op }, shard)).toBe(expected);
    }
  });

  it('puts everything in a single shard or no shard', () => {
    expect(inShard('x', undefined)).toBe(true);
    expect(inShard('x', { index: 1, total: 1 })).toBe(true);
  });

  describe('on the 26 operations of the pinned spec', async () => {
    const ids = (await loadSpec(pinnedSpecPath())).operations.map((op) => op.id);

    it('has 26 operations', () => expect(ids).toHaveLength(26));

    it.each([2, 3, 4, 5, 6])('deals them to %i shards exactly once each, differing by at most one', (total) => {
      const counts = Array.from({ length: total }, (_, i) => ids.filter((id) => inShard(id, { index: i + 1, total }, ids)).length);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(26);
      expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
      for (const id of ids) expect(Array.from({ length: total }, (_, i) => inShard(id, { index: i + 1, total }, ids)).filter(Boolean)).toHaveLength(1);
    });

    it.each([2, 3, 4])('without the list, the hash alone still covers all and leaves no shard empty (%i shards)', (total) => {
      const counts = Array.from({ length: total }, (_, i) => ids.filter((id) => inShard(id, { index: i + 1, total })).length);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(26);
      expect(Math.min(...counts)).toBeGreaterThanOrEqual(Math.floor(26 / total / 3));
    });

    it('does not depend on the order of the list', () => {
      const reversed = [...ids].reverse();
      for (const id of ids) expect(shardOf(id, 4, reversed)).toBe(shardOf(id, 4, ids));
    });
  });
});
