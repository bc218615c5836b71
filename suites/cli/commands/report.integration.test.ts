// `run` writes JSON, JUnit, Markdown, HTML and the NDJSON event log; `report --from events.ndjson`
// rebuilds every one of them from the log alone, byte for byte (also for a run made with a baseline,
// and for response bodies long enough to be cut).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReferenceServer, type ReferenceServer } from '../../../fixtures/reference-server/index.js';
import { makeBaseline, renderBaseline } from '../../../reporters/baseline.js';
import { parseReport } from '../../../reporters/json.js';
import { createNdjsonWriter, readEventLog } from '../../../reporters/ndjson.js';
import { writeReports } from '../../../reporters/write-reports.js';
import { reduceEvents } from '../../engine/results.js';
import { runCli, SMALL_RUN, tempDir } from '../test-support.js';

const KEY = 'sk-report-rebuild-0123456789abcdef';
const FILES = ['report.json', 'junit.xml', 'summary.md', 'report.html'];
const CHAT = 'chat_completion_v1_chat_completions_post';

let server: ReferenceServer;
let runDir: string;
let runCode: number;

beforeAll(async () => {
  // A run with failures that carry violations, exchanges, streams and reproductions.
  server = await startReferenceServer({ apiKey: KEY, fault: 'accepts-out-of-range-temperature' });
  runDir = tempDir('report-run');
  ({ code: runCode } = await runCli(
    ['run', '--target', server.url, ...SMALL_RUN, '--phases', 'examples,coverage,negative', '--include', CHAT, '--report-dir', runDir],
    { MISTRAL_API_KEY: KEY },
  ));
}, 120_000);
afterAll(async () => server?.close());

describe('report --from events.ndjson', () => {
  it('the run wrote every format and the event log, and failed', () => {
    expect(runCode).toBe(1);
    for (const f of [...FILES, 'events.ndjson']) expect(readFileSync(join(runDir, f), 'utf8').length, f).toBeGreaterThan(100);
    expect(parseReport(readFileSync(join(runDir, 'report.json'), 'utf8')).summary.verdict).toBe('fail');
    const junit = new XMLParser({ ignoreAttributes: false }).parse(readFileSync(join(runDir, 'junit.xml'), 'utf8')) as { testsuites?: unknown };
    expect(junit.testsuites).toBeDefined();
    expect(readFileSync(join(runDir, 'events.ndjson'), 'utf8').split('\n')[0]).toContain('"mistral-conformance-events"');
  });

  it('rebuilds JSON, JUnit, Markdown and HTML byte for byte from the log alone', async () => {
    const out = tempDir('report-rebuilt');
    const r = await runCli(['report', '--from', join(runDir, 'events.ndjson'), '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim().split('\n')).toEqual(FILES.map((f) => join(out, f)));
    for (const f of FILES) expect(readFileSync(join(out, f), 'utf8'), f).toBe(readFileSync(join(runDir, f), 'utf8'));
  });

  it('rebuilds a baselined run identically when given the same baseline', async () => {
    const baseline = join(tempDir('report-baseline'), 'baseline.json');
    writeFileSync(baseline, renderBaseline(makeBaseline(parseReport(readFileSync(join(runDir, 'report.json'), 'utf8')), 'known')));
    const dir = tempDir('report-baselined');
    const run = await runCli(
      ['run', '--target', server.url, ...SMALL_RUN, '--phases', 'examples,coverage,negative', '--include', CHAT, '--report-dir', dir, '--baseline', baseline],
      { MISTRAL_API_KEY: KEY },
    );
    expect(run.code).toBe(0);
    const out = tempDir('report-baselined-rebuilt');
    const r = await runCli(['report', '--from', join(dir, 'events.ndjson'), '--out', out, '--baseline', baseline]);
    expect(r.code).toBe(0);
    for (const f of FILES) expect(readFileSync(join(out, f), 'utf8'), f).toBe(readFileSync(join(dir, f), 'utf8'));
    // Without the baseline the rebuilt verdict is the raw one: the log holds what the server did.
    const raw = tempDir('report-raw');
    await runCli(['report', '--from', join(dir, 'events.ndjson'), '--out', raw, '--format', 'json']);
    expect(parseReport(readFileSync(join(raw, 'report.json'), 'utf8')).summary.verdict).toBe('fail');
  }, 60_000);

  it('rebuilds identically when a response body was long enough to be cut', async () => {
    const events = await readEventLog(join(runDir, 'events.ndjson'));
    const failing = events.find((e) => e.type === 'case-finished' && e.exchanges?.length);
    if (failing?.type !== 'case-finished' || !failing.exchanges?.[0]?.response) throw new Error('the run kept no failing exchange');
    // As the transport hands it over: already cut once, longer than what reports keep.
    failing.exchanges[0].response.bodyText = `${'x'.repeat(16_384)}… [23000 more characters]`;
    const dir = tempDir('report-long');
    const log = createNdjsonWriter(join(dir, 'events.ndjson'), { secrets: [KEY] });
    for (const e of events) log.write(e);
    await log.close();
    await writeReports(reduceEvents(events), dir, ['json', 'junit', 'markdown', 'html'], { secrets: [KEY] });
    const out = tempDir('report-long-rebuilt');
    expect((await runCli(['report', '--from', join(dir, 'events.ndjson'), '--out', out])).code).toBe(0);
    for (const f of FILES) expect(readFileSync(join(out, f), 'utf8'), f).toBe(readFileSync(join(dir, f), 'utf8'));
  });

  it('refuses a file that is not an event log, in one line', async () => {
    const r = await runCli(['report', '--from', join(runDir, 'report.json'), '--out', tempDir('report-bad')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^\[mistral-conformance\] Failed to read event log .*\n$/);
  });
});
