// Snapshot of every format from the fixed sample event log: any change in what users read shows up
// in review. The sample covers passes, a schema failure with an exchange, a negative-case failure
// with a violation, a stream case with latency, skipped checks and operations, errata and a warning.
import { describe, expect, it } from 'vitest';
import { loadSample } from './test-support.js';
import { renderJson } from './json.js';
import { renderJunit } from './junit.js';
import { renderConsole } from './console.js';
import { renderMarkdown } from './markdown.js';
import { renderHtml } from './html.js';
import { renderCompare } from './compare.js';
import { diffRuns, renderDiff } from './diff.js';
import { applyBaseline, makeBaseline } from './baseline.js';

describe('snapshots of every format from the sample event log', async () => {
  const { results } = await loadSample();
  it('json', async () => {
    await expect(renderJson(results)).toMatchFileSnapshot('__snapshots__/sample.report.json');
  });
  it('junit', async () => {
    await expect(renderJunit(results)).toMatchFileSnapshot('__snapshots__/sample.junit.xml');
  });
  it('console, plain and coloured', async () => {
    await expect(renderConsole(results, { color: false, reportPath: 'conformance-report/report.html' })).toMatchFileSnapshot(
      '__snapshots__/sample.console.txt',
    );
    await expect(renderConsole(results, { color: true })).toMatchFileSnapshot('__snapshots__/sample.console-color.txt');
  });
  it('markdown', async () => {
    await expect(renderMarkdown(results)).toMatchFileSnapshot('__snapshots__/sample.summary.md');
  });
  it('html', async () => {
    await expect(renderHtml(results)).toMatchFileSnapshot('__snapshots__/sample.report.html');
  });
  it('compare and diff against a second target where one failure is fixed and one check regresses', async () => {
    const other = structuredClone(results);
    other.targetName = 'vendor-b';
    const chat = other.operations.find((o) => o.operationId.startsWith('chat'))!;
    const schema = chat.checks.find((c) => c.checkId === 'response-schema-conformance')!;
    Object.assign(schema, { passed: schema.passed + schema.failed, failed: 0, outcome: 'passed', failures: [] });
    const models = other.operations.find((o) => o.operationId.startsWith('list_models'))!;
    const status = models.checks.find((c) => c.checkId === 'status-code-conformance')!;
    Object.assign(status, {
      passed: 2,
      failed: 1,
      outcome: 'failed',
      failures: [{ ...chat.checks.find((c) => c.checkId === 'negative-data-rejection')!.failures[0]!, message: 'Received: 404\nDocumented: 200' }],
    });
    models.latency = { ...models.latency, median: 40, p95: 60 };
    await expect(renderCompare([results, other], 'markdown')).toMatchFileSnapshot('__snapshots__/sample.compare.md');
    await expect(renderCompare([results, other], 'html')).toMatchFileSnapshot('__snapshots__/sample.compare.html');
    const d = diffRuns(results, other, { latencyThreshold: 0.5 });
    await expect(renderDiff(d, 'text')).toMatchFileSnapshot('__snapshots__/sample.diff.txt');
    await expect(renderDiff(d, 'markdown')).toMatchFileSnapshot('__snapshots__/sample.diff.md');
  });
  it('baseline', async () => {
    const base = makeBaseline(results, 'known upstream bug');
    await expect(JSON.stringify(base, null, 2)).toMatchFileSnapshot('__snapshots__/sample.baseline.json');
    const applied = applyBaseline(results, base);
    await expect(renderMarkdown(applied.results)).toMatchFileSnapshot('__snapshots__/sample.summary-baselined.md');
  });
});
