// --checks and --skip-checks: choose the checks a run judges; an unknown id is a usage error.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../test-support.js';

const base = ['run', '--embedded', '--quiet', '--runs', '2', '--phases', 'examples,positive', '--include', 'chat'];
const checkIds = (dir: string): Set<string> =>
  new Set(
    JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')).operations.flatMap((o: { checks: Array<{ checkId: string }> }) =>
      o.checks.map((c) => c.checkId),
    ),
  );

describe('choosing checks', () => {
  it('--skip-checks leaves those checks out', async () => {
    const dir = tempDir('skip-checks-');
    const r = await runCli([...base, '--skip-checks', 'stream-equivalence,model-echo', '--report-dir', dir]);
    expect(r.code).toBe(0);
    const ids = checkIds(dir);
    expect(ids.has('model-echo')).toBe(false);
    expect(ids.has('response-schema-conformance')).toBe(true);
  });
  it('--checks keeps only those', async () => {
    const dir = tempDir('only-checks-');
    const r = await runCli([...base, '--checks', 'response-schema-conformance', '--report-dir', dir]);
    expect(r.code).toBe(0);
    expect([...checkIds(dir)]).toEqual(['response-schema-conformance']);
  });
  it('an unknown check id is a one-line usage error (exit 2)', async () => {
    const r = await runCli([...base, '--skip-checks', 'no-such-check']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(/^\[mistral-conformance\] unknown check id no-such-check/);
  });
});
