// `mistral-conformance run`: the suite against one target (or every target of a config file),
// reports written as it goes, exit 0 pass, 1 failures, 2 could not run, 130 interrupted.
import { writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { ReferenceServer } from '../../../fixtures/reference-server/index.js';
import { applyBaseline, describeBaselineIssues, loadBaseline, makeBaseline, renderBaseline, type BaselineEntry } from '../../../reporters/baseline.js';
import { renderCompare } from '../../../reporters/compare.js';
import { renderConsole } from '../../../reporters/console.js';
import { createNdjsonWriter } from '../../../reporters/ndjson.js';
import { prepareReportDir, ReportDirError } from '../../../reporters/report-dir.js';
import { writeFailureReason, writeFileAtomic } from '../../../reporters/safe-write.js';
import { describeUnwritten, writeReports, type UnwrittenReport } from '../../../reporters/write-reports.js';
import { registerRunSecrets, resolveRunOptions, runConformance, type ConformanceOptions } from '../../api.js';
import type { SecretRegistry } from '../../engine/secrets/registry.js';
import { DEFAULT_API_KEY_ENV } from '../../options/table.js';
import { cliSecrets } from '../secrets.js';
import { discoverConfigFile, loadConfig, resolveTargets, type ResolvedTarget } from '../config/load-config.js';
import { installInterruptHandler } from '../interrupt.js';
import { createProgress } from '../progress.js';
import type { RunEvent } from '../../engine/events.js';
import { ResultsReducer, type RunResults } from '../../engine/results.js';
import { TargetUnreachableError } from '../../engine/run-suite.js';
import { EXIT, UsageError } from '../errors.js';
import { parseRunArgs, type RunCommandFlags } from '../options/run-flags.js';
import { renderRunHelp } from '../options/run-help.js';

interface TargetRun {
  name?: string;
  options: ConformanceOptions;
}

/**
 * The run's secrets, before anything is written or sent: the key (from the environment the run names),
 * credential headers and secret headers. The log, every report, the console, progress and the error
 * line are redacted with them.
 */
function runSecrets(options: ConformanceOptions): { options: ConformanceOptions; registry: SecretRegistry } {
  const apiKey = options.apiKey ?? process.env[options.apiKeyEnv ?? DEFAULT_API_KEY_ENV];
  const withKey = apiKey ? { ...options, apiKey } : options;
  const registry = registerRunSecrets(resolveRunOptions(withKey));
  cliSecrets().add(...registry.values());
  return { options: withKey, registry };
}

async function runOne(run: TargetRun, dir: string, command: RunCommandFlags, stop: AbortSignal, failed: UnwrittenReport[]): Promise<RunResults> {
  const { formats, baseline: baselinePath } = command;
  const { options, registry } = runSecrets(run.options);
  await prepareFolder(dir, command.quiet === true);
  const secrets = registry.values();
  const log = createNdjsonWriter(join(dir, 'events.ndjson'), { secrets });
  const progress = createProgress({
    stream: process.stderr,
    isTTY: process.stderr.isTTY === true,
    quiet: command.quiet === true,
    intervalMs: 5000,
    secrets,
  });
  // Everything seen so far, so that a run that crashes mid-way still leaves its partial report.
  const partial = new ResultsReducer();
  const onPlan = (e: RunEvent): void => {
    if (e.type === 'planned') progress.setTotals({ cases: e.cases, casesByOperation: e.casesByOperation });
  };
  let results: RunResults;
  try {
    ({ results } = await runConformance({
      ...options,
      secrets: registry,
      listeners: [log.write, (e) => partial.add(e), onPlan, progress.onEvent],
      signal: stop,
    }));
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
  const args = parseRunArgs(argv);
  if (args === 'help') {
    process.stdout.write(renderRunHelp());
    return EXIT.pass;
  }
  const { options: flags, command } = args;
  let server: ReferenceServer | undefined;
  try {
    const planned = await planRuns(flags, command);
    server = planned.server;
    return await runAll(planned.runs, command);
  } catch (err) {
    if (err instanceof TargetUnreachableError) throw new UsageError(err.message);
    throw err;
  } finally {
    await server?.close();
  }
}

/** The runs to make: every target of a config file, the embedded reference server, or one --target. */
async function planRuns(flags: Partial<ConformanceOptions>, command: RunCommandFlags): Promise<{ runs: TargetRun[]; server?: ReferenceServer }> {
  const configPath = command.config ?? foundConfig(flags, command);
  if (configPath) {
    const config = await loadConfig(configPath);
    const targets: ResolvedTarget[] = resolveTargets(config, flags, command.targetName);
    return { runs: targets.map((t) => ({ name: t.name, options: { ...t.options, targetName: t.name } })) };
  }
  if (command.embedded) return embeddedRun(flags, command.fault);
  if (!flags.target)
    throw new UsageError('no target: give --target URL, --embedded or --config FILE, or write a config with mistral-conformance init (see --help)');
  // Without a config file, --target-name labels the run (report titles, compare columns).
  const name = command.targetName;
  return { runs: [{ ...(name ? { name } : {}), options: { ...(flags as ConformanceOptions), ...(name ? { targetName: name } : {}) } }] };
}

/**
 * The config file found in the working directory (else at the git root) when none is named. Not for
 * --embedded (the quick start gives the same run anywhere) nor with --no-config; said on stderr.
 */
function foundConfig(flags: Partial<ConformanceOptions>, command: RunCommandFlags): string | undefined {
  if (command.embedded || command.noConfig) return undefined;
  const found = discoverConfigFile(process.cwd());
  if (found && !command.quiet) {
    const what = flags.target ? `its defaults for ${flags.target}` : 'its targets';
    process.stderr.write(`[mistral-conformance] using config ${relative(process.cwd(), found) || found}: ${what} (--no-config to ignore it)\n`);
  }
  return found;
}

async function embeddedRun(flags: Partial<ConformanceOptions>, fault: string | undefined): Promise<{ runs: TargetRun[]; server: ReferenceServer }> {
  // Imported only here: a run against a target does not pay for loading the reference server.
  const { faultNamed, startReferenceServer } = await import('../../../fixtures/reference-server/index.js');
  const server = await startReferenceServer({ apiKey: 'reference-key', ...(fault ? { fault: faultNamed(fault) } : {}) });
  // The embedded server is free and serves any agent: run the whole suite, fine-tuning jobs and
  // agents completions included (flags still win).
  const options: ConformanceOptions = {
    apiKey: 'reference-key',
    agentId: 'ag:reference:conformance',
    allowCostly: true,
    ...flags,
    target: server.url,
    targetName: fault ? `reference-server+${fault}` : 'reference-server',
  };
  return { runs: [{ name: fault ? `reference (${fault})` : 'reference', options }], server };
}

/** Runs one target after the other (Ctrl-C stops after the current one), then the cross-target outputs. */
async function runAll(runs: TargetRun[], command: RunCommandFlags): Promise<number> {
  let interrupted = false;
  const handler = installInterruptHandler({
    onFirst: () => {
      interrupted = true;
      process.stderr.write(
        '\n[mistral-conformance] interrupted: ending open streams, cleaning up (--cleanup-timeout), writing the partial report (Ctrl-C again to exit now)\n',
      );
    },
    // The event log is written line by line: what the run created is in it for `cleanup --from`.
    onSecond: () => process.exit(handler.exitCode()),
  });
  const all: RunResults[] = [];
  const failed: UnwrittenReport[] = [];
  try {
    // Several targets: one folder each inside, and the comparison beside them.
    if (runs.length > 1) await prepareFolder(command.reportDir, command.quiet === true);
    for (const run of runs) {
      const dir = runs.length > 1 ? join(command.reportDir, (run.name ?? 'target').replace(/[^\w.-]+/g, '_')) : command.reportDir;
      all.push(await runOne(run, dir, command, handler.signal, failed));
      if (handler.stopped()) break;
    }
    await writeAcrossTargets(all, command, failed);
  } finally {
    handler.dispose();
  }
  // A CI gate reads the reports: a verdict that is not on disk is not a pass.
  if (failed.length) {
    process.stderr.write(`${describeUnwritten(failed)}\n`);
    return EXIT.usage;
  }
  if (interrupted) return handler.exitCode();
  return all.every((r) => r.summary.verdict === 'pass') ? EXIT.pass : EXIT.fail;
}

async function writeAcrossTargets(all: RunResults[], command: RunCommandFlags, failed: UnwrittenReport[]): Promise<void> {
  const baselinePath = command.writeBaseline;
  // The user named this file: written as named (a symlink to where they keep baselines is followed).
  if (baselinePath)
    await writeFile(baselinePath, renderBaseline(unionBaseline(all))).catch((err: unknown) =>
      failed.push({ path: baselinePath, reason: writeFailureReason(err) }),
    );
  if (all.length > 1) {
    await writeExtra(join(command.reportDir, 'compare.md'), renderCompare(all, 'markdown'), failed);
    await writeExtra(join(command.reportDir, 'compare.html'), renderCompare(all, 'html'), failed);
    process.stdout.write(`comparison: ${join(command.reportDir, 'compare.html')}\n`);
  }
}
