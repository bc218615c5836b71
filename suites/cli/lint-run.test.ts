import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runLintSpec } from './lint-run.js';
import { CONTRACTS, contractErrataPath, contractSpecPath, pinnedErrataPath, pinnedSpecPath } from '../mistral/contracts.js';

describe('lint-spec on the pinned Mistral spec', () => {
  it('finds the defects, and every error is fixed by an erratum', async () => {
    const r = await runLintSpec(pinnedSpecPath(), { errata: [pinnedErrataPath()] });
    const errors = r.findings.filter((f) => f.severity === 'error');
    expect(errors.length).toBeGreaterThanOrEqual(4);
    expect(errors.filter((f) => !f.fixedByErratum)).toEqual([]);
    expect(r.exitCode).toBe(0);
    expect(r.findings.map((f) => f.rule)).toEqual(
      expect.arrayContaining(['undeclared-required', 'tuple-items', 'example-invalid', 'discriminator-not-required']),
    );
  });
  it('fails without errata', async () => {
    const r = await runLintSpec(pinnedSpecPath(), { errata: [] });
    expect(r.exitCode).toBe(1);
  });
});

describe('lint-spec on every shipped contract', () => {
  for (const c of CONTRACTS) {
    it(`${c.id}: exit 0 with its errata: the document has errors, every one fixed by an erratum, none stale`, async () => {
      const r = await runLintSpec(contractSpecPath(c), { errata: [contractErrataPath(c)] });
      const errors = r.findings.filter((f) => f.severity === 'error');
      expect(errors.length).toBeGreaterThan(0);
      expect(errors.filter((f) => !f.fixedByErratum).map((f) => `${f.rule} ${f.pointer}`)).toEqual([]);
      expect(r.findings.filter((f) => f.rule === 'erratum-unmatched')).toEqual([]);
      expect(r.exitCode).toBe(0);
    });
  }
});

describe('runLintSpec exit code', () => {
  const write = async (name: string, value: unknown): Promise<string> => {
    const p = join(await mkdtemp(join(tmpdir(), 'lint-run-')), name);
    await writeFile(p, JSON.stringify(value));
    return p;
  };
  const spec = {
    openapi: '3.1.0',
    info: { title: 't', version: '1' },
    paths: {},
    components: { schemas: { A: { type: 'object', properties: { id: { type: 'string' } }, required: ['id', 'ghost'] } } },
  };

  it('runLintSpec: exit 1 while an error is open, 0 once errata fix every error', async () => {
    const path = await write('s3.json', { ...spec, components: { schemas: { A: spec.components.schemas.A } } });
    const open = await runLintSpec(path, {});
    expect(open.exitCode).toBe(1);
    expect(open.text).toContain('undeclared-required (1)');
    const fix = await write('fix.json', {
      overlay: '1.0.0',
      info: { title: 'o', version: '1' },
      actions: [{ 'x-id': 'drop-ghost', target: "$.components.schemas.A.required[?(@ == 'ghost')]", remove: true }],
    });
    const closed = await runLintSpec(path, { errata: [fix] });
    expect(closed.exitCode).toBe(0);
    expect(closed.text).toContain('[fixed by erratum drop-ghost]');
  });
});
