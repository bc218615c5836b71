// What a run is given, and what its parts (prepare, plan, execute, finish) share while it runs.
import type { LoadedSpec } from '../../openapi/load-spec.js';
import type { Operation } from '../../openapi/model.js';
import { createBudget, type Budget } from '../budget.js';
import type { Redactor } from '../secrets/redactor.js';
import { createSecretRegistry, type SecretRegistry } from '../secrets/registry.js';
import type { EventListener, RunEvent, SpecSummary } from '../events.js';
import type { Shard } from '../shard.js';
import type { Transport } from '../transport/http-client.js';
import type { Check, RunOptions, StatusPolicy, StreamFold, SuitePlugin } from '../types.js';
import { createRunSender, type RunSender } from './run-sender.js';
import { createRunAbort, STOPS_NOW, type RunAbort } from './run-abort.js';
import { createStopState, type StopState } from './stop-state.js';

export interface RunSuiteInput {
  spec: LoadedSpec;
  /** Or a function computing it (a lint), called once after discovery: the first request need not wait for it. */
  specSummary: SpecSummary | (() => SpecSummary);
  /**
   * Recorded in run-started as given, credentials removed: a caller's own options (its suites') may
   * ride along in the same object and are recorded with the engine's, in the caller's order.
   */
  options: RunOptions;
  transport: Transport;
  plugins: SuitePlugin[];
  /** Generic checks; plugin checks are added to them. */
  checks: Check[];
  policy: StatusPolicy;
  listeners: EventListener[];
  tool: { name: string; version: string };
  targetName?: string;
  budget?: { maxRequests?: number; maxTotalTokens?: number; maxDurationMs?: number };
  shard?: Shard;
  /** True once the run must stop starting new work (SIGINT, SIGTERM). */
  stopRequested?: () => boolean;
  /** Check ids to run (all when empty). */
  onlyChecks?: string[];
  /** Check ids not to run (e.g. a check known to be flaky on a non-deterministic vendor). */
  skipChecks?: string[];
  /** Case ids to run (all when empty): replay re-plans with the same seed and runs just these. */
  onlyCases?: string[];
  /** The run's secrets (the API key at least); what the suites' own clients report is redacted with them. */
  secrets?: SecretRegistry;
  /** Aborted to stop the run now (Ctrl-C): no new work, open streams end at once, then requests in flight. */
  signal?: AbortSignal;
}

export interface RunContext {
  input: RunSuiteInput;
  /** Date.now() when the run started. */
  startedAt: number;
  emit(event: RunEvent): void;
  /** The generic and the plugins' checks, less those left out. */
  checks: Check[];
  operationsById: Map<string, Operation>;
  budget: Budget;
  stop: StopState;
  sender: RunSender;
  /** Cases planned but not run (budget or interruption). */
  notRun: number;
  /** Every secret of the run, in every form. */
  redactor: Redactor;
  /** Signals that end work in flight when the run stops now (interruption, --max-duration). */
  abort: RunAbort;
  /** Removes the run's timers and listeners (the run is over). */
  dispose(): void;
}

function selectedChecks(input: RunSuiteInput): Check[] {
  return [...input.checks, ...input.plugins.flatMap((p) => p.checks ?? [])].filter(
    (c) => (!input.onlyChecks?.length || input.onlyChecks.includes(c.id)) && !input.skipChecks?.includes(c.id),
  );
}

export function createRunContext(input: RunSuiteInput, emit: (event: RunEvent) => void, startedAt: number): RunContext {
  const budget = createBudget(input.budget ?? {}, () => Date.now());
  const abort = createRunAbort();
  const stop = createStopState(budget, input.stopRequested, (reason) => {
    if (STOPS_NOW.has(reason)) abort.now();
  });
  // Ctrl-C or the caller's own stop: now, not at the next poll.
  const onSignal = (): void => stop.stop('interrupted');
  if (input.signal?.aborted) onSignal();
  input.signal?.addEventListener('abort', onSignal, { once: true });
  // --max-duration bounds the whole run: open streams included, not only the start of new work.
  const maxMs = input.budget?.maxDurationMs;
  const durationTimer = maxMs !== undefined ? setTimeout(() => stop.stop('budget:max-duration'), Math.max(0, maxMs - (Date.now() - startedAt))) : undefined;
  (durationTimer as { unref?: () => void } | undefined)?.unref?.();
  const folds: StreamFold[] = input.plugins.flatMap((p) => p.streamFolds ?? []);
  return {
    input,
    startedAt,
    emit,
    checks: selectedChecks(input),
    operationsById: new Map(input.spec.operations.map((o) => [o.id, o])),
    budget,
    stop,
    sender: createRunSender({ spec: input.spec, transport: input.transport, plugins: input.plugins, folds, budget, stop, abort, emit }),
    notRun: 0,
    redactor: (input.secrets ?? createSecretRegistry()).add(input.options.apiKey).redactor(),
    abort,
    dispose() {
      if (durationTimer) clearTimeout(durationTimer);
      input.signal?.removeEventListener('abort', onSignal);
      abort.dispose();
    },
  };
}
