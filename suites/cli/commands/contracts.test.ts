import { afterEach, describe, expect, it, vi } from 'vitest';
import { CONTRACTS, DEFAULT_CONTRACT_ID } from '../../mistral/contracts.js';
import { contractsCommand, renderContracts } from './contracts.js';

afterEach(() => vi.restoreAllMocks());

describe('contracts', () => {
  it('lists every contract with its date, size and files, the default marked', () => {
    const text = renderContracts();
    for (const c of CONTRACTS) {
      expect(text).toContain(`${c.id}${c.id === DEFAULT_CONTRACT_ID ? ' (default)' : ''}  published ${c.date}, ${c.operations} operations`);
      expect(text).toContain(c.spec);
      expect(text).toContain(c.errata);
    }
  });
  it('--json gives the registry with the default flagged', async () => {
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    expect(await contractsCommand(['--json'])).toBe(0);
    const listed = JSON.parse(String(out.mock.calls[0]?.[0])) as Array<{ id: string; default: boolean }>;
    expect(listed.map((c) => c.id)).toEqual(CONTRACTS.map((c) => c.id));
    expect(listed.filter((c) => c.default).map((c) => c.id)).toEqual([DEFAULT_CONTRACT_ID]);
  });
});
