import { describe, expect, it } from 'vitest';
import { runLintSpec } from './lint.js';
import { pinnedErrataPath, pinnedSpecPath } from './paths.js';

describe('lint-spec on the pinned Mistral spec', () => {
  it('finds the defects, and every error is fixed by an erratum', async () => {
    const r = await runLintSpec(pinnedSpecPath(), { errata: [pinnedErrataPath()] });
    const errors = r.findings.filter((f) => f.severity === 'error');
    expect(errors.length).toBeGreaterThanOrEqual(4);
    expect(errors.filter((f) => !f.fixedByErratum)).toEqual([]);
    expect(r.exitCode).toBe(0);
    expect(r.findings.map((f) => f.rule)).toEqual(expect.arrayContaining(['undeclared-required', 'tuple-items', 'example-invalid', 'discriminator-not-required']));
  });
  it('fails without errata', async () => {
    const r = await runLintSpec(pinnedSpecPath(), { errata: [] });
    expect(r.exitCode).toBe(1);
  });
});
