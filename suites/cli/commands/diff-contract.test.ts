// `diff` compares two runs of one contract: runs judged against different contracts (operations
// matched by operationId, other checks and errata) are refused in one line unless asked for.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderJson } from '../../../reporters/json.js';
import { loadSample } from '../../../reporters/test-support.js';
import type { RunResults } from '../../engine/results.js';
import { UsageError } from '../errors.js';
import { tempDir } from '../test-support.js';
import { diffCommand } from './diff.js';

function reportOf(results: RunResults, contract: string | undefined, name: string): string {
  const r = structuredClone(results);
  if (contract) r.spec.contract = contract;
  else delete r.spec.contract;
  const path = join(tempDir('diff-contract-'), `${name}.json`);
  writeFileSync(path, renderJson(r));
  return path;
}

afterEach(() => vi.restoreAllMocks());

describe('diff across contracts', () => {
  it('refuses runs of different contracts, naming both, unless --allow-contract-change', async () => {
    const { results } = await loadSample();
    const base = reportOf(results, '2024-11', 'base');
    const current = reportOf(results, '2026-07', 'current');
    const refused = diffCommand([base, current]).catch((err: unknown) => err);
    const err = await refused;
    expect(err).toBeInstanceOf(UsageError);
    expect((err as Error).message).toBe(
      'Failed to compare the runs: BASE was judged against contract 2024-11 and CURRENT against contract 2026-07, so their operations and checks do not line up. Compare two runs of one contract, or pass --allow-contract-change',
    );
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    expect(await diffCommand([base, current, '--allow-contract-change'])).toBe(0);
    expect(String(out.mock.calls[0]?.[0])).toMatch(/contract 2024-11 → 2026-07\)/);
  });

  it('compares two runs of one contract, and a report without a name by its document', async () => {
    const { results } = await loadSample();
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    expect(await diffCommand([reportOf(results, '2026-07', 'a'), reportOf(results, '2026-07', 'b')])).toBe(0);
    // The sample predates contract names; its sha256 is no contract's document: both sides "another document".
    expect(await diffCommand([reportOf(results, undefined, 'c'), reportOf(results, undefined, 'd')])).toBe(0);
    expect(out).toHaveBeenCalled();
    const err = await diffCommand([reportOf(results, undefined, 'e'), reportOf(results, '2026-07', 'f')]).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/BASE was judged against a document that is no Mistral contract and CURRENT against contract 2026-07/);
  });
});
