import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from './safe-write.js';
import { describeUnwritten, FILE_REPORTERS, rebuildReports, writeReports } from './write-reports.js';
import { loadSample, SAMPLE_EVENTS } from './test-support.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'mc-write-'));

describe('writeReports', () => {
  it('writes every requested format and returns the paths', async () => {
    const { results } = await loadSample();
    const dir = join(tmp(), 'out');
    const { written: paths, failed } = await writeReports(results, dir, ['json', 'junit', 'markdown', 'html'], { secrets: [] });
    expect(failed).toEqual([]);
    expect(paths).toEqual(['report.json', 'junit.xml', 'summary.md', 'report.html'].map((f) => join(dir, f)));
    expect(JSON.parse(readFileSync(paths[0]!, 'utf8')).summary.verdict).toBe('fail');
  });

  it('a throwing reporter is listed as not written and the others still write', async () => {
    const { results } = await loadSample();
    const dir = tmp();
    const lines: string[] = [];
    const broken = {
      format: 'junit',
      file: 'junit.xml',
      render: () => {
        throw new Error('boom\nstack line');
      },
    };
    const reporters = FILE_REPORTERS.map((r) => (r.format === 'junit' ? broken : r));
    const { written, failed } = await writeReports(results, dir, ['json', 'junit', 'md', 'nope', 'console'], { reporters, log: (l) => lines.push(l) });
    expect(written).toEqual([join(dir, 'report.json'), join(dir, 'summary.md')]);
    expect(failed).toEqual([{ path: join(dir, 'junit.xml'), reason: 'boom' }]);
    expect(lines).toEqual(['[mistral-conformance] Failed to write report: unknown format "nope". Use json, junit, markdown, html, ctrf']);
  });

  it('rebuilds every format from the event log alone, identical to rendering the results', async () => {
    const { results } = await loadSample();
    const a = tmp();
    const b = tmp();
    const formats = ['json', 'junit', 'markdown', 'html'];
    const rebuilt = (await rebuildReports(SAMPLE_EVENTS, a, formats)).written;
    const direct = (await writeReports(results, b, formats)).written;
    expect(rebuilt).toHaveLength(4);
    for (const [i, p] of rebuilt.entries()) expect(readFileSync(p, 'utf8')).toBe(readFileSync(direct[i]!, 'utf8'));
  });

  it('a full disk: every report that could not be written is listed with its reason, secrets redacted, and no half file is left', async () => {
    const { results } = await loadSample();
    const dir = tmp();
    writeFileSync(join(dir, 'report.json'), 'the last good report');
    const full = async (path: string, text: string): Promise<void> => {
      if (path.endsWith('summary.md')) return writeFileAtomic(path, text);
      throw Object.assign(new Error(`ENOSPC: no space left on device, write 'sk-canary-123456'`), { code: 'ENOSPC' });
    };
    const { written, failed } = await writeReports(results, dir, ['json', 'junit', 'markdown', 'html'], { writeText: full, secrets: ['sk-canary-123456'] });
    expect(written).toEqual([join(dir, 'summary.md')]);
    expect(failed.map((f) => f.path)).toEqual(['report.json', 'junit.xml', 'report.html'].map((f) => join(dir, f)));
    expect(failed[0]!.reason).toBe('ENOSPC: no space left on device');
    expect(readFileSync(join(dir, 'report.json'), 'utf8')).toBe('the last good report');
    expect(describeUnwritten(failed)).toBe(
      `[mistral-conformance] Failed to write 3 reports: ${join(dir, 'report.json')} (ENOSPC: no space left on device); ${join(dir, 'junit.xml')} (ENOSPC: no space left on device); ${join(dir, 'report.html')} (ENOSPC: no space left on device). The run's verdict is not on disk there: check free space and permissions of the report folder, then run again`,
    );
    expect(readdirSync(dir).sort()).toEqual(['report.json', 'summary.md']);
  });
});
