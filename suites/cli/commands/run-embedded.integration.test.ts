// What `npm start` runs: the full suite against the embedded reference server.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../test-support.js';

describe('run --embedded (npm start)', () => {
  it('passes all 26 operations, none skipped, every phase included, and says where the report is', async () => {
    const dir = tempDir('embedded-');
    const r = await runCli(['run', '--embedded', '--quiet', '--runs', '3', '--report-dir', dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/PASS 26 operations/);
    expect(r.stdout).toContain(`Reports in ${dir}`);
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
    expect(report.operations).toHaveLength(26);
    expect(report.operations.filter((o: { skipped?: string }) => o.skipped)).toEqual([]);
    const phases = new Set(report.operations.flatMap((o: { byPhase: Record<string, number> }) => Object.keys(o.byPhase)));
    expect([...phases].sort()).toEqual(['auth', 'base', 'coverage', 'examples', 'negative', 'positive', 'semantic', 'stateful']);
  });
});
