// The shape of `mistral-conformance.config.json` (and of a `.mjs`/`.js` config's default export),
// derived from the options table: a row with a config key adds that key here, with its value's type.
import type { BudgetLimits } from '../../engine/budget.js';
import type { ConfigPlace } from '../../options/row.js';
import type { AuthHeader, StatusPolicyOverrides, StatusPolicyTable } from '../../options/structured-values.js';
import type { TableRow } from '../../options/table.js';
import type { ValueType } from '../../options/value-types.js';

export type { AuthConfig, StatusPolicyOverrides, StatusPolicyTable, Verdict } from '../../options/structured-values.js';
export type { BudgetLimits } from '../../engine/budget.js';

// ── derivation from the table ──
type ConfigValueOf<R> = R extends { value: ValueType<infer C, infer _O> } ? C : never;
type RowsAt<P extends ConfigPlace> =
  | Extract<TableRow, { configPlace: P; config: string }>
  | (P extends 'settings' ? Exclude<Extract<TableRow, { config: string }>, { configPlace: ConfigPlace }> : never);
type KeyOf<R> = R extends { config: infer K extends string } ? K : never;
type Head<K extends string> = K extends `${infer H}.${string}` ? H : K;
type ValueAt<Rows, K> = ConfigValueOf<Extract<Rows, { config: K }>>;
type Group<Rows, G extends string> = { [K in KeyOf<Rows> as K extends `${G}.${infer L}` ? L : never]?: ValueAt<Rows, K> };
/** The keys of one place of the file: plain keys, and objects for dotted ones (`budgets.maxRequests`). */
type ConfigObject<Rows> = { [K in KeyOf<Rows> as Head<K>]?: K extends `${infer G}.${string}` ? Group<Rows, G> : ValueAt<Rows, K> };

/** What a target and `defaults` may set. */
export type TargetSettings = ConfigObject<RowsAt<'settings'>>;

export type RateLimitConfig = NonNullable<TargetSettings['rateLimit']>;

/** One server under test: its settings, its base URL (may carry a path prefix) and what only a target has. */
export type TargetConfig = TargetSettings & ConfigObject<RowsAt<'target'>> & { url: string };

/** The file's own keys (`spec`, `errata`). */
export type FileSettings = ConfigObject<RowsAt<'file'>>;

export interface RunConfig extends FileSettings {
  /** Absolute path of the file the configuration was read from. */
  source?: string;
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
  authHeader?: AuthHeader;
  budget?: BudgetLimits;
  rateLimit?: number | RateLimitConfig;
  retries?: number;
  spec?: string;
  overlays?: string[];
  errata?: boolean;
  [flag: string]: unknown;
}

/** A target's settings as run options (the shape of the run API's ConformanceOptions). */
export interface TargetRunOptions {
  target: string;
  apiKeyEnv: string;
  /** Read from the environment variable named by apiKeyEnv. Never print it. */
  apiKey?: string;
  authHeader: AuthHeader;
  extraHeaders: Record<string, string>;
  models?: string[];
  include?: string[];
  exclude?: string[];
  phases?: TargetSettings['phases'];
  concurrency?: number;
  timeoutMs?: number;
  maxTokens?: number;
  agentId?: string;
  readOnly?: boolean;
  allowCostly?: boolean;
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

/** A target with defaults, its own settings and flags merged (flags win). */
export type ResolvedTarget = Omit<
  TargetSettings,
  'apiKeyEnv' | 'auth' | 'headers' | 'models' | 'include' | 'exclude' | 'statusPolicy' | 'budgets' | 'rateLimit'
> & {
  name: string;
  url: string;
  description?: string;
  apiKeyEnv: string;
  /** Read from the environment variable named by apiKeyEnv; undefined when unset. Never print it. */
  apiKey?: string;
  auth: NonNullable<TargetSettings['auth']>;
  /** The header the transport sets (`RunOptions.authHeader`). */
  authHeader: AuthHeader;
  headers: Record<string, string>;
  models: string[];
  include: string[];
  exclude: string[];
  statusPolicy: StatusPolicyOverrides;
  budgets: BudgetLimits;
  rateLimit: RateLimitConfig;
  /** Everything above as run options, plus the flags passed through: `runConformance({ ...t.options, targetName: t.name })`. */
  options: TargetRunOptions & Record<string, unknown>;
};
