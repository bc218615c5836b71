// The programmatic API: run the conformance suite against a target and get the events and results.
// The command line is a thin layer over this; implementers can call it from their own tests.
import { lintSpecCached } from './openapi/lint-cache.js';
import { loadSpec, type LoadedSpec } from './openapi/load-spec.js';
import { contractLocation } from './mistral/contracts.js';
import { genericChecks } from './checks/index.js';
import type { EventListener, RunEvent, SpecSummary } from './engine/events.js';
import type { RunResults } from './engine/results.js';
import { runSuite, type RunSuiteInput } from './engine/run-suite.js';
import { previewPlan, type PlanPreview } from './engine/run/preview-plan.js';
import type { Shard } from './engine/shard.js';
import { headerSecrets } from './engine/secrets/redactor.js';
import { createSecretRegistry, type SecretRegistry } from './engine/secrets/registry.js';
import { createTransport, type Transport } from './engine/transport/http-client.js';
import { createPacer, type Pacer, type RetryPolicy } from './engine/transport/pacing.js';
import type { Phase, RunOptions } from './engine/types.js';
import { tool } from './version.js';
import { pacedFetch } from './mistral/client-probe/paced-fetch.js';
import { createMistralSuite } from './mistral/suite.js';
import type { TargetPlugin } from './mistral/target-plugin.js';
import type { MistralRunOptions } from './mistral/options.js';
import type { StatusPolicyTable } from './mistral/status-policy.js';
import { DEFAULT_PHASES, optionDefault } from './options/table.js';

/** Every phase but the client probe (which `--client-probe` adds). */
export const ALL_PHASES: Phase[] = DEFAULT_PHASES;

/** The engine's options and the Mistral suite's, flat: what a run was given (and its report records). */
export type ResolvedRunOptions = RunOptions & MistralRunOptions;

export interface ConformanceOptions extends Partial<Omit<ResolvedRunOptions, 'target'>> {
  target: string;
  targetName?: string;
  /** A Mistral contract by name (`2024-11`, `2026-07`): its document and its errata. The default unless `spec` is given. */
  contract?: string;
  /** Any other OpenAPI document (not with `contract`). */
  spec?: string;
  /** Overlays applied when `errata` is on; the contract's errata by default (none for a `spec`). */
  overlays?: string[];
  /** Let the spec's `$ref`s fetch documents from other origins (off: a spec must not make the tool fetch internal URLs). */
  allowRemoteRefs?: boolean;
  /** Cap on the spec's size, all its documents together (default 4 MiB). */
  maxSpecBytes?: number;
  rateLimit?: number;
  retries?: number;
  /** Longest single wait before a retry, in milliseconds. */
  maxRetryWaitMs?: number;
  k?: number;
  budget?: { maxRequests?: number; maxTotalTokens?: number; maxDurationMs?: number };
  shard?: Shard;
  statusPolicy?: StatusPolicyTable;
  checks?: string[];
  /** Check ids not to run. */
  skipChecks?: string[];
  listeners?: EventListener[];
  stopRequested?: () => boolean;
  /** Aborted to stop the run now: no new work, open streams end at once, clean-up within cleanupTimeoutMs. */
  signal?: AbortSignal;
  /** Only these case ids (replay). */
  onlyCases?: string[];
  /** Keep every event in memory and return it (tests, embedding); off for long runs. */
  collectEvents?: boolean;
  /**
   * The run's secrets. The run adds the API key, credential headers and secret headers before it
   * sends anything; pass a registry to share it with what writes the reports (the CLI does).
   */
  secrets?: SecretRegistry;
}

// Key order is the report's: run-started records the options in it. The defaults of options users set
// come from the options table; the others are limits of the transport.
export const DEFAULT_OPTIONS: Omit<ResolvedRunOptions, 'target'> = {
  seed: optionDefault('seed'),
  runs: optionDefault('runs'),
  include: [],
  exclude: [],
  phases: ALL_PHASES,
  timeoutMs: optionDefault('timeoutMs'),
  maxTokens: optionDefault('maxTokens'),
  models: [],
  apiKeyEnv: optionDefault('apiKeyEnv'),
  extraHeaders: {},
  maxResponseBytes: 16 * 1024 * 1024,
  concurrency: optionDefault('concurrency'),
  errata: optionDefault('errata'),
  readOnly: false,
  allowCostly: false,
  userAgent: '',
  streamIdleTimeoutMs: 15_000,
  streamTotalTimeoutMs: optionDefault('streamTotalTimeoutMs'),
  maxStreamBytes: 32 * 1024 * 1024,
  cleanupTimeoutMs: optionDefault('cleanupTimeoutMs'),
};

export interface LoadedContract {
  spec: LoadedSpec;
  summary: SpecSummary;
}

/** The contract before its lint: `summarize()` lints (hundreds of validator compilations) when called. */
export interface UnlintedContract {
  spec: LoadedSpec;
  summarize(): SpecSummary;
}

/** Loads the spec with its errata (or literally, keeping the corrected one aside); lints on `summarize()`. */
export interface ContractSource {
  /** A contract by name; the default contract when neither it nor `spec` is given. */
  contract?: string;
  spec?: string;
  overlays?: string[];
  errata: boolean;
  allowRemoteRefs?: boolean;
  maxSpecBytes?: number;
}

export async function loadContractUnlinted(opts: ContractSource): Promise<UnlintedContract> {
  const named = contractLocation(opts);
  const location = named.location;
  const overlays = opts.overlays ?? named.overlays;
  const remote = {
    ...(opts.allowRemoteRefs ? { allowRemoteRefs: true } : {}),
    ...(opts.maxSpecBytes !== undefined ? { maxSpecBytes: opts.maxSpecBytes } : {}),
  };
  const corrected = await loadSpec(location, { overlays, ...remote });
  const spec = opts.errata ? corrected : await loadSpec(location, remote);
  if (!opts.errata && overlays.length) spec.corrected = corrected;
  let summary: SpecSummary | undefined;
  return {
    spec,
    summarize: () =>
      (summary ??= {
        ...spec.info,
        ...(named.contract ? { contract: named.contract } : {}),
        errataApplied: opts.errata && corrected.errata.length > 0,
        errata: corrected.errata.map((e) => ({ id: e.id, description: e.description, evidence: e.evidence, matched: e.matched })),
        lint: lintSpecCached(corrected).map((f) => ({
          rule: f.rule,
          pointer: f.pointer,
          message: f.message,
          ...(f.fixedByErratum ? { fixedByErratum: f.fixedByErratum } : {}),
        })),
      }),
  };
}

/** Loads the spec with its errata (or literally, keeping the corrected one aside) and lints it. */
export async function loadContract(opts: ContractSource): Promise<LoadedContract> {
  const contract = await loadContractUnlinted(opts);
  return { spec: contract.spec, summary: contract.summarize() };
}

export function resolveRunOptions(opts: ConformanceOptions): ResolvedRunOptions {
  const { target } = opts;
  const merged: ResolvedRunOptions = { ...DEFAULT_OPTIONS, target: target.replace(/\/+$/, '') };
  // Recorded only when given: a report of a run without them stays as it was.
  const optional = ['apiKey', 'agentId', 'authHeader', 'secretHeaders', 'includeMethods', 'includePaths'];
  for (const [k, v] of Object.entries(opts))
    if (v !== undefined && (k in DEFAULT_OPTIONS || optional.includes(k))) (merged as unknown as Record<string, unknown>)[k] = v;
  merged.userAgent ||= `mistral-conformance/${tool().version}`;
  if (merged.apiKey === undefined) {
    const fromEnv = process.env[merged.apiKeyEnv];
    if (fromEnv) merged.apiKey = fromEnv;
  }
  return merged;
}

/** The values of the secret headers, read from the environment variables they name. */
export function secretHeaderValues(options: Pick<ResolvedRunOptions, 'secretHeaders'>, env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, variable] of Object.entries(options.secretHeaders ?? {})) {
    const value = env[variable];
    if (!value)
      throw new Error(
        `[mistral-conformance] Failed to read the secret header ${name}: the environment variable ${variable} is not set. Export it, or drop --secret-header ${name}=${variable}`,
      );
    out[name] = value;
  }
  return out;
}

/** Every secret of a run, known before anything is sent: the key, credential headers, secret headers. */
export function registerRunSecrets(options: ResolvedRunOptions, registry: SecretRegistry = createSecretRegistry()): SecretRegistry {
  return registry.add(
    options.apiKey,
    ...headerSecrets(options.extraHeaders, options.authHeader ? [options.authHeader.name] : []),
    ...Object.values(secretHeaderValues(options)),
  );
}

/** The transport of a run: the target, its credentials and limits, paced, rate-limited answers retried. */
function transportFor(options: ResolvedRunOptions, pacer: Pacer, retry: Partial<RetryPolicy>, secrets: SecretRegistry): Transport {
  return createTransport({
    baseUrl: options.target,
    ...(options.apiKey ? { apiKey: options.apiKey } : {}),
    ...(options.authHeader ? { authHeader: options.authHeader } : {}),
    extraHeaders: options.extraHeaders,
    secretHeaders: secretHeaderValues(options),
    secrets: secrets.values(),
    userAgent: options.userAgent,
    timeoutMs: options.timeoutMs,
    maxResponseBytes: options.maxResponseBytes,
    streamIdleTimeoutMs: options.streamIdleTimeoutMs,
    streamTotalTimeoutMs: options.streamTotalTimeoutMs,
    maxStreamBytes: options.maxStreamBytes,
    pacer,
    // Rate-limited answers (429, 503) are retried by default, honouring Retry-After.
    retry,
  });
}

/** The Mistral suite with its own options; its SDK probe sends through the run's pacer and retries. */
function mistralSuiteFor(opts: ConformanceOptions, options: ResolvedRunOptions, pacer: Pacer, retry: Partial<RetryPolicy>): TargetPlugin {
  return createMistralSuite({
    paceProbe: (base, signal) => pacedFetch(pacer, retry, base, signal),
    models: options.models,
    maxTokens: options.maxTokens,
    k: opts.k ?? optionDefault('k'),
    readOnly: options.readOnly,
    allowCostly: options.allowCostly,
    seed: options.seed,
    ...(options.agentId ? { agentId: options.agentId } : {}),
    ...(opts.statusPolicy ? { statusPolicy: opts.statusPolicy } : {}),
  });
}

/** Which document a run is judged against, from its options. */
function contractSourceOf(opts: Partial<ConformanceOptions>, options: ResolvedRunOptions): ContractSource {
  return {
    errata: options.errata,
    ...(opts.contract ? { contract: opts.contract } : {}),
    ...(opts.spec ? { spec: opts.spec } : {}),
    ...(opts.overlays ? { overlays: opts.overlays } : {}),
    ...(opts.allowRemoteRefs ? { allowRemoteRefs: true } : {}),
    ...(opts.maxSpecBytes !== undefined ? { maxSpecBytes: opts.maxSpecBytes } : {}),
  };
}

/** Runs the suite; events go to `listeners` as they happen, results are returned at the end. */
export async function runConformance(opts: ConformanceOptions): Promise<{ results: RunResults; events: RunEvent[] }> {
  const options = resolveRunOptions(opts);
  // Before anything is sent (the spec's remote refs included): whatever comes back is redacted.
  const secrets = registerRunSecrets(options, opts.secrets);
  const contract = await loadContractUnlinted(contractSourceOf(opts, options));
  const pacer = createPacer({ concurrency: options.concurrency, ...(opts.rateLimit ? { ratePerSecond: opts.rateLimit } : {}) });
  const retry = {
    maxRetries: opts.retries ?? optionDefault('retries'),
    maxDelayMs: opts.maxRetryWaitMs ?? optionDefault('maxRetryWaitMs'),
    seed: options.seed,
  };
  const suite = mistralSuiteFor(opts, options, pacer, retry);
  const transport = transportFor(options, pacer, retry, secrets);
  const events: RunEvent[] = [];
  try {
    const results = await runSuite({
      spec: contract.spec,
      // Linted after discovery: the first request does not wait for it (start-up).
      specSummary: contract.summarize,
      options,
      transport,
      plugins: [suite],
      checks: genericChecks,
      policy: suite.statusPolicy!,
      listeners: [...(opts.collectEvents ? [(e: RunEvent) => void events.push(e)] : []), ...(opts.listeners ?? [])],
      tool: tool(),
      secrets,
      ...(opts.targetName ? { targetName: opts.targetName } : {}),
      ...(opts.budget ? { budget: opts.budget } : {}),
      ...(opts.shard ? { shard: opts.shard } : {}),
      ...(opts.stopRequested ? { stopRequested: opts.stopRequested } : {}),
      ...(opts.signal ? { signal: opts.signal } : {}),
      ...(opts.checks?.length ? { onlyChecks: opts.checks } : {}),
      ...(opts.skipChecks?.length ? { skipChecks: opts.skipChecks } : {}),
      ...(opts.onlyCases?.length ? { onlyCases: opts.onlyCases } : {}),
    });
    return { results, events };
  } finally {
    await transport.close();
  }
}

/**
 * What `runConformance` would plan with these options, without sending anything: the operations it
 * covers and the cases per phase of each. Discovery sees a target that answers nothing, so model ids
 * come from `models` (else the suite's defaults).
 * `target` may be omitted (nothing is sent).
 */
export async function planConformance(opts: Omit<ConformanceOptions, 'target'> & { target?: string }): Promise<PlanPreview> {
  const options = resolveRunOptions({ ...opts, target: opts.target ?? 'http://plan-only.invalid' });
  const contract = await loadContractUnlinted(contractSourceOf(opts, options));
  const pacer = createPacer({ concurrency: options.concurrency });
  const retry = { maxRetries: 0, seed: options.seed };
  const suite = mistralSuiteFor({ ...opts, target: options.target }, options, pacer, retry);
  const input: RunSuiteInput = {
    spec: contract.spec,
    specSummary: contract.summarize,
    options,
    // Never used: planning sends nothing.
    transport: transportFor(options, pacer, retry, createSecretRegistry()),
    plugins: [suite],
    checks: genericChecks,
    policy: suite.statusPolicy!,
    listeners: [],
    tool: tool(),
    ...(opts.shard ? { shard: opts.shard } : {}),
  };
  try {
    return await previewPlan(input);
  } finally {
    await input.transport.close();
  }
}
