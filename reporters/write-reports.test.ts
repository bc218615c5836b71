import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FILE_REPORTERS, rebuildReports, writeReports } from './write-reports.js';
import { loadSample, SAMPLE_EVENTS } from './test-support.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'mc-write-'));

describe('writeReports', () => {
  it('writes every requested format and returns the paths', async () => {
    const { results } = await loadSample();
    const dir = join(tmp(), 'out');
    const paths = await writeReports(results, dir, ['json', 'junit', 'markdown', 'html'], { secrets: [] });
    expect(paths).toEqual(['report.json', 'junit.xml', 'summary.md', 'report.html'].map((f) => join(dir, f)));
    expect(JSON.parse(readFileSync(paths[0]!, 'utf8')).summary.verdict).toBe('fail');
  });

  it('a throwing reporter logs one line and the others still write', async () => {
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
    const paths = await writeReports(results, dir, ['json', 'junit', 'md', 'nope', 'console'], { reporters, log: (l) => lines.push(l) });
    expect(paths).toEqual([join(dir, 'report.json'), join(dir, 'summary.md')]);
    expect(lines).toEqual([
      '[mistral-conformance] Failed to write junit.xml: boom. The other reports were still written',
      '[mistral-conformance] Failed to write report: unknown format "nope". Use json, junit, markdown, html',
    ]);
  });

  it('rebuilds every format from the event log alone, identical to rendering the results', async () => {
    const { results } = await loadSample();
    const a = tmp();
    const b = tmp();
    const formats = ['json', 'junit', 'markdown', 'html'];
    const rebuilt = await rebuildReports(SAMPLE_EVENTS, a, formats);
    const direct = await writeReports(results, b, formats);
    expect(rebuilt).toHaveLength(4);
    for (const [i, p] of rebuilt.entries()) expect(readFileSync(p, 'utf8')).toBe(readFileSync(direct[i]!, 'utf8'));
  });
});
