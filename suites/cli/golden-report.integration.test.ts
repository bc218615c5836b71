// The reports of the embedded run are a function of the seed: the same seed gives the same report.json,
// summary.md and junit.xml, byte for byte once the fields that measure time (and the ephemeral port,
// the run id, the checkout's path) are normalised. The committed golden files pin them, so a refactor
// that claims to change no behaviour proves it here; a change that means to alter the reports updates
// them (`vitest -u`) and the diff shows what changed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../openapi/paths.js';
import { runCli, tempDir } from './test-support.js';

const TIME_KEYS = new Set(['runId', 'startedAt', 'finishedAt', 'durationMs', 'latency', 'firstEvent', 'at', 'totalMs', 'ttfbMs']);

function normaliseJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normaliseJson);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, TIME_KEYS.has(k) ? '<time>' : normaliseJson(v)]));
  }
  return typeof value === 'string' ? normaliseText(value) : value;
}

function normaliseText(text: string): string {
  return text
    .replaceAll(packageRoot(), '<package>')
    .replace(/http:\/\/127\.0\.0\.1:\d+/g, 'http://127.0.0.1:<port>')
    .replace(/ time="[\d.]+"/g, ' time="<t>"')
    .replace(/· [\d.]+ (s|ms|min) ·/g, '· <duration> ·');
}

describe('golden reports of the embedded run', () => {
  it('are the same for the same seed (timings normalised)', async () => {
    const dir = tempDir('golden-');
    const r = await runCli(['run', '--embedded', '--quiet', '--seed', '7', '--runs', '3', '--report-dir', dir]);
    expect(r.code).toBe(0);
    const report = normaliseJson(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')));
    await expect(`${JSON.stringify(report, null, 2)}\n`).toMatchFileSnapshot('./__golden__/report.json');
    await expect(normaliseText(readFileSync(join(dir, 'summary.md'), 'utf8'))).toMatchFileSnapshot('./__golden__/summary.md');
    await expect(normaliseText(readFileSync(join(dir, 'junit.xml'), 'utf8'))).toMatchFileSnapshot('./__golden__/junit.xml');
  });
});
