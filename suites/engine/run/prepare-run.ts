// Before the plan: the suites learn about the target (discovery, which spends the run's budget like
// any request), the operations to cover are chosen, and run-started says what the run will do.
import type { Operation } from '../../openapi/model.js';
import { redactHeaders } from '../secrets/redactor.js';
import type { AfterCasesWork, PrepareContext, RunOptions } from '../types.js';
import type { RunContext } from './run-context.js';
import { operationInfo, runStartedEvent } from './run-events.js';
import { operationsToRun } from './select-operations.js';

export class TargetUnreachableError extends Error {
  override name = 'TargetUnreachableError';
}

export interface PreparedRun {
  operations: Operation[];
  /** The suites' work after the cases that this run's phases include. */
  afterCases: AfterCasesWork[];
  /** What the suites' prepare saw; clean-up gets the same, with its own way to send. */
  prepareContext: PrepareContext;
}

function prepareContext(ctx: RunContext): PrepareContext {
  const { options } = ctx.input;
  return {
    spec: ctx.input.spec,
    options,
    log: (message) => ctx.emit({ type: 'log', level: 'info', message }),
    send: async (request) => {
      const ex = await ctx.sender.send(request, ctx.sender.operationOf(request));
      // The very first request found no server: every case would fail the same way.
      if (ctx.sender.requests === 1 && ex.error && (ex.error.kind === 'network' || ex.error.kind === 'timeout') && !ex.response) {
        throw new TargetUnreachableError(`cannot reach ${options.target}: ${ex.error.message}`);
      }
      return ex;
    },
  };
}

/** The options as run-started records them: no API key, and a credential given as a header redacted. */
function recordableOptions(options: RunOptions): Record<string, unknown> {
  const { apiKey: _key, ...safe } = options;
  safe.extraHeaders = redactHeaders(options.extraHeaders, [options.apiKey], options.authHeader ? [options.authHeader.name] : []);
  return safe;
}

export async function prepareRun(ctx: RunContext): Promise<PreparedRun> {
  const { input } = ctx;
  const context = prepareContext(ctx);
  // Discovery first: the plan depends on what the target serves (its models, its resources).
  for (const p of input.plugins) await p.prepare?.(context);

  const operations = operationsToRun(input.spec.operations, input.options, input.shard);
  const afterCases = input.plugins.flatMap((p) => (p.afterCases && input.options.phases.includes(p.afterCases.phase) ? [p.afterCases] : []));
  ctx.emit(
    runStartedEvent({
      tool: input.tool,
      startedAt: ctx.startedAt,
      target: input.options.target,
      ...(input.targetName ? { targetName: input.targetName } : {}),
      seed: input.options.seed,
      spec: typeof input.specSummary === 'function' ? input.specSummary() : input.specSummary,
      options: recordableOptions(input.options),
      checks: [...ctx.checks, ...afterCases.flatMap((w) => w.checks)],
      operations: [...operations.map(operationInfo), ...afterCases.flatMap((w) => w.operations)],
      ...(input.shard ? { shard: input.shard } : {}),
    }),
  );
  return { operations, afterCases, prepareContext: context };
}
