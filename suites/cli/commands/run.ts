// `mistral-conformance run`: the suite against one target (or every target of a config file),
// reports written as it goes, exit 0 pass, 1 failures, 2 could not run, 130 interrupted.
import { join } from 'node:path';
import type { ReferenceServer } from '../../../fixtures/reference-server/index.js';
import { applyBaseline, describeBaselineIssues, loadBaseline, makeBaseline, renderBaseline, type BaselineEntry } from '../../../reporters/baseline.js';
import { renderCompare } from '../../../reporters/compare.js';
import { renderConsole } from '../../../reporters/console.js';
import { createNdjsonWriter } from '../../../reporters/ndjson.js';
import { writeFile } from 'node:fs/promises';
import { prepareReportDir, ReportDirError } from '../../../reporters/report-dir.js';
import { writeFailureReason, writeFileAtomic } from '../../../reporters/safe-write.js';
import { describeUnwritten, writeReports, type UnwrittenReport } from '../../../reporters/write-reports.js';
import { ALL_PHASES, runConformance, type ConformanceOptions } from '../../api.js';
import { loadConfig, resolveTargets, type ResolvedTarget } from '../config/load-config.js';
import { installInterruptHandler } from '../interrupt.js';
import { createProgress } from '../progress.js';
import type { RunEvent } from '../../engine/events.js';
import { ResultsReducer, type RunResults } from '../../engine/results.js';
import { TargetUnreachableError } from '../../engine/run-suite.js';
import { parseShard } from '../../engine/shard.js';
import type { Phase } from '../../engine/types.js';
import { allChecks } from '../../mistral/all-checks.js';
import { int, list, parse, str, type Parsed } from '../args.js';
import { EXIT, UsageError } from '../errors.js';

export const RUN_HELP = `Usage: mistral-conformance run --target URL [options]
       mistral-conformance run --embedded [--fault NAME]     (against the built-in reference server)
       mistral-conformance run --config FILE [--target-name NAME]

Target and contract
  --target URL            base URL of the server under test (e.g. https://api.mistral.ai)
  --embedded              start the built-in reference server and test it
  --fault NAME            with --embedded: switch on one fault (see: serve --list-faults)
  --config FILE           config file with named targets (mistral-conformance.config.json)
  --target-name NAME      run only this target of the config file; with --target, the run's name in reports
  --spec PATH|URL         OpenAPI document (default: the pinned Mistral spec)
  --errata PATH           overlay of errata (repeatable; default: the pinned spec's errata)
  --no-errata             validate against the literal spec
  --allow-remote-refs     let the spec's $refs fetch http(s) documents from other origins (off: no SSRF from a spec)
  --api-key-env NAME      environment variable holding the API key (default MISTRAL_API_KEY)
  --auth-header NAME      send the key in this header instead of "Authorization: Bearer"
  --header "K: V"         extra header (repeatable)
Generation
  --seed N                seed (default 1); the same seed gives the same cases
  --runs N                random cases per operation and phase (default 8)
  --phases LIST           examples,coverage,positive,negative,auth,semantic,stateful
  --include/--exclude X   tags or operationIds (repeatable, comma lists)
  --checks LIST           only these check ids
  --skip-checks LIST      not these check ids (e.g. stream-equivalence on a non-deterministic vendor)
  --model ID              model to use (repeatable; default: from GET /v1/models)
  --max-tokens N          cap for max_tokens in generated requests (default 16)
  --k N                   repetitions for behaviour that may vary (pass@k, pass^k; default 3)
  --agent-id ID           agent for agents completions (skipped without it)
  --client-probe          also drive the official SDK (@mistralai/mistralai) and report what it cannot parse
Safety, pacing, budgets
  --read-only             send no POST, PATCH, PUT or DELETE
  --allow-costly          allow real fine-tuning jobs (dry runs only otherwise)
  --concurrency N         requests in flight (default 4)
  --rate-limit R          at most R requests per second
  --retries N             retries on 429/503 (default 4)
  --timeout MS            per request (default 30000)
  --max-requests N, --max-total-tokens N, --max-duration MS
  --shard i/n             run one shard of the operations (merge with: mistral-conformance merge)
Reports
  --report-dir DIR        default conformance-report/
  --format LIST           json,junit,markdown,html (default all) + events.ndjson always
  --baseline FILE         accepted known failures: only regressions fail the run
  --write-baseline FILE   write a baseline accepting every failure of this run (review it, then use --baseline)
  --quiet                 no progress output
`;

const OPTIONS = {
  target: { type: 'string' },
  embedded: { type: 'boolean' },
  fault: { type: 'string' },
  config: { type: 'string' },
  'target-name': { type: 'string' },
  spec: { type: 'string' },
  errata: { type: 'string', multiple: true },
  'no-errata': { type: 'boolean' },
  'allow-remote-refs': { type: 'boolean' },
  'api-key-env': { type: 'string' },
  'auth-header': { type: 'string' },
  header: { type: 'string', multiple: true },
  seed: { type: 'string' },
  runs: { type: 'string' },
  phases: { type: 'string' },
  include: { type: 'string', multiple: true },
  exclude: { type: 'string', multiple: true },
  checks: { type: 'string' },
  'skip-checks': { type: 'string' },
  model: { type: 'string', multiple: true },
  'max-tokens': { type: 'string' },
  k: { type: 'string' },
  'agent-id': { type: 'string' },
  'client-probe': { type: 'boolean' },
  'read-only': { type: 'boolean' },
  'allow-costly': { type: 'boolean' },
  concurrency: { type: 'string' },
  'rate-limit': { type: 'string' },
  retries: { type: 'string' },
  timeout: { type: 'string' },
  'max-requests': { type: 'string' },
  'max-total-tokens': { type: 'string' },
  'max-duration': { type: 'string' },
  shard: { type: 'string' },
  'report-dir': { type: 'string' },
  format: { type: 'string' },
  baseline: { type: 'string' },
  'write-baseline': { type: 'string' },
  quiet: { type: 'boolean' },
} as const;

function headers(values: Parsed['values']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const h of list(values, 'header')) {
    const i = h.indexOf(':');
    if (i <= 0) throw new UsageError(`--header must look like "Name: value" (got "${h}")`);
    out[h.slice(0, i).trim()] = h.slice(i + 1).trim();
  }
  return out;
}

/** Command-line flags as run options; only what was given, so a config file can fill the rest. */
export function flagsToOptions(values: Parsed['values']): Partial<ConformanceOptions> {
  const o: Partial<ConformanceOptions> = {};
  const target = str(values, 'target');
  if (target) o.target = target;
  const spec = str(values, 'spec');
  if (spec) o.spec = spec;
  if (list(values, 'errata').length) o.overlays = list(values, 'errata');
  if (values['no-errata']) o.errata = false;
  if (values['allow-remote-refs']) o.allowRemoteRefs = true;
  const env = str(values, 'api-key-env');
  if (env) o.apiKeyEnv = env;
  const authHeader = str(values, 'auth-header');
  if (authHeader) o.authHeader = { name: authHeader };
  if (list(values, 'header').length) o.extraHeaders = headers(values);
  if (values.seed !== undefined) o.seed = int(values, 'seed', 1);
  if (values.runs !== undefined) o.runs = int(values, 'runs', 8);
  if (values.phases !== undefined) {
    const phases = list(values, 'phases');
    const bad = phases.filter((p) => !ALL_PHASES.includes(p as Phase));
    if (bad.length) throw new UsageError(`--phases: unknown phase ${bad.join(', ')} (known: ${ALL_PHASES.join(', ')})`);
    o.phases = phases as Phase[];
  }
  if (values['client-probe']) o.phases = [...(o.phases ?? ALL_PHASES), 'probe'];
  if (list(values, 'include').length) o.include = list(values, 'include');
  if (list(values, 'exclude').length) o.exclude = list(values, 'exclude');
  if (list(values, 'checks').length) o.checks = list(values, 'checks');
  if (list(values, 'skip-checks').length) o.skipChecks = list(values, 'skip-checks');
  const known = new Set(allChecks().map((c) => c.id));
  const unknown = [...(o.checks ?? []), ...(o.skipChecks ?? [])].filter((id) => !known.has(id));
  if (unknown.length) throw new UsageError(`unknown check id ${unknown.join(', ')} (see the README's table of checks)`);
  if (list(values, 'model').length) o.models = list(values, 'model');
  if (values['max-tokens'] !== undefined) o.maxTokens = int(values, 'max-tokens', 16);
  if (values.k !== undefined) o.k = int(values, 'k', 3, 1);
  const agent = str(values, 'agent-id');
  if (agent) o.agentId = agent;
  if (values['read-only']) o.readOnly = true;
  if (values['allow-costly']) o.allowCostly = true;
  if (values.concurrency !== undefined) o.concurrency = int(values, 'concurrency', 4, 1);
  if (values['rate-limit'] !== undefined) {
    const r = Number(values['rate-limit']);
    if (!(r > 0)) throw new UsageError(`--rate-limit must be a positive number of requests per second (got "${String(values['rate-limit'])}")`);
    o.rateLimit = r;
  }
  if (values.retries !== undefined) o.retries = int(values, 'retries', 4);
  if (values.timeout !== undefined) o.timeoutMs = int(values, 'timeout', 30_000, 1);
  const budget: NonNullable<ConformanceOptions['budget']> = {};
  if (values['max-requests'] !== undefined) budget.maxRequests = int(values, 'max-requests', 0, 1);
  if (values['max-total-tokens'] !== undefined) budget.maxTotalTokens = int(values, 'max-total-tokens', 0, 1);
  if (values['max-duration'] !== undefined) budget.maxDurationMs = int(values, 'max-duration', 0, 1);
  if (Object.keys(budget).length) o.budget = budget;
  const shard = str(values, 'shard');
  if (shard) o.shard = parseShard(shard);
  return o;
}

interface TargetRun {
  name?: string;
  options: ConformanceOptions;
}

async function runOne(
  run: TargetRun,
  dir: string,
  formats: string[],
  quiet: boolean,
  baselinePath: string | undefined,
  stop: () => boolean,
  failed: UnwrittenReport[],
): Promise<RunResults> {
  await prepareFolder(dir, quiet);
  const secrets = run.options.apiKey ? [run.options.apiKey] : [];
  const log = createNdjsonWriter(join(dir, 'events.ndjson'), { secrets });
  const progress = createProgress({ stream: process.stderr, isTTY: process.stderr.isTTY === true, quiet, intervalMs: 5000 });
  // Everything seen so far, so that a run that crashes mid-way still leaves its partial report.
  const partial = new ResultsReducer();
  const onPlan = (e: RunEvent): void => {
    if (e.type === 'planned') progress.setTotals({ cases: e.cases, casesByOperation: e.casesByOperation });
  };
  let results: RunResults;
  try {
    ({ results } = await runConformance({ ...run.options, listeners: [log.write, (e) => partial.add(e), onPlan, progress.onEvent], stopRequested: stop }));
  } catch (err) {
    progress.stop();
    await log.close();
    if (partial.results().runId) await writeReports(partial.results(), dir, formats, { secrets });
    throw err;
  }
  progress.stop();
  await log.close();
  if (baselinePath) {
    const applied = applyBaseline(results, await loadBaseline(baselinePath));
    results = applied.results;
    for (const line of describeBaselineIssues(applied)) process.stderr.write(`[mistral-conformance] baseline: ${line}\n`);
  }
  if (log.failure) failed.push({ path: log.path, reason: log.failure });
  failed.push(...(await writeReports(results, dir, formats, { secrets })).failed);
  process.stdout.write(`${renderConsole(results, { color: process.stdout.isTTY === true, reportDir: dir, secrets })}\n`);
  return results;
}

/** Clears an earlier run's files from the folder (and says so), or refuses a folder that is not ours. */
async function prepareFolder(dir: string, quiet: boolean): Promise<void> {
  let removed: string[];
  try {
    ({ removed } = await prepareReportDir(dir));
  } catch (err) {
    if (err instanceof ReportDirError) throw new UsageError(err.message);
    throw err;
  }
  if (removed.length && !quiet) {
    const shown = removed.slice(0, 8).join(', ') + (removed.length > 8 ? ', …' : '');
    process.stderr.write(`[mistral-conformance] report folder ${dir}: removed ${removed.length} files of an earlier run (${shown})\n`);
  }
}

/** Writes one extra file (comparison, baseline) like the reports: atomically, a failure listed, not thrown. */
async function writeExtra(path: string, text: string, failed: UnwrittenReport[]): Promise<void> {
  try {
    await writeFileAtomic(path, text);
  } catch (err) {
    failed.push({ path, reason: writeFailureReason(err) });
  }
}

/** One baseline for all targets of a run: entries are (operation, check), whichever target failed them. */
function unionBaseline(all: RunResults[]): ReturnType<typeof makeBaseline> {
  const out = makeBaseline({ ...all[0]!, operations: [] });
  const seen = new Set<string>();
  for (const r of all)
    for (const e of makeBaseline(r).entries as BaselineEntry[]) {
      const k = `${e.operationId}\u0000${e.checkId}`;
      if (!seen.has(k)) {
        seen.add(k);
        out.entries.push(e);
      }
    }
  return out;
}

export async function runCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, OPTIONS, false);
  if (values.help) {
    process.stdout.write(RUN_HELP);
    return EXIT.pass;
  }
  const flags = flagsToOptions(values);
  const reportDir = str(values, 'report-dir') ?? 'conformance-report';
  const formats = list(values, 'format').length ? list(values, 'format') : ['json', 'junit', 'markdown', 'html'];
  const quiet = values.quiet === true;
  let server: ReferenceServer | undefined;
  const runs: TargetRun[] = [];
  const configPath = str(values, 'config');
  if (configPath) {
    const config = await loadConfig(configPath);
    const targets: ResolvedTarget[] = resolveTargets(config, flags, str(values, 'target-name'));
    for (const t of targets) runs.push({ name: t.name, options: { ...t.options, targetName: t.name } });
  } else if (values.embedded) {
    const fault = str(values, 'fault');
    // Imported only here: a run against a target does not pay for loading the reference server.
    const { faultNamed, startReferenceServer } = await import('../../../fixtures/reference-server/index.js');
    server = await startReferenceServer({ apiKey: 'reference-key', ...(fault ? { fault: faultNamed(fault) } : {}) });
    // The embedded server is free and serves any agent: run the whole suite, fine-tuning jobs and
    // agents completions included (flags still win).
    runs.push({
      name: fault ? `reference (${fault})` : 'reference',
      options: {
        apiKey: 'reference-key',
        agentId: 'ag:reference:conformance',
        allowCostly: true,
        ...flags,
        target: server.url,
        targetName: fault ? `reference-server+${fault}` : 'reference-server',
      },
    });
  } else {
    if (!flags.target) throw new UsageError('no target: give --target URL, --embedded or --config FILE (see --help)');
    // Without a config file, --target-name labels the run (report titles, compare columns).
    const name = str(values, 'target-name');
    runs.push({ ...(name ? { name } : {}), options: { ...(flags as ConformanceOptions), ...(name ? { targetName: name } : {}) } });
  }

  let interrupted = false;
  const handler = installInterruptHandler({
    onFirst: () => {
      interrupted = true;
      process.stderr.write(
        '\n[mistral-conformance] interrupted: finishing requests in flight, cleaning up, writing the partial report (Ctrl-C again to exit now)\n',
      );
    },
    onSecond: () => process.exit(EXIT.interrupted),
  });
  const all: RunResults[] = [];
  const failed: UnwrittenReport[] = [];
  try {
    // Several targets: one folder each inside, and the comparison beside them.
    if (runs.length > 1) await prepareFolder(reportDir, quiet);
    for (const run of runs) {
      const dir = runs.length > 1 ? join(reportDir, (run.name ?? 'target').replace(/[^\w.-]+/g, '_')) : reportDir;
      all.push(await runOne(run, dir, formats, quiet, str(values, 'baseline'), () => handler.stopped(), failed));
      if (handler.stopped()) break;
    }
    const writeBaselinePath = str(values, 'write-baseline');
    // The user named this file: written as named (a symlink to where they keep baselines is followed).
    if (writeBaselinePath)
      await writeFile(writeBaselinePath, renderBaseline(unionBaseline(all))).catch((err: unknown) =>
        failed.push({ path: writeBaselinePath, reason: writeFailureReason(err) }),
      );
    if (all.length > 1) {
      await writeExtra(join(reportDir, 'compare.md'), renderCompare(all, 'markdown'), failed);
      await writeExtra(join(reportDir, 'compare.html'), renderCompare(all, 'html'), failed);
      process.stdout.write(`comparison: ${join(reportDir, 'compare.html')}\n`);
    }
  } catch (err) {
    if (err instanceof TargetUnreachableError) throw new UsageError(err.message);
    throw err;
  } finally {
    handler.dispose();
    await server?.close();
  }
  // A CI gate reads the reports: a verdict that is not on disk is not a pass.
  if (failed.length) {
    process.stderr.write(`${describeUnwritten(failed)}\n`);
    return EXIT.usage;
  }
  if (interrupted) return EXIT.interrupted;
  return all.every((r) => r.summary.verdict === 'pass') ? EXIT.pass : EXIT.fail;
}
