// Merges defaults ← target ← command-line flags (flags win) into the targets a run will test.
// Objects merge by key (headers, budgets, rateLimit, statusPolicy); lists and scalars replace.
import { ConfigError } from './config-error.js';
import type {
  AuthConfig,
  CliOverrides,
  RateLimitConfig,
  ResolvedTarget,
  RunConfig,
  StatusPolicyOverrides,
  StatusPolicyTable,
  TargetConfig,
  TargetRunOptions,
  TargetSettings,
} from './types.js';
import { overrideIssues, SITUATIONS } from './validate-config.js';

export const DEFAULT_API_KEY_ENV = 'MISTRAL_API_KEY';

export interface ResolveOptions {
  /** Where API keys are read from (default: process.env). */
  env?: Record<string, string | undefined>;
}

/** Flag names of the run API that this file spells differently; they are translated, not passed through. */
const ALIASES = ['target', 'extraHeaders', 'authHeader', 'budget', 'rateLimit', 'retries', 'url', 'spec', 'overlays', 'errata'];

/**
 * The targets to run: the named one, or every configured target (in file order) when no name is
 * given, or a single target built from the URL flag when the flags carry one.
 */
export function resolveTargets(
  config: RunConfig | undefined,
  cliOverrides: CliOverrides = {},
  targetName?: string,
  options: ResolveOptions = {},
): ResolvedTarget[] {
  const cli = fromFlags(cliOverrides);
  const issues = overrideIssues(cli as unknown as Record<string, unknown>);
  if (issues.length) throw ConfigError.fromIssues(issues, 'read command-line options');
  const env = options.env ?? process.env;
  const defaults = config?.defaults ?? {};
  const targets = config?.targets ?? {};
  const known = Object.keys(targets);
  const one = (name: string, target: TargetConfig): ResolvedTarget => resolveOne(name, config, defaults, target, cli, cliOverrides, env);
  if (targetName !== undefined) {
    const target = Object.hasOwn(targets, targetName) ? targets[targetName] : undefined;
    if (target) return [one(targetName, target)];
    if (cli.url) return [one(targetName, { url: cli.url })];
    const list = known.length ? `known targets: ${known.join(', ')}` : 'the config has no targets';
    throw new ConfigError(`unknown target "${targetName}" (${list}). Add it under "targets" or pass --target URL`, [], 'resolve target');
  }
  if (cli.url) return [one(hostOf(cli.url), { url: cli.url })];
  if (!known.length) throw new ConfigError('no target to test. Add one under "targets" in the config file or pass --target URL', [], 'resolve target');
  return known.map((name) => one(name, targets[name]!));
}

/** The flags in this file's names (run-API names translated; unknown flags left out). */
function fromFlags(f: CliOverrides): TargetSettings & { url?: string } {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(f)) if (v !== undefined && !ALIASES.includes(k)) out[k] = v;
  const url = f.url ?? f.target;
  if (url !== undefined) out.url = url;
  const headers = { ...(f.extraHeaders ?? {}), ...(f.headers ?? {}) };
  if (f.extraHeaders !== undefined || f.headers !== undefined) out.headers = headers;
  if (f.authHeader !== undefined && f.auth === undefined)
    out.auth = f.authHeader.scheme ? { header: f.authHeader.name, scheme: f.authHeader.scheme } : { header: f.authHeader.name };
  if (f.budget !== undefined || f.budgets !== undefined) out.budgets = { ...(f.budget ?? {}), ...(f.budgets ?? {}) };
  const rate: RateLimitConfig = typeof f.rateLimit === 'number' ? { requestsPerSecond: f.rateLimit } : { ...(f.rateLimit ?? {}) };
  if (f.retries !== undefined) rate.maxRetries = f.retries;
  if (Object.keys(rate).length) out.rateLimit = rate;
  return out as TargetSettings & { url?: string };
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'command-line';
  }
}

function resolveOne(
  name: string,
  config: RunConfig | undefined,
  d: TargetSettings,
  t: TargetConfig,
  c: TargetSettings & { url?: string },
  flags: CliOverrides,
  env: Record<string, string | undefined>,
): ResolvedTarget {
  const pick = <K extends keyof TargetSettings>(key: K): TargetSettings[K] => c[key] ?? t[key] ?? d[key];
  const apiKeyEnv = pick('apiKeyEnv') ?? DEFAULT_API_KEY_ENV;
  const auth: AuthConfig = pick('auth') ?? 'bearer';
  const r: Omit<ResolvedTarget, 'options'> = {
    name,
    url: c.url ?? t.url,
    apiKeyEnv,
    auth,
    authHeader:
      auth === 'bearer' ? { name: 'Authorization', scheme: 'Bearer' } : auth.scheme ? { name: auth.header, scheme: auth.scheme } : { name: auth.header },
    headers: mergeHeaders(d.headers, t.headers, c.headers),
    models: pick('models') ?? [],
    include: pick('include') ?? [],
    exclude: pick('exclude') ?? [],
    statusPolicy: mergePolicy(d.statusPolicy, t.statusPolicy, c.statusPolicy),
    budgets: { ...d.budgets, ...t.budgets, ...c.budgets },
    rateLimit: { ...d.rateLimit, ...t.rateLimit, ...c.rateLimit },
  };
  const key = env[apiKeyEnv];
  if (key !== undefined && key !== '') r.apiKey = key;
  if (t.description !== undefined) r.description = t.description;
  for (const k of ['concurrency', 'agentId', 'timeoutMs', 'maxTokens', 'phases', 'readOnly', 'allowCostly'] as const) {
    const v = pick(k);
    if (v !== undefined) (r as Record<string, unknown>)[k] = v;
  }
  return { ...r, options: toOptions(r, config, flags) };
}

/** Run options: the flags not about targets pass through, then the resolved settings on top. */
function toOptions(r: Omit<ResolvedTarget, 'options'>, config: RunConfig | undefined, flags: CliOverrides): TargetRunOptions & Record<string, unknown> {
  const passthrough = Object.fromEntries(
    Object.entries(flags).filter(([k, v]) => v !== undefined && !ALIASES.includes(k) && !(k in r) && k !== 'headers' && k !== 'auth' && k !== 'budgets'),
  );
  const o: TargetRunOptions & Record<string, unknown> = {
    ...passthrough,
    target: r.url,
    apiKeyEnv: r.apiKeyEnv,
    authHeader: r.authHeader,
    extraHeaders: r.headers,
  };
  if (r.apiKey !== undefined) o.apiKey = r.apiKey;
  // Empty lists mean "not set": the run's own defaults (e.g. models from GET /v1/models) then apply.
  for (const k of ['models', 'include', 'exclude'] as const) if (r[k].length) o[k] = r[k];
  for (const k of ['concurrency', 'agentId', 'timeoutMs', 'maxTokens', 'phases', 'readOnly', 'allowCostly'] as const) {
    if (r[k] !== undefined) (o as Record<string, unknown>)[k] = r[k];
  }
  if (r.rateLimit.requestsPerSecond !== undefined) o.rateLimit = r.rateLimit.requestsPerSecond;
  if (r.rateLimit.maxRetries !== undefined) o.retries = r.rateLimit.maxRetries;
  if (r.rateLimit.maxRetryWaitMs !== undefined) o.maxRetryWaitMs = r.rateLimit.maxRetryWaitMs;
  if (Object.keys(r.budgets).length) o.budget = r.budgets;
  if (Object.keys(r.statusPolicy).length) o.statusPolicy = policyTable(r.statusPolicy);
  // The contract: flags win over the file.
  const spec = flags.spec ?? config?.spec;
  if (spec !== undefined) o.spec = spec;
  if (flags.errata === false || (flags.errata === undefined && config?.errata === false)) o.errata = false;
  else if (flags.errata === true) o.errata = true;
  if (flags.overlays !== undefined) o.overlays = flags.overlays;
  else if (typeof config?.errata === 'string') o.overlays = [config.errata];
  return o;
}

/** Header names are case-insensitive: a later layer's `X-Foo` replaces an earlier `x-foo`. */
function mergeHeaders(...layers: Array<Record<string, string> | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const layer of layers) {
    for (const [name, value] of Object.entries(layer ?? {})) {
      for (const existing of Object.keys(out)) if (existing.toLowerCase() === name.toLowerCase()) delete out[existing];
      out[name] = value;
    }
  }
  return out;
}

/** Status keys as the policy reads them: `401`, `4xx`. */
const statusKey = (status: string): string => status.toLowerCase();

function mergePolicy(...layers: Array<StatusPolicyOverrides | undefined>): StatusPolicyOverrides {
  const out: StatusPolicyOverrides = {};
  for (const layer of layers) {
    for (const [status, value] of Object.entries(layer ?? {})) {
      const key = statusKey(status);
      const before = out[key];
      out[key] = typeof value === 'object' && typeof before === 'object' ? { ...before, ...value } : typeof value === 'object' ? { ...value } : value;
    }
  }
  return out;
}

/**
 * A bare verdict means "for every situation": it is spelled out, so that it also replaces the
 * built-in policy's per-situation entries for that status (which a `*` alone would not).
 */
export function policyTable(policy: StatusPolicyOverrides): StatusPolicyTable {
  const table: StatusPolicyTable = {};
  for (const [status, value] of Object.entries(policy)) {
    table[statusKey(status)] = typeof value === 'string' ? Object.fromEntries([...SITUATIONS, '*'].map((s) => [s, value])) : { ...value };
  }
  return table;
}
