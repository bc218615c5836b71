// The one stream of events a run emits. Every report is rebuilt from these (the NDJSON event log is
// exactly this stream, one event per line, after a versioned header line).
import type { CheckMeta, CleanupReport, Exchange, Expectation, Phase, Violation } from './types.js';

export const EVENT_LOG_VERSION = 1;

export type OutcomeStatus = 'passed' | 'failed' | 'warning' | 'errored' | 'skipped';

export interface CheckOutcomeRecord {
  checkId: string;
  status: OutcomeStatus;
  message?: string;
  kind?: 'implementation' | 'spec';
  /** Step of the case the outcome is about. */
  step?: number;
}

export interface Reproduction {
  /** One curl line per step, credentials redacted. */
  curl: string[];
  seed?: number;
  /** fast-check path of the generated value (with the seed, replays it exactly). */
  path?: string;
  /** A runnable script for multi-step cases (stateful chains), credentials as `$MISTRAL_API_KEY`. */
  script?: string;
  /** `mistral-conformance replay` command line. */
  command?: string;
}

export interface OperationInfo {
  operationId: string;
  method: string;
  path: string;
  tags: string[];
  area: string;
}

export interface SpecSummary {
  /** The named contract the document and errata came from (a suite's name for them), when one was chosen by name. */
  contract?: string;
  title: string;
  version: string;
  openapi: string;
  sha256: string;
  source: string;
  errataApplied: boolean;
  errata: Array<{ id: string; description: string; evidence: string[]; matched: number }>;
  lint: Array<{ rule: string; pointer: string; message: string; fixedByErratum?: string }>;
}

export interface RunStarted {
  type: 'run-started';
  version: number;
  tool: { name: string; version: string };
  runId: string;
  at: string;
  target: string;
  targetName?: string;
  seed: number;
  spec: SpecSummary;
  /** Options as run, credentials removed. */
  options: Record<string, unknown>;
  checks: CheckMeta[];
  operations: OperationInfo[];
  shard?: { index: number; total: number };
}

export interface CaseFinished {
  type: 'case-finished';
  caseId: string;
  operationId: string;
  phase: Phase;
  expectation: Expectation;
  description?: string;
  violation?: Violation;
  outcomes: CheckOutcomeRecord[];
  /** Operation of each step, for multi-step cases: an outcome about step i belongs to that operation. */
  stepOperations?: string[];
  /** Only for cases with a failure, warning or error: the exchanges, redacted and truncated. */
  exchanges?: Exchange[];
  reproduction?: Reproduction;
  latency: { ttfbMs?: number; totalMs: number; firstEventMs?: number; gapMedianMs?: number; gapP95Ms?: number; stream: boolean };
  /** Requests this case sent (retries excluded). */
  requests: number;
  /**
   * The case could not be judged, and why: it changes a base request the target never accepted (cause
   * isolation), so its answer would not say what it is about. No request was sent; no check ran.
   */
  inconclusive?: string;
  /** A case built on the operation's accepted base request: that base's case id, and the support probe it needed. */
  builtOn?: { base: string; support?: string };
  retries: number;
  tokens?: number;
}

export interface OperationSkipped {
  type: 'operation-skipped';
  operationId: string;
  reason: string;
}

/** What the plan holds, once made: lets progress show a bar and an estimate. */
export interface PlanEvent {
  type: 'planned';
  cases: number;
  casesByOperation: Record<string, number>;
}

export interface LogEvent {
  type: 'log';
  level: 'info' | 'warn' | 'error';
  message: string;
}

/** Written as soon as an answer names a resource the run created (before the case goes on). */
export interface ResourceCreated {
  type: 'resource-created';
  kind: string;
  id: string;
  operationId: string;
  /** How to undo it (for readers: `cleanup --from` rebuilds the request from kind and id). */
  undo: { method: string; path: string };
  order: number;
}

/** The resource needs no undo any more: the run's own steps deleted it, or the job ended. */
export interface ResourceRemoved {
  type: 'resource-removed';
  kind: string;
  id: string;
}

export interface CleanupEvent {
  type: 'cleanup';
  report: CleanupReport;
}

export interface RunFinished {
  type: 'run-finished';
  at: string;
  durationMs: number;
  /** Why the run stopped early: `interrupted`, `budget:max-requests`, `budget:max-total-tokens`, `budget:max-duration`, `error: ...`. */
  stoppedBy?: string;
  /** Cases planned but not run (budget or interruption). */
  notRun?: number;
  requests: number;
  tokens: number;
}

export type RunEvent = RunStarted | PlanEvent | CaseFinished | OperationSkipped | LogEvent | ResourceCreated | ResourceRemoved | CleanupEvent | RunFinished;

export type EventListener = (event: RunEvent) => void;
