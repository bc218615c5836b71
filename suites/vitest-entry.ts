// The vitest entry point: implementers gate their own server in their own vitest run. Called in a test
// file, it registers a `describe` per operation and an `it` per check, runs the suite once (in a
// `beforeAll`), and makes each `it` pass, fail with the check's failure messages, or skip when the
// check did not apply. Tests must be registered synchronously, so the operation list is read from the
// spec file directly and the check list is the product's; what does not apply is skipped at run time.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, it, type TestContext } from 'vitest';
import { buildOperations } from './openapi/operations.js';
import { pinnedSpecPath } from './mistral/contracts.js';
import { isUrl, parseDocumentText } from './openapi/read-document.js';
import { ALL_PHASES, runConformance, type ConformanceOptions } from './api.js';
import { allChecks } from './mistral/all-checks.js';
import type { CheckResult, RunResults } from './engine/results.js';
import { selectOperations } from './engine/run/select-operations.js';
import { PROBE_CALLS } from './mistral/client-probe/client-probe.js';
import { CLIENT_COMPATIBILITY } from './mistral/client-probe/probe-plugin.js';

export interface ConformanceTestOptions extends Omit<ConformanceOptions, 'target' | 'collectEvents'> {
  /** Base URL of the server under test, or a function giving it once your own `beforeAll` started it. */
  target: string | (() => string);
  /** Title of the outer `describe` (default: `mistral-conformance`). */
  title?: string;
  /** Time the whole run may take, in ms (the `beforeAll` hook's timeout; default 10 minutes). */
  runTimeoutMs?: number;
}

export interface ConformanceTestHandle {
  /** The run's results, once the `beforeAll` finished (undefined before, or if the run could not start). */
  readonly results: RunResults | undefined;
}

export type CheckVerdict = { status: 'pass'; warnings: string[] } | { status: 'fail'; message: string } | { status: 'skip'; reason: string };

const MAX_LISTED = 5;

/** What one (operation, check) test must do with the run's results: pure, so it can be tested alone. */
export function checkVerdict(results: RunResults, operationId: string, checkId: string): CheckVerdict {
  const op = results.operations.find((o) => o.operationId === operationId);
  if (!op) return { status: 'skip', reason: `${operationId} was not part of this run` };
  if (op.skipped) return { status: 'skip', reason: op.skipped };
  const check: CheckResult | undefined = op.checks.find((c) => c.checkId === checkId);
  if (!check) return { status: 'skip', reason: `${checkId} does not apply to ${operationId} in this run` };
  const bad = check.failed + check.errored;
  if (bad > 0) {
    const ran = check.passed + check.failed + check.errored + check.warnings;
    const lines = check.failures
      .filter((f) => f.status !== 'warning')
      .slice(0, MAX_LISTED)
      .map((f) => {
        const curl = f.reproduction?.curl[0];
        return `- ${f.caseId}${f.description ? ` (${f.description})` : ''}: ${f.message}${curl ? `\n  reproduce: ${curl}` : ''}`;
      });
    const what = check.errored && !check.failed ? 'could not run on' : 'failed on';
    return { status: 'fail', message: `${checkId} ${what} ${bad} of ${ran} case(s) of ${operationId}\n${lines.join('\n')}` };
  }
  if (check.passed + check.warnings === 0) return { status: 'skip', reason: check.skipReasons[0] ?? `${checkId} was skipped for every case of ${operationId}` };
  return { status: 'pass', warnings: check.failures.filter((f) => f.status === 'warning').map((f) => `${f.caseId}: ${f.message}`) };
}

/** The operations the run will report on, known before it starts (spec operations, then the SDK probe's calls). */
export function plannedOperationIds(
  options: Pick<ConformanceTestOptions, 'spec' | 'include' | 'exclude' | 'includeMethods' | 'includePaths' | 'phases'>,
): string[] {
  const location = options.spec ?? pinnedSpecPath();
  if (isUrl(location))
    throw new Error(`[mistral-conformance] Failed to register tests: the spec must be a local file here (got ${location}). Download it and pass its path`);
  let text: string;
  try {
    text = readFileSync(location, 'utf8');
  } catch (err) {
    throw new Error(
      `[mistral-conformance] Failed to register tests: cannot read the spec ${location} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}). Check the spec option`,
    );
  }
  const operations = buildOperations(parseDocumentText(text, location) as Record<string, unknown>);
  const ids = selectOperations(operations, {
    include: options.include ?? [],
    exclude: options.exclude ?? [],
    ...(options.includeMethods ? { includeMethods: options.includeMethods } : {}),
    ...(options.includePaths ? { includePaths: options.includePaths } : {}),
  }).map((o) => o.id);
  if ((options.phases ?? ALL_PHASES).includes('probe')) ids.push(...PROBE_CALLS.map((c) => c.id));
  return ids;
}

/** Check ids registered for an operation: the SDK probe's calls have one check, spec operations all others. */
export function plannedCheckIds(operationId: string, only: string[] | undefined): string[] {
  const isProbe = PROBE_CALLS.some((c) => c.id === operationId);
  const ids = isProbe ? [CLIENT_COMPATIBILITY.id] : allChecks().map((c) => c.id);
  return only?.length ? ids.filter((id) => only.includes(id)) : ids;
}

/**
 * Registers the conformance suite as vitest tests. Call it at the top level of a test file (or inside a
 * `describe`), after the `beforeAll` that starts your server when `target` is a function.
 */
export function defineConformanceTests(options: ConformanceTestOptions): ConformanceTestHandle {
  const { target, title, runTimeoutMs, ...rest } = options;
  const operationIds = plannedOperationIds(rest);
  let results: RunResults | undefined;
  const handle: ConformanceTestHandle = {
    get results() {
      return results;
    },
  };

  describe(title ?? 'mistral-conformance', () => {
    beforeAll(async () => {
      const url = typeof target === 'function' ? target() : target;
      ({ results } = await runConformance({ ...rest, target: url }));
    }, runTimeoutMs ?? 600_000);

    it('the run finished', async (ctx: TestContext) => {
      const r = results!;
      const stopped = r.summary.stoppedBy;
      if (stopped?.startsWith('error')) throw new Error(`[mistral-conformance] the run ended early: ${stopped}`);
      if (stopped) await ctx.annotate(`stopped early (${stopped}); ${r.summary.notRun ?? 0} case(s) did not run`, 'warning');
    });

    for (const operationId of operationIds) {
      describe(operationId, () => {
        for (const checkId of plannedCheckIds(operationId, rest.checks)) {
          it(checkId, async (ctx: TestContext) => {
            const verdict = checkVerdict(results!, operationId, checkId);
            if (verdict.status === 'skip') ctx.skip(verdict.reason);
            else if (verdict.status === 'fail') throw new Error(verdict.message);
            else for (const w of verdict.warnings) await ctx.annotate(w, 'warning');
          });
        }
      });
    }
  });
  return handle;
}
