// `mistral-conformance diff BASE CURRENT`: what broke, what was fixed; exit 1 on any new failure.
import { applyBaseline, describeBaselineIssues, loadBaseline } from '../../../reporters/baseline.js';
import { diffRuns, renderDiff } from '../../../reporters/diff.js';
import { parse, str } from '../args.js';
import { EXIT, UsageError } from '../errors.js';
import { loadResults } from '../load-report.js';
import { contractOfSpec } from '../../mistral/contracts.js';
import type { RunResults } from '../../engine/results.js';

const HELP = `Usage: mistral-conformance diff BASE CURRENT [--format text|markdown] [--latency-threshold RATIO] [--baseline FILE]

Compares two runs (report.json or events.ndjson): new failures, fixed, still failing, newly skipped, and
latency changes beyond the threshold (default 0.5 = +50%). Exit 1 on any new failure.
  --baseline FILE   known failures: new failures it lists are shown as accepted and do not fail the gate;
                    its stale entries (checks that now pass) are reported on stderr
  --allow-contract-change
                    compare runs judged against different contracts (refused otherwise: operations are
                    matched by operationId, and checks and errata differ between contracts)
`;

export async function diffCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    format: { type: 'string' },
    'latency-threshold': { type: 'string' },
    baseline: { type: 'string' },
    'allow-contract-change': { type: 'boolean' },
  });
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
  let base = await loadResults(positionals[0]!);
  let current = await loadResults(positionals[1]!);
  const contracts = { base: contractOfSpec(base.spec), current: contractOfSpec(current.spec) };
  if (contracts.base !== contracts.current && values['allow-contract-change'] !== true)
    throw new UsageError(
      `Failed to compare the runs: BASE was judged against ${named(contracts.base)} and CURRENT against ${named(contracts.current)}, so their operations and checks do not line up. Compare two runs of one contract, or pass --allow-contract-change`,
    );
  // Reports written before runs named their contract are recognised by their document.
  base = withContract(base, contracts.base);
  current = withContract(current, contracts.current);
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

const named = (contract: string | undefined): string => (contract ? `contract ${contract}` : 'a document that is no Mistral contract');

function withContract(r: RunResults, contract: string | undefined): RunResults {
  return contract && !r.spec.contract ? { ...r, spec: { ...r.spec, contract } } : r;
}
