// `mistral-conformance diff BASE CURRENT`: what broke, what was fixed; exit 1 on any new failure.
import { applyBaseline, describeBaselineIssues, loadBaseline } from '../../../reporters/baseline.js';
import { diffRuns, renderDiff } from '../../../reporters/diff.js';
import { parse, str } from '../args.js';
import { EXIT, UsageError } from '../errors.js';
import { loadResults } from '../load-report.js';

const HELP = `Usage: mistral-conformance diff BASE CURRENT [--format text|markdown] [--latency-threshold RATIO] [--baseline FILE]

Compares two runs (report.json or events.ndjson): new failures, fixed, still failing, newly skipped, and
latency changes beyond the threshold (default 0.5 = +50%). Exit 1 on any new failure.
  --baseline FILE   known failures: new failures it lists are shown as accepted and do not fail the gate;
                    its stale entries (checks that now pass) are reported on stderr
`;

export async function diffCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { format: { type: 'string' }, 'latency-threshold': { type: 'string' }, baseline: { type: 'string' } });
  if (values.help) {
    process.stdout.write(HELP);
    return EXIT.pass;
  }
  if (positionals.length !== 2) throw new UsageError('diff needs BASE and CURRENT reports (see --help)');
  const threshold = values['latency-threshold'] !== undefined ? Number(values['latency-threshold']) : undefined;
  if (threshold !== undefined && !(threshold > 0)) throw new UsageError('--latency-threshold must be a positive ratio, e.g. 0.5');
  const format = (str(values, 'format') ?? 'text') as 'text' | 'markdown';
  if (format !== 'text' && format !== 'markdown') throw new UsageError(`--format must be text or markdown (got "${format}")`);
  // One after the other: when both are unreadable, the error is about BASE every time (not whichever failed first).
  const base = await loadResults(positionals[0]!);
  let current = await loadResults(positionals[1]!);
  const baselinePath = str(values, 'baseline');
  if (baselinePath) {
    const applied = applyBaseline(current, await loadBaseline(baselinePath));
    current = applied.results;
    for (const line of describeBaselineIssues(applied)) process.stderr.write(`[mistral-conformance] baseline: ${line}\n`);
  }
  const diff = diffRuns(base, current, threshold !== undefined ? { latencyThreshold: threshold } : {});
  process.stdout.write(`${renderDiff(diff, format)}\n`);
  return diff.exitCode;
}
