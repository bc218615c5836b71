// `mistral-conformance replay`: re-run one failing case of a report (re-planned from the same seed,
// so generated values and stateful chains are rebuilt exactly) and say FIXED, STILL FAILING or ERROR.
import { faultNamed, startReferenceServer, type ReferenceServer } from '../../../fixtures/reference-server/index.js';
import { runConformance, type ConformanceOptions } from '../../api.js';
import type { CaseFinished } from '../../engine/events.js';
import type { RunResults } from '../../engine/results.js';
import type { Phase } from '../../engine/types.js';
import { parse, str } from '../args.js';
import { EXIT, UsageError } from '../errors.js';
import { loadResults } from '../load-report.js';

const HELP = `Usage: mistral-conformance replay --report report.json [--case CASE_ID] [--target URL | --embedded [--fault NAME]]

Re-runs one failing case (the first failure when --case is not given) against the same target or another,
with the report's seed and options. Prints FIXED, STILL FAILING or ERROR (exit 0, 1, 2).
`;

export type ReplayVerdict = 'FIXED' | 'STILL FAILING' | 'ERROR';

export function failingChecksOf(results: RunResults, caseId?: string): { caseId: string; operationId: string; checks: string[] } | undefined {
  for (const op of results.operations) {
    for (const check of op.checks) {
      for (const f of check.failures) {
        if (f.status === 'warning' || (caseId && f.caseId !== caseId)) continue;
        const checks = op.checks.filter((c) => c.failures.some((x) => x.caseId === f.caseId && x.status !== 'warning')).map((c) => c.checkId);
        return { caseId: f.caseId, operationId: op.operationId, checks };
      }
    }
  }
  return undefined;
}

export function replayVerdict(event: CaseFinished | undefined, checks: string[]): { verdict: ReplayVerdict; detail: string } {
  if (!event) return { verdict: 'ERROR', detail: 'the case did not run (different options, or the target refused to be prepared)' };
  const relevant = event.outcomes.filter((o) => checks.includes(o.checkId));
  const failing = relevant.filter((o) => o.status === 'failed');
  if (failing.length) return { verdict: 'STILL FAILING', detail: failing.map((o) => `${o.checkId}: ${(o.message ?? '').split('\n')[0]}`).join('\n') };
  const errored = relevant.filter((o) => o.status === 'errored');
  if (errored.length || relevant.length === 0)
    return { verdict: 'ERROR', detail: errored.map((o) => `${o.checkId}: ${o.message}`).join('\n') || 'the checks did not apply this time' };
  return { verdict: 'FIXED', detail: relevant.map((o) => `${o.checkId}: ${o.status}`).join('\n') };
}

export async function replayCommand(argv: string[]): Promise<number> {
  const { values } = parse(
    argv,
    { report: { type: 'string' }, case: { type: 'string' }, target: { type: 'string' }, embedded: { type: 'boolean' }, fault: { type: 'string' } },
    false,
  );
  if (values.help) {
    process.stdout.write(HELP);
    return EXIT.pass;
  }
  const reportPath = str(values, 'report');
  if (!reportPath) throw new UsageError('replay needs --report report.json (see --help)');
  const report = await loadResults(reportPath);
  const wanted = failingChecksOf(report, str(values, 'case'));
  if (!wanted)
    throw new UsageError(str(values, 'case') ? `no failure of case ${str(values, 'case')} in ${reportPath}` : `${reportPath} has no failure to replay`);
  let server: ReferenceServer | undefined;
  let target = str(values, 'target') ?? report.target;
  if (values.embedded) {
    const fault = str(values, 'fault');
    server = await startReferenceServer(fault ? { fault: faultNamed(fault) } : {});
    target = server.url;
  }
  const o = report.options as Partial<ConformanceOptions> & { phases?: Phase[] };
  try {
    const { events } = await runConformance({
      target,
      ...(values.embedded ? { apiKey: 'reference-key' } : {}),
      seed: report.seed,
      ...(o.runs !== undefined ? { runs: o.runs } : {}),
      ...(o.phases ? { phases: o.phases } : {}),
      ...(o.maxTokens !== undefined ? { maxTokens: o.maxTokens } : {}),
      ...(o.models ? { models: o.models } : {}),
      ...(o.errata !== undefined ? { errata: o.errata } : {}),
      ...(o.apiKeyEnv ? { apiKeyEnv: o.apiKeyEnv } : {}),
      ...(o.agentId ? { agentId: o.agentId } : {}),
      include: [wanted.operationId],
      onlyCases: [wanted.caseId],
      concurrency: 1,
      collectEvents: true,
    });
    const event = events.find((e): e is CaseFinished => e.type === 'case-finished' && e.caseId === wanted.caseId);
    const { verdict, detail } = replayVerdict(event, wanted.checks);
    process.stdout.write(`${verdict}  ${wanted.caseId} against ${target}\n${detail}\n`);
    return verdict === 'FIXED' ? EXIT.pass : verdict === 'STILL FAILING' ? EXIT.fail : EXIT.usage;
  } finally {
    await server?.close();
  }
}
