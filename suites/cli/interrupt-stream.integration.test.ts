// Issue 15: interruptions within seconds. Against a target whose streams never end (one chunk every
// 200 ms), a run is stopped while a stream is open: by SIGINT (exit 130), by SIGTERM (exit 143), and
// by --max-duration with no signal at all. Each must end without waiting for the stream's 120 s
// ceiling (the test's own timeout would fail it), leave a partial report that says why it stopped,
// and leave no stream open on the server. How long each took is printed, not asserted.
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEndlessStreamTarget, type EndlessStreamTarget } from '../../fixtures/hostile-targets/endless-stream-target.js';
import type { RunResults } from '../engine/results.js';
import { buildCli, startRunChild } from './child-cli-test-support.js';
import { makeTempDir, readReport, reportSchemaErrors } from './integration-support.js';

const KEY = 'sk-endless-stream-7070';
const children: ChildProcess[] = [];
const temps: Array<{ remove: () => Promise<void> }> = [];
const targets: EndlessStreamTarget[] = [];

interface Stopped {
  code: number | null;
  seconds: number;
  report: RunResults;
  stillOpen: number;
  stderr: string;
  /** Streams the target opened in all. */
  streamed: number;
}

/** A run against a fresh endless target; `stop` is sent once a stream is open (none: it must stop itself). */
async function stoppedRun(stop: NodeJS.Signals | undefined, extra: string[] = []): Promise<Stopped> {
  const target = await startEndlessStreamTarget();
  targets.push(target);
  const temp = await makeTempDir('endless');
  temps.push(temp);
  const run = startRunChild(
    [
      '--target',
      target.url,
      '--api-key-env',
      'MC_ENDLESS_KEY',
      '--report-dir',
      temp.dir,
      '--quiet',
      '--include',
      'chat_completion_v1_chat_completions_post',
      '--phases',
      'positive',
      '--runs',
      '8',
      '--concurrency',
      '2',
      ...extra,
    ],
    { MC_ENDLESS_KEY: KEY },
    children,
  );
  // A run that stops itself is not waited for: under load its --max-duration may pass before a stream opens.
  if (stop) await target.opened;
  const from = performance.now();
  if (stop) run.child.kill(stop);
  const exit = await run.exited;
  const seconds = (exit.at - from) / 1000;
  process.stdout.write(`[interrupt-stream] ${stop ?? extra.join(' ')}: exit ${exit.code} after ${seconds.toFixed(1)} s\n`);
  return { code: exit.code, seconds, report: await readReport(temp.dir), stillOpen: target.open, stderr: run.stderr(), streamed: target.streams };
}

let sigint: Stopped;
let sigterm: Stopped;
let maxDuration: Stopped;

beforeAll(async () => {
  await buildCli();
  [sigint, sigterm, maxDuration] = await Promise.all([stoppedRun('SIGINT'), stoppedRun('SIGTERM'), stoppedRun(undefined, ['--max-duration', '6000'])]);
}, 90_000);

afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  await Promise.all(targets.map((t) => t.close()));
  await Promise.all(temps.map((t) => t.remove()));
});

describe('a run stopped while a stream never ends', () => {
  it('SIGINT: exits 130 with the partial report, streams closed', () => {
    expect(sigint.code, sigint.stderr).toBe(130);
    expect(reportSchemaErrors(sigint.report)).toEqual([]);
    expect(sigint.report.summary).toMatchObject({ complete: false, stoppedBy: 'interrupted' });
    expect(sigint.stillOpen).toBe(0);
  });

  it('SIGTERM: exits 143 with the partial report', () => {
    expect(sigterm.code, sigterm.stderr).toBe(143);
    expect(sigterm.report.summary).toMatchObject({ complete: false, stoppedBy: 'interrupted' });
  });

  it('--max-duration: the run ends by itself, open streams included, and says why', () => {
    expect([0, 1]).toContain(maxDuration.code);
    expect(maxDuration.report.summary).toMatchObject({ complete: false, stoppedBy: 'budget:max-duration' });
    expect(maxDuration.stillOpen).toBe(0);
    expect(maxDuration.streamed).toBeGreaterThan(0);
  });

  it('the stream that was cut is reported as aborted by the stop, not as a failure of the target', () => {
    const messages = sigint.report.operations.flatMap((o) => o.checks.flatMap((c) => c.failures.map((f) => f.message)));
    expect(messages.some((m) => /stream still open after/.test(m))).toBe(false);
  });
});
