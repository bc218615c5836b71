// The contracts between the parts of the engine. Generation makes TestCases, the transport turns a
// RequestSpec into an Exchange, checks (pure functions) turn exchanges into Findings, the runner emits
// RunEvents, and results are reduced from events. Nothing here is Mistral-specific: the Mistral suite
// plugs in through SuitePlugin like any user's own suite would.
import type { LoadedSpec } from '../openapi/load-spec.js';
import type { Operation } from '../openapi/model.js';

// ───────────────────────────── requests ─────────────────────────────

export type { AuthMode, GenerationHints, MultipartPart, RequestBody, RequestSpec, Violation } from '../generate/request-types.js';
import type { GenerationHints, RequestSpec, Violation } from '../generate/request-types.js';
import type { RequestValues } from '../generate/request-values.js';

// ───────────────────────────── cases ─────────────────────────────

export type Phase = 'base' | 'examples' | 'coverage' | 'positive' | 'negative' | 'auth' | 'semantic' | 'stateful' | 'probe' | 'recorded';

export interface CaseStep {
  label: string;
  operationId: string;
  /** A request, or a function of the exchanges so far (stateful chains use ids created earlier). */
  request: RequestSpec | ((previous: Exchange[]) => RequestSpec | undefined);
  /** What this step's response must be; defaults to the case's expectation. */
  expect?: Expectation;
  /** Why this step may not succeed (e.g. `unknown-resource` for an id deleted earlier in the chain). */
  situation?: StatusSituation;
  /** Keep the full response bytes in `response.raw` (downloads checked byte for byte). */
  keepRawBody?: boolean;
}

/** accept: a 2xx is required; reject: a 4xx is required; any: only the generic checks apply. */
export type Expectation = 'accept' | 'reject' | 'any';

export interface TestCase {
  /** Unique within a run and stable for a given seed: `<operationId>/<phase>/<n>`. */
  id: string;
  operationId: string;
  phase: Phase;
  expectation: Expectation;
  description?: string;
  violation?: Violation;
  steps: CaseStep[];
  /** Reproduction data: the run seed, the arbitrary's seed and the fast-check path of this value. */
  generation?: { seed: number; path: string; numRuns?: number };
  /** Limits the case-scope checks that look at this case (ids); exchange checks always run. */
  caseChecks?: string[];
  /** Data for the checks that look at this case: the engine's own fields, and each suite's (see CaseMeta). */
  meta?: CaseMeta;
  /** Report area; defaults to the operation's first tag. */
  area?: string;
  /** Cause isolation: this case finds the operation's base request (see BaseRequests). */
  base?: BaseRequests;
  /**
   * The case changes the operation's base request in one place (coverage, negative): it is rebuilt
   * on the base the target accepted before it is sent, or is inconclusive when none was accepted.
   * Its steps hold it as built on the first candidate, for everything that reads a plan.
   */
  derived?: true;
  /** A derived case as sent: the base case it was built on and the support probe it needed, if any. */
  builtOn?: { base: string; support?: string };
}

/**
 * The requests an operation's cases are built on, tried in order until the target accepts one (2xx,
 * or the unknown-resource answer the policy allows where the path names no real resource), and how
 * to build each derived case on the one accepted.
 */
export interface BaseRequests {
  candidates: Array<{ request: RequestSpec; values: RequestValues; description: string }>;
  /** The situation of a candidate: `valid`, or `unknown-resource` when its path names no real resource. */
  situation: StatusSituation;
  /** Every derived case of the operation (by id) built on `base`; absent when it does not apply to it. */
  derive(base: RequestValues): Map<string, DerivedRequest>;
}

/** A derived case built on one base. */
export interface DerivedRequest {
  request: RequestSpec;
  expectation: Expectation;
  description: string;
  violation?: Violation;
  /** The valid request the case changes in one place, when more than the base (containers the value needs). */
  support?: RequestSpec;
}

/**
 * What the checks of a case may read about it. The engine declares its own fields here; a suite adds
 * its own by declaration merging (`declare module '.../engine/types.js' { interface CaseMeta {...} }`,
 * see suites/mistral/case-meta.ts), so writers and readers are typed alike and nobody casts. The
 * engine carries a suite's fields and never reads them.
 */
export interface CaseMeta {
  /** Why the request cannot succeed, for the steps that do not say (auth variants, unknown resources). */
  situation?: StatusSituation;
  /** Whether the case changes state on the target, for steps built by functions (read-only runs drop it otherwise). */
  mutating?: boolean;
  /** Examples phase: where the example came from. */
  source?: string;
  /** Examples phase: why the example is invalid against its own schema. */
  exampleIssues?: string[];
  /** The case names a resource that does not exist (a random id): a 404 is expected. */
  unknownResource?: boolean;
}

// ───────────────────────────── exchanges ─────────────────────────────

export interface SseEvent {
  data: string;
  event?: string;
  id?: string;
  /** ms since the request was sent. */
  atMs: number;
}

export type StreamEnd =
  | 'terminator' // the documented terminator arrived (`[DONE]`) and the connection closed
  | 'eof' // the connection closed without a terminator
  | 'reset' // the connection broke mid-stream
  | 'idle-timeout'
  | 'total-timeout'
  | 'too-large';

export interface SseTranscript {
  /** Events as received, bounded: the first and last ones are kept when there are very many. */
  events: SseEvent[];
  eventCount: number;
  /** Events whose data was not JSON (the terminator excluded). */
  nonJson: Array<{ index: number; data: string }>;
  /** Schema failures of individual events (first few), validated as they arrived. */
  invalid: Array<{ index: number; issues: string[] }>;
  /** All non-JSON events / all invalid events (the arrays above keep only the first few). */
  nonJsonCount?: number;
  invalidCount?: number;
  terminatorSeen: boolean;
  /** Events (or bytes that were not blank) after the terminator. */
  afterTerminator: number;
  end: StreamEnd;
  /** Results of the suite's stream folds (see SuitePlugin.streamFolds), by fold id. */
  folds: Record<string, unknown>;
  firstEventMs?: number;
  gapsMs: { median: number; p95: number; max: number; count: number };
}

export interface ExchangeRequest {
  method: string;
  /** Full URL (never carries credentials). */
  url: string;
  /** Headers as sent, credentials redacted. */
  headers: Record<string, string>;
  /** Body as text, truncated for reports; multipart bodies are described, not dumped. */
  bodyText?: string;
  /** The JSON value sent, when the body was JSON. */
  json?: unknown;
}

export interface ExchangeResponse {
  status: number;
  headers: Record<string, string>;
  contentType: string;
  /** Body text (truncated to the report limit); for streams, the first bytes of the stream. */
  bodyText: string;
  bytes: number;
  /** The body exceeded the size cap and was cut off. */
  truncated: boolean;
  /** Parsed JSON when the body was JSON and complete; undefined otherwise. */
  json?: unknown;
  jsonError?: string;
  /** Full body bytes for binary/file downloads, when small enough (content-integrity checks). */
  raw?: Uint8Array;
  sse?: SseTranscript;
  /**
   * Where the API key sent was found in the response before redaction (`body`, `header:x-foo`).
   * The transport fills it; everything else in the exchange is already redacted.
   */
  reflectedSecret?: string[];
}

export type TransportErrorKind = 'timeout' | 'network' | 'reset' | 'too-large' | 'aborted' | 'budget';

export interface Exchange {
  request: ExchangeRequest;
  response?: ExchangeResponse;
  error?: { kind: TransportErrorKind; message: string };
  timing: { startedAt: number; ttfbMs?: number; totalMs: number };
  /** Attempts made for rate limits (429/503), shown in reports. */
  retries: number;
}

// ───────────────────────────── checks ─────────────────────────────

export type Severity = 'critical' | 'high' | 'medium' | 'low';

export interface Failure {
  message: string;
  /** `implementation` (the server is wrong) or `spec` (the document is wrong or silent). */
  kind?: 'implementation' | 'spec';
  /** Index of the step in the case the failure is about (stateful chains). */
  step?: number;
  /** Downgrades a failure to a warning that shows but does not fail the run (status policy). */
  warning?: boolean;
}

export type CheckOutcome = void | undefined | Failure | Failure[] | { skip: string };

export interface CheckMeta {
  /** Stable: config key, JUnit name, report row. kebab-case. */
  id: string;
  title: string;
  severity: Severity;
  /** One line: what the check asserts. */
  description: string;
  /** Grouping in reports (`schema`, `protocol`, `streaming`, `negative`, `auth`, `semantic`, `stateful`). */
  category: string;
  /**
   * The requests whose answers the check may judge (see requestValidity): `valid` only requests valid
   * against the contract (an answer to an invalid request promises nothing about `n`, `stop` or JSON
   * mode), `not-invalid` also those whose request is unknown (a recording without its body). Every
   * request when absent.
   */
  judges?: 'valid' | 'not-invalid';
}

/** What is known of a request: valid against the contract, invalid on purpose, or unknown (recordings). */
export type RequestValidity = 'valid' | 'invalid' | 'unknown';

export interface ExchangeContext {
  spec: LoadedSpec;
  operation: Operation;
  testCase: TestCase;
  step: number;
  exchange: Exchange;
  policy: StatusPolicy;
  /** The API key as sent, so reflection checks can search for it (never printed). */
  secret?: string;
}

export interface CaseContext {
  spec: LoadedSpec;
  testCase: TestCase;
  operations: Map<string, Operation>;
  exchanges: Exchange[];
  policy: StatusPolicy;
  secret?: string;
}

export interface ExchangeCheck extends CheckMeta {
  scope: 'exchange';
  /** Not applicable (not counted) when false. */
  applies?(ctx: ExchangeContext): boolean;
  run(ctx: ExchangeContext): CheckOutcome;
}

export interface CaseCheck extends CheckMeta {
  scope: 'case';
  applies?(ctx: CaseContext): boolean;
  run(ctx: CaseContext): CheckOutcome;
}

export type Check = ExchangeCheck | CaseCheck;

// ───────────────────────────── status policy ─────────────────────────────

/** Why a request could not succeed, as known by the case that sent it. */
/** `unknown`: recorded traffic whose request is not known, so whether it could succeed is not known either. */
export type StatusSituation =
  | 'valid'
  | 'invalid-input'
  | 'unknown-resource'
  | 'no-credentials'
  | 'invalid-credentials'
  | 'forbidden-state'
  | 'rate-limited'
  | 'unsupported-model'
  | 'unknown';

export interface StatusVerdict {
  /** 'pass' (allowed), 'warn' (reported, does not fail), 'fail'. */
  verdict: 'pass' | 'warn' | 'fail';
  reason: string;
}

export interface StatusPolicy {
  /** Judges a status the operation does not document. */
  undocumented(op: Operation, status: number, situation: StatusSituation): StatusVerdict;
  /** Checks an error body's shape for an undocumented status; returns problems (empty = fine). */
  errorBodyProblems?(status: number, body: unknown): string[];
  describe(): Array<{ status: string; situations: string; verdict: string; bodyShape: string }>;
}

// ───────────────────────────── suites (plugins) ─────────────────────────────

/** A pure reducer over the JSON chunks of a stream, kept in the transcript for stream checks. */
export interface StreamFold<S = unknown> {
  id: string;
  appliesTo(op: Operation): boolean;
  init(): S;
  step(state: S, chunk: unknown, index: number): S;
}

export interface PrepareContext {
  spec: LoadedSpec;
  /** Sends a request outside any case (discovery); the exchange is logged but not checked. */
  send(request: RequestSpec): Promise<Exchange>;
  options: RunOptions;
  log(message: string): void;
}

export interface CaseSource {
  /** Extra cases beyond generated ones (semantic probes, stateful chains, auth). */
  cases(ctx: { spec: LoadedSpec; options: RunOptions; operations: Operation[] }): Iterable<TestCase>;
  /**
   * Its cases run one at a time, after all the others: cases that create, list and delete resources
   * would see each other's resources in their lists and totals if they ran side by side.
   */
  sequential?: boolean;
}

/**
 * Work a suite does after the cases, through its own client, whose results still belong in the report
 * (e.g. an SDK driven against the target). Runs only when the run's phases include `phase`, and only if
 * its `requests` all fit in what is left of the request budget.
 */
export interface AfterCasesWork {
  /** What to call it in the log (`client probe`). */
  name: string;
  /** The phase its results are reported under; the work runs only when the run includes it. */
  phase: Phase;
  /** The pseudo-operations it reports on (listed in the report like operations). */
  operations: Array<{ operationId: string; method: string; path: string; tags: string[]; area: string }>;
  checks: CheckMeta[];
  /** Requests it sends (one per operation unless said otherwise), counted against the request budget. */
  requests?: number;
  run(ctx: AfterCasesContext): Promise<void>;
}

export interface AfterCasesContext {
  options: RunOptions;
  record(result: AfterCasesResult): void;
  /** Removes every secret of the run, in any form, from text its client reports (apply before cutting the text). */
  redact(text: string): string;
  /** Aborted when the run stops (interruption, --max-duration): end what is in flight at once. */
  signal?: AbortSignal;
}

export interface SuitePlugin {
  name: string;
  checks?: Check[];
  /** Learn about the target before generating (its models, existing resources). */
  prepare?(ctx: PrepareContext): Promise<void>;
  hints?(op: Operation): GenerationHints | undefined;
  caseSources?: CaseSource[];
  statusPolicy?: StatusPolicy;
  streamFolds?: StreamFold[];
  /** Work after the cases, before clean-up (see AfterCasesWork). */
  afterCases?: AfterCasesWork;
  /**
   * Tokens an exchange used, as the API reports them (a usage block, a stream's last chunk). The
   * first plugin that knows says; without one the run counts 0 and a token budget never binds.
   */
  tokensOf?(exchange: Exchange): number | undefined;
  /** A script reproducing a failing multi-step case (e.g. a chain of curl lines capturing ids). */
  reproduction?(testCase: TestCase, exchanges: Exchange[], baseUrl: string, toCurl: (req: RequestSpec, baseUrl: string) => string): string | undefined;
  /**
   * Sees every exchange of the run as soon as it is answered (before the case goes on), e.g. to track
   * resources the run created. What it reports created or removed is written to the event log at
   * once, so a run killed with -9 still leaves the list `cleanup --from` needs.
   */
  observe?(operation: Operation, exchange: Exchange): ResourceChanges | undefined;
  /** Deletes or cancels what the run created (also after failures and interruptions). */
  cleanup?(ctx: PrepareContext): Promise<CleanupReport>;
  /**
   * How many requests `cleanup` would send if called now. A request budget keeps that many back,
   * so a run stopped by `--max-requests` can still undo what it created without exceeding it.
   */
  pendingCleanup?(): number;
}

/** One result of after-cases work: a row of the report like a case. */
export interface AfterCasesResult {
  caseId: string;
  operationId: string;
  description: string;
  outcomes: Array<{ checkId: string; status: 'passed' | 'failed' | 'warning' | 'errored' | 'skipped'; message?: string }>;
  durationMs: number;
}

/** A resource the run created, and how to undo it. */
export interface CreatedResource {
  kind: string;
  id: string;
  /** The request that deletes or cancels it. */
  undo: RequestSpec;
  /** Undo order: lower first (what holds others goes first: models before jobs before files). */
  order: number;
}

export interface ResourceChanges {
  created?: CreatedResource[];
  /** Resources that need no undo any more (deleted by the run's own steps, jobs that ended). */
  removed?: Array<{ kind: string; id: string }>;
}

export interface CleanupReport {
  created: Array<{ kind: string; id: string }>;
  cleaned: Array<{ kind: string; id: string }>;
  failed: Array<{ kind: string; id: string; reason: string }>;
}

// ───────────────────────────── run options ─────────────────────────────

/** What the engine reads. A suite's own options (models, token caps...) go to its plugin, not here. */
export interface RunOptions {
  target: string;
  seed: number;
  /** Random (positive) cases per operation. */
  runs: number;
  include: string[];
  exclude: string[];
  /** Only operations of these methods (globs, any case); all when absent or empty. */
  includeMethods?: string[];
  /** Only operations whose path (as the spec writes it) matches one of these globs; all when absent or empty. */
  includePaths?: string[];
  phases: Phase[];
  timeoutMs: number;
  apiKey?: string;
  apiKeyEnv: string;
  authHeader?: { name: string; scheme?: string };
  extraHeaders: Record<string, string>;
  /** Headers whose values are secrets: header name → the environment variable holding its value. */
  secretHeaders?: Record<string, string>;
  maxResponseBytes: number;
  concurrency: number;
  errata: boolean;
  readOnly: boolean;
  userAgent: string;
  /** Stream limits. */
  streamIdleTimeoutMs: number;
  streamTotalTimeoutMs: number;
  maxStreamBytes: number;
  /** After a stop that means now (interruption, --max-duration): the most time clean-up may take. */
  cleanupTimeoutMs?: number;
}
