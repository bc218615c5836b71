import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createNdjsonWriter } from './ndjson.js';
import { MARKER_FILE, prepareReportDir, ReportDirError } from './report-dir.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'mc-report-dir-'));

describe('prepareReportDir', () => {
  it('creates a missing folder and marks it as ours', async () => {
    const dir = join(tmp(), 'out');
    expect(await prepareReportDir(dir)).toEqual({ removed: [] });
    expect(readdirSync(dir)).toEqual([MARKER_FILE]);
  });

  it("clears an earlier run's files, stale formats and temporary files included, and keeps the user's", async () => {
    const dir = tmp();
    await prepareReportDir(dir);
    for (const f of ['report.json', 'junit.xml', 'report.html', 'events.ndjson', '.report.json.77.0a1b2c3d.tmp', 'baseline.json'])
      writeFileSync(join(dir, f), 'x');
    const { removed } = await prepareReportDir(dir);
    expect(removed.sort()).toEqual(['.report.json.77.0a1b2c3d.tmp', 'events.ndjson', 'junit.xml', 'report.html', 'report.json']);
    expect(readdirSync(dir).sort()).toEqual([MARKER_FILE, 'baseline.json']);
  });

  it('removes a symlink named like a report without touching its target', async () => {
    const dir = tmp();
    await prepareReportDir(dir);
    const victim = join(tmp(), 'victim.txt');
    writeFileSync(victim, 'precious');
    symlinkSync(victim, join(dir, 'report.json'));
    expect((await prepareReportDir(dir)).removed).toEqual(['report.json']);
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    expect(existsSync(join(dir, 'report.json'))).toBe(false);
  });

  it('clears the per-target folders of an earlier multi-target run, leaving folders that are not ours', async () => {
    const dir = tmp();
    await prepareReportDir(dir);
    await prepareReportDir(join(dir, 'vendor_a'));
    writeFileSync(join(dir, 'vendor_a', 'summary.md'), 'x');
    writeFileSync(join(dir, 'compare.md'), 'x');
    mkdirSync(join(dir, 'notes'));
    writeFileSync(join(dir, 'notes', 'summary.md'), 'mine');
    expect((await prepareReportDir(dir)).removed.sort()).toEqual(['compare.md', 'vendor_a/summary.md']);
    expect(readdirSync(dir).sort()).toEqual([MARKER_FILE, 'notes']);
    expect(readFileSync(join(dir, 'notes', 'summary.md'), 'utf8')).toBe('mine');
  });

  it('recognises a folder written before the marker existed by its event log', async () => {
    const dir = tmp();
    const log = createNdjsonWriter(join(dir, 'events.ndjson'));
    await log.close();
    writeFileSync(join(dir, 'summary.md'), 'x');
    expect((await prepareReportDir(dir)).removed.sort()).toEqual(['events.ndjson', 'summary.md']);
  });

  it('recognises the top folder of a multi-target run written before the marker existed by its target folders', async () => {
    const dir = tmp();
    const log = createNdjsonWriter(join(dir, 'vendor_a', 'events.ndjson'));
    await log.close();
    writeFileSync(join(dir, 'compare.md'), 'x');
    expect((await prepareReportDir(dir)).removed.sort()).toEqual(['compare.md', 'vendor_a/events.ndjson']);
    expect(readdirSync(dir)).toEqual([MARKER_FILE]);
  });

  it('refuses a non-empty folder that holds no report of ours, and changes nothing', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'report.json'), '{"mine": true}');
    writeFileSync(join(dir, 'package.json'), '{}');
    const err = await prepareReportDir(dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ReportDirError);
    expect((err as Error).message).toBe(
      `[mistral-conformance] Failed to prepare the report folder ${dir}: it is not empty and holds no report of this tool (package.json, report.json). Choose a new or empty folder with --report-dir`,
    );
    expect(readdirSync(dir).sort()).toEqual(['package.json', 'report.json']);
  });
});

describe('the event log writer', () => {
  it('replaces a symlink planted at events.ndjson instead of writing through it', async () => {
    const dir = tmp();
    const victim = join(tmp(), 'victim.txt');
    writeFileSync(victim, 'precious');
    symlinkSync(victim, join(dir, 'events.ndjson'));
    const log = createNdjsonWriter(join(dir, 'events.ndjson'));
    await log.close();
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    expect(readFileSync(join(dir, 'events.ndjson'), 'utf8')).toContain('mistral-conformance-events');
    expect(log.failure).toBeUndefined();
  });
});
