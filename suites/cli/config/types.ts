// The shape of `mistral-conformance.config.json` (and of a `.mjs`/`.js` config's default export).
// config.schema.json describes the same shape for editors; a test keeps the two in step.
import type { BudgetLimits } from '../../engine/budget.js';
import type { Phase, StatusSituation } from '../../engine/types.js';
import type { StatusPolicyTable, Verdict } from '../../mistral/status-policy.js';

// Declared once, by the status policy that reads them.
export type { StatusPolicyTable, Verdict } from '../../mistral/status-policy.js';

/**
 * Status-policy overrides: status (`401`, `4XX`, `default`) → a verdict for every situation, or a
 * verdict per situation (`*` = any situation not listed).
 */
export type StatusPolicyOverrides = Record<string, Verdict | Partial<Record<StatusSituation | '*', Verdict>>>;

/** `bearer` = `Authorization: Bearer <key>`; `{ header }` = the key alone (or after `scheme`) in that header. */
export type AuthConfig = 'bearer' | { header: string; scheme?: string };

export type { BudgetLimits } from '../../engine/budget.js';

export interface RateLimitConfig {
  /** Ceiling on requests started per second. */
  requestsPerSecond?: number;
  /** Retries of a 429/503 answer. */
  maxRetries?: number;
  /** Longest single wait before a retry. */
  maxRetryWaitMs?: number;
}

/** What a target and `defaults` may set. */
export interface TargetSettings {
  /** NAME of the environment variable holding the API key (never the key). */
  apiKeyEnv?: string;
  auth?: AuthConfig;
  headers?: Record<string, string>;
  models?: string[];
  include?: string[];
  exclude?: string[];
  statusPolicy?: StatusPolicyOverrides;
  budgets?: BudgetLimits;
  rateLimit?: RateLimitConfig;
  concurrency?: number;
  agentId?: string;
  timeoutMs?: number;
  maxTokens?: number;
  phases?: Phase[];
  readOnly?: boolean;
  allowCostly?: boolean;
}

export interface TargetConfig extends TargetSettings {
  /** Base URL; may carry a path prefix (`https://proxy.example/mistral`). */
  url: string;
  description?: string;
}

export interface RunConfig {
  /** Absolute path of the file the configuration was read from. */
  source?: string;
  /** OpenAPI document to test against (absolute path or URL); undefined = the pinned spec. */
  spec?: string;
  /** Errata overlay (absolute path or URL), `true` = the pinned errata, `false` = the literal spec. */
  errata?: string | boolean;
  defaults: TargetSettings;
  targets: Record<string, TargetConfig>;
}

/**
 * Command-line flags. Either this file's names (`url`, `headers`, `budgets`, `auth`) or the run API's
 * (`target`, `extraHeaders`, `budget`, `authHeader`, `rateLimit` as a number, `retries`); any other
 * flag (seed, runs, shard, checks...) passes through to the target's options untouched.
 */
export interface CliOverrides extends Omit<TargetSettings, 'rateLimit'> {
  url?: string;
  target?: string;
  extraHeaders?: Record<string, string>;
  authHeader?: { name: string; scheme?: string };
  budget?: BudgetLimits;
  rateLimit?: number | RateLimitConfig;
  retries?: number;
  spec?: string;
  overlays?: string[];
  errata?: boolean;
  [flag: string]: unknown;
}

/** A target's settings as run options (the shape of the run API's ConformanceOptions). */
export interface TargetRunOptions
  extends Pick<
    TargetSettings,
    'models' | 'include' | 'exclude' | 'concurrency' | 'agentId' | 'timeoutMs' | 'maxTokens' | 'phases' | 'readOnly' | 'allowCostly'
  > {
  target: string;
  apiKeyEnv: string;
  /** Read from the environment variable named by apiKeyEnv. Never print it. */
  apiKey?: string;
  authHeader: { name: string; scheme?: string };
  extraHeaders: Record<string, string>;
  /** Requests per second. */
  rateLimit?: number;
  retries?: number;
  maxRetryWaitMs?: number;
  budget?: BudgetLimits;
  statusPolicy?: StatusPolicyTable;
  spec?: string;
  overlays?: string[];
  errata?: boolean;
}

export interface ResolvedTarget {
  name: string;
  url: string;
  description?: string;
  apiKeyEnv: string;
  /** Read from the environment variable named by apiKeyEnv; undefined when unset. Never print it. */
  apiKey?: string;
  auth: AuthConfig;
  /** The header the transport sets (`RunOptions.authHeader`). */
  authHeader: { name: string; scheme?: string };
  headers: Record<string, string>;
  models: string[];
  include: string[];
  exclude: string[];
  statusPolicy: StatusPolicyOverrides;
  budgets: BudgetLimits;
  rateLimit: RateLimitConfig;
  concurrency?: number;
  agentId?: string;
  timeoutMs?: number;
  maxTokens?: number;
  phases?: Phase[];
  readOnly?: boolean;
  allowCostly?: boolean;
  /** Everything above as run options, plus the flags passed through: `runConformance({ ...t.options, targetName: t.name })`. */
  options: TargetRunOptions & Record<string, unknown>;
}
