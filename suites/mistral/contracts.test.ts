import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../openapi/load-spec.js';
import {
  CONTRACTS,
  contractById,
  contractErrataPath,
  contractSpecPath,
  DEFAULT_CONTRACT_ID,
  pinnedErrataPath,
  pinnedSpecPath,
  requireContract,
} from './contracts.js';

describe('the contracts registry', () => {
  it('names each contract once, with its files present, and the default among them', () => {
    expect(new Set(CONTRACTS.map((c) => c.id)).size).toBe(CONTRACTS.length);
    for (const c of CONTRACTS) {
      expect(c.id).toMatch(/^\d{4}-\d{2}$/);
      expect(c.date.startsWith(c.id), c.id).toBe(true);
      expect(existsSync(contractSpecPath(c)), c.spec).toBe(true);
      expect(existsSync(contractErrataPath(c)), c.errata).toBe(true);
    }
    expect(contractById(DEFAULT_CONTRACT_ID)).toBeDefined();
    expect(contractById('1999-01')).toBeUndefined();
    expect(() => requireContract('1999-01')).toThrow(/unknown contract "1999-01" \(known: 2024-11, 2026-07\)/);
  });

  it('the pinned-path aliases are the default contract files', () => {
    const d = requireContract(DEFAULT_CONTRACT_ID);
    expect(pinnedSpecPath()).toBe(contractSpecPath(d));
    expect(pinnedErrataPath()).toBe(contractErrataPath(d));
  });

  it('SOURCE.md records every contract with its upstream commit', () => {
    const source = readFileSync(contractSpecPath(CONTRACTS[0]!).replace(/[^/]+$/, 'SOURCE.md'), 'utf8');
    for (const c of CONTRACTS) {
      const row = source.split('\n').find((l) => l.startsWith(`| \`${c.id}\``));
      expect(row, c.id).toBeDefined();
      expect(row).toContain(c.upstream.commit);
      expect(row).toContain(c.spec.split('/').pop());
      expect(row).toContain(c.errata.split('/').pop());
    }
  });

  for (const c of CONTRACTS) {
    it(`${c.id}: loads with its errata; operation count, info.version and every erratum match the document`, async () => {
      const spec = await loadSpec(contractSpecPath(c), { overlays: [contractErrataPath(c)] });
      expect(spec.operations).toHaveLength(c.operations);
      expect(spec.info.version).toBe(c.infoVersion);
      expect(spec.errata.length).toBeGreaterThan(0);
      // An erratum that matches nothing has silently stopped applying (the document moved under it).
      expect(spec.errata.filter((e) => e.matched === 0).map((e) => e.id)).toEqual([]);
      expect(new Set(spec.errata.map((e) => e.id)).size).toBe(spec.errata.length);
      for (const e of spec.errata) expect(e.evidence.length, e.id).toBeGreaterThan(0);
    });
  }
});
