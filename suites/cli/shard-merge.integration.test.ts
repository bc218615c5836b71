// Issue 9, sharding in CI: `run --shard 1/2` and `--shard 2/2` (same seed), merged with `merge`, give
// the verdicts of the unsharded run: same operations, same checks, same outcomes and counts.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReferenceServer, type ReferenceServer } from '../../fixtures/reference-server/index.js';
import type { RunResults } from '../engine/results.js';
import { makeTempDir, readReport, runCli, verdictTable, type CliRun } from './integration-support.js';

const KEY = 'sk-shard-test-2828';
const servers: ReferenceServer[] = [];
let temp: { dir: string; remove: () => Promise<void> };
let whole: RunResults;
let merged: RunResults;
let shards: RunResults[];
let mergeRun: CliRun;

async function runShard(server: ReferenceServer, name: string, extra: string[]): Promise<RunResults> {
  const dir = join(temp.dir, name);
  // The spec's example of DELETE /v1/models/{model_id} names the fine-tuned model the reference server
  // seeds, so that case deletes it and the model operations' outcomes would depend on which ran first,
  // even between two unsharded runs. Left out, the target answers the same whatever the order.
  const r = await runCli([
    'run',
    '--target',
    server.url,
    '--api-key-env',
    'MC_SHARD_KEY',
    '--report-dir',
    dir,
    '--quiet',
    '--seed',
    '11',
    '--runs',
    '3',
    '--exclude',
    'delete_model_v1_models__model_id__delete',
    ...extra,
  ]);
  expect(r.code, r.stderr).not.toBe(2);
  return readReport(dir);
}

beforeAll(async () => {
  process.env.MC_SHARD_KEY = KEY;
  temp = await makeTempDir('shard');
  // Shards of one CI run test the same server (merge refuses logs of different targets); the
  // unsharded run gets a fresh one, as the shards' server starts fresh too.
  const [forWhole, forShards] = [await startReferenceServer({ apiKey: KEY }), await startReferenceServer({ apiKey: KEY })];
  servers.push(forWhole, forShards);
  whole = await runShard(forWhole, 'whole', []);
  shards = [await runShard(forShards, 's1', ['--shard', '1/2']), await runShard(forShards, 's2', ['--shard', '2/2'])];
  mergeRun = await runCli(['merge', join(temp.dir, 's1', 'events.ndjson'), join(temp.dir, 's2', 'events.ndjson'), '--out', join(temp.dir, 'merged')]);
  if (mergeRun.code === 2) throw new Error(`merge failed: ${mergeRun.stderr}`);
  merged = await readReport(join(temp.dir, 'merged'));
}, 180_000);

afterAll(async () => {
  delete process.env.MC_SHARD_KEY;
  await Promise.all(servers.map((s) => s.close()));
  await temp?.remove();
});

describe('two shards merged', () => {
  it('each shard ran a real, disjoint part of the operations', () => {
    const ran = (r: RunResults): string[] => r.operations.filter((o) => o.cases > 0).map((o) => o.operationId);
    const [a, b] = [ran(shards[0]!), ran(shards[1]!)];
    expect(a.length).toBeGreaterThan(0);
    expect(b.length).toBeGreaterThan(0);
    expect(a.filter((id) => b.includes(id))).toEqual([]);
    expect(shards[0]!.shard).toEqual({ index: 1, total: 2 });
  });

  it('merge succeeds and gives the unsharded verdict', () => {
    expect(mergeRun.code, mergeRun.stderr).toBe(whole.summary.verdict === 'pass' ? 0 : 1);
    expect(merged.summary.verdict).toBe(whole.summary.verdict);
    expect(merged.summary.complete).toBe(true);
  });

  it('has the same operations, checks, outcomes and counts as the unsharded run', () => {
    expect(merged.operations.map((o) => o.operationId).sort()).toEqual(whole.operations.map((o) => o.operationId).sort());
    expect(verdictTable(merged)).toEqual(verdictTable(whole));
    expect(merged.summary.cases).toBe(whole.summary.cases);
    expect(merged.summary.checks).toEqual(whole.summary.checks);
    const cases = (r: RunResults): Record<string, number> => Object.fromEntries(r.operations.map((o) => [o.operationId, o.cases]));
    expect(cases(merged)).toEqual(cases(whole));
  });
});
