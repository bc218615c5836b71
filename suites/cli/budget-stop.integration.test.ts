// Issue 9, budgets against a paid provider: --max-requests N sends at most N requests (discovery and
// clean-up included, counted at the server), and the report says which budget ended the run and how
// many cases did not run. --max-duration likewise stops starting requests once the time is up.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReferenceServer, type ReferenceServer } from '../../fixtures/reference-server/index.js';
import type { RunResults } from '../engine/results.js';
import { makeTempDir, readReport, reportSchemaErrors, runCli, type CliRun } from './integration-support.js';

const KEY = 'sk-budget-test-7373';
const servers: ReferenceServer[] = [];
const temps: Array<{ dir: string; remove: () => Promise<void> }> = [];

async function budgetRun(flags: string[], serverOpts: { latencyMs?: number } = {}): Promise<{ server: ReferenceServer; run: CliRun; report: RunResults }> {
  const server = await startReferenceServer({ apiKey: KEY, ...serverOpts });
  servers.push(server);
  const temp = await makeTempDir('budget');
  temps.push(temp);
  const run = await runCli([
    'run',
    '--target',
    server.url,
    '--api-key-env',
    'MC_BUDGET_KEY',
    '--report-dir',
    temp.dir,
    '--quiet',
    '--seed',
    '5',
    '--runs',
    '4',
    ...flags,
  ]);
  return { server, run, report: await readReport(temp.dir) };
}

beforeAll(() => {
  process.env.MC_BUDGET_KEY = KEY;
});
afterAll(async () => {
  delete process.env.MC_BUDGET_KEY;
  await Promise.all(servers.map((s) => s.close()));
  await Promise.all(temps.map((t) => t.remove()));
});

describe('--max-requests', () => {
  let server: ReferenceServer;
  let run: CliRun;
  let report: RunResults;
  beforeAll(async () => {
    ({ server, run, report } = await budgetRun(['--max-requests', '50']));
  }, 120_000);

  it('sends at most 50 requests, discovery and clean-up included, counted at the server', () => {
    expect(server.log.length).toBeLessThanOrEqual(50);
    // It did use the budget (a run that sends 3 requests would pass the line above).
    expect(server.log.length).toBeGreaterThanOrEqual(45);
    expect(report.summary.requests).toBeLessThanOrEqual(50);
  });

  it('says the request budget ended the run, and how many cases did not run', () => {
    expect(report.summary.stoppedBy).toBe('budget:max-requests');
    expect(report.summary.complete).toBe(false);
    expect(report.summary.notRun).toBeGreaterThan(0);
    expect(run.code).not.toBe(2);
    expect(reportSchemaErrors(report)).toEqual([]);
  });

  it('leaves nothing it created on the server', () => {
    expect(server.state.files.size).toBe(0);
    expect(report.cleanup?.failed).toEqual([]);
    expect(report.cleanup?.cleaned.length).toBe(report.cleanup?.created.length);
  });
});

describe('--max-requests on a run that creates files', () => {
  let server: ReferenceServer;
  let report: RunResults;
  beforeAll(async () => {
    // Only uploads: every accepted case creates a file that must be deleted from the same budget.
    ({ server, report } = await budgetRun([
      '--max-requests',
      '10',
      '--include',
      'files_api_routes_upload_file',
      '--phases',
      'examples,positive',
      '--runs',
      '20',
    ]));
  }, 120_000);

  it('keeps back what clean-up needs: the uploads and their deletions together stay within the budget', () => {
    const uploads = server.log.filter((e) => e.method === 'POST' && e.path === '/v1/files' && e.status === 200).length;
    const deletions = server.log.filter((e) => e.method === 'DELETE' && e.status === 200).length;
    expect(uploads).toBeGreaterThan(2);
    expect(deletions).toBe(uploads);
    expect(server.log.length).toBeLessThanOrEqual(10);
    expect(server.state.files.size).toBe(0);
    expect(report.summary.stoppedBy).toBe('budget:max-requests');
    expect(report.cleanup?.cleaned.length).toBe(uploads);
  });
});

describe('--max-duration', () => {
  let server: ReferenceServer;
  let report: RunResults;
  beforeAll(async () => {
    // Slow streams make the run outlast the budget for sure, whatever the machine.
    ({ server, report } = await budgetRun(['--max-duration', '1500', '--concurrency', '2'], { latencyMs: 40 }));
  }, 120_000);

  it('stops for the time budget, reports it and the cases not run', () => {
    expect(report.summary.stoppedBy).toBe('budget:max-duration');
    expect(report.summary.complete).toBe(false);
    expect(report.summary.notRun).toBeGreaterThan(0);
    expect(reportSchemaErrors(report)).toEqual([]);
  });

  it('started no request after the time was up (requests in flight may finish)', () => {
    const started = Date.parse(report.timings.startedAt);
    expect(server.log.length).toBeGreaterThan(0);
    // Server log times are when answers started; the last one may belong to a request in flight at the deadline.
    const late = server.log.filter((e) => e.at > started + 1500 + 5_000);
    expect(late).toEqual([]);
  });
});
