// One full run of the suite (all phases, all checks) as a child process against a target, read back
// from its JSON report: cases and requests per second of the run, and the child's peak memory.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnCli } from '../cli-child.js';

export type OperationGroup = 'non-streaming' | 'streaming' | 'all';

/** Chat and FIM: their cases mix streamed (`stream: true`) and non-streamed requests. */
export const STREAMING_OPERATIONS = ['POST /v1/chat/completions', 'POST /v1/fim/completions'];

export function groupArgs(group: OperationGroup): string[] {
  if (group === 'all') return [];
  const flag = group === 'streaming' ? '--include' : '--exclude';
  return STREAMING_OPERATIONS.flatMap((op) => [flag, op]);
}

export interface SuiteRunFigures {
  cases: number;
  requests: number;
  durationMs: number;
  casesPerSecond: number;
  requestsPerSecond: number;
  peakRssBytes?: number;
  exitCode: number | null;
}

export interface SuiteRunInput {
  target: string;
  apiKey: string;
  group: OperationGroup;
  concurrency: number;
  runs: number;
  extraArgs?: string[];
  /** Exit codes that count as a completed run (0 pass, 1 failures found). */
  acceptExit?: number[];
}

interface ReportJson {
  summary: { cases: number; requests: number };
  timings: { durationMs?: number };
}

export async function runSuiteOnce(input: SuiteRunInput): Promise<SuiteRunFigures> {
  const dir = await mkdtemp(join(tmpdir(), 'mc-bench-run-'));
  try {
    const args = [
      'run',
      '--target',
      input.target,
      '--concurrency',
      String(input.concurrency),
      '--runs',
      String(input.runs),
      '--quiet',
      '--format',
      'json',
      '--report-dir',
      dir,
      ...groupArgs(input.group),
      ...(input.extraArgs ?? []),
    ];
    const result = await spawnCli(args, { MISTRAL_API_KEY: input.apiKey }).done;
    const accept = input.acceptExit ?? [0];
    if (result.code === null || !accept.includes(result.code)) {
      throw new Error(
        `[mistral-conformance] Failed to run the suite for the bench: exit ${result.code ?? result.signal} (${result.stderr.trim().split('\n').pop() ?? ''}).`,
      );
    }
    const report = JSON.parse(await readFile(join(dir, 'report.json'), 'utf8')) as ReportJson;
    const durationMs = report.timings.durationMs ?? 0;
    const perSecond = (n: number): number => (durationMs > 0 ? Math.round((n / durationMs) * 1000 * 10) / 10 : 0);
    return {
      cases: report.summary.cases,
      requests: report.summary.requests,
      durationMs,
      casesPerSecond: perSecond(report.summary.cases),
      requestsPerSecond: perSecond(report.summary.requests),
      ...(result.peakRssBytes !== undefined ? { peakRssBytes: result.peakRssBytes } : {}),
      exitCode: result.code,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
