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
}

function selectedChecks(input: RunSuiteInput): Check[] {
  return [...input.checks, ...input.plugins.flatMap((p) => p.checks ?? [])].filter(
    (c) => (!input.onlyChecks?.length || input.onlyChecks.includes(c.id)) && !input.skipChecks?.includes(c.id),
  );
}

export function createRunContext(input: RunSuiteInput, emit: (event: RunEvent) => void, startedAt: number): RunContext {
  const budget = createBudget(input.budget ?? {}, () => Date.now());
  const stop = createStopState(budget, input.stopRequested);
  const folds: StreamFold[] = input.plugins.flatMap((p) => p.streamFolds ?? []);
  return {
    input,
    startedAt,
    emit,
    checks: selectedChecks(input),
    operationsById: new Map(input.spec.operations.map((o) => [o.id, o])),
    budget,
    stop,
    sender: createRunSender({ spec: input.spec, transport: input.transport, plugins: input.plugins, folds, budget, stop }),
    notRun: 0,
    redactor: (input.secrets ?? createSecretRegistry()).add(input.options.apiKey).redactor(),
  };
}
