import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../openapi/load-spec.js';
import {
  CONTRACTS,
  contractById,
  contractErrataPath,
  contractLocation,
  contractOfSpec,
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

describe('choosing a contract', () => {
  it('by name, the default without one, any other document by spec (no contract named)', () => {
    const named = contractLocation({ contract: '2026-07' });
    expect(named).toEqual({
      location: contractSpecPath(requireContract('2026-07')),
      overlays: [contractErrataPath(requireContract('2026-07'))],
      contract: '2026-07',
    });
    expect(contractLocation({}).contract).toBe(DEFAULT_CONTRACT_ID);
    expect(contractLocation({ spec: '/tmp/other.yaml' })).toEqual({ location: '/tmp/other.yaml', overlays: [] });
  });
  it('refuses both a contract and a spec, and an unknown name, in one line naming the way out', () => {
    expect(() => contractLocation({ contract: '2026-07', spec: 'x.yaml' })).toThrow(
      /^\[mistral-conformance\] Failed to choose the contract: both a contract \(2026-07\) and a spec \(x\.yaml\) were given\. Give --contract NAME/,
    );
    expect(() => contractLocation({ contract: '2025-01' })).toThrow(
      /unknown contract "2025-01" \(known: 2024-11, 2026-07\)\. Run mistral-conformance contracts$/,
    );
  });
  it("recognises a report's contract by name, or by its document's sha256 for reports that predate the name", async () => {
    expect(contractOfSpec({ contract: '2026-07', sha256: 'x' })).toBe('2026-07');
    for (const c of CONTRACTS) expect(contractOfSpec({ sha256: (await loadSpec(contractSpecPath(c))).info.sha256 })).toBe(c.id);
    expect(contractOfSpec({ sha256: '0'.repeat(64) })).toBeUndefined();
    expect(contractOfSpec({})).toBeUndefined();
  });
});
