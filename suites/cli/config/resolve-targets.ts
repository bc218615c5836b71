// Merges defaults ← target ← command-line flags (flags win) into the targets a run will test, key by
// key as the options table lists them. Objects merge by key (headers, budgets, rateLimit,
// statusPolicy); lists and scalars replace.
import { getAt, setAt } from '../../options/paths.js';
import { DEFAULT_API_KEY_ENV, OPTIONS, type TableRow } from '../../options/table.js';
import type { ConfigPlace } from '../../options/row.js';
import { ConfigError } from './config-error.js';
import type { CliOverrides, ResolvedTarget, RunConfig, TargetConfig, TargetRunOptions } from './types.js';
import { overrideIssues } from './validate-config.js';
import { isObject } from '../../openapi/is-object.js';

export { DEFAULT_API_KEY_ENV } from '../../options/table.js';
export { policyTable } from '../../options/structured-values.js';

export interface ResolveOptions {
  /** Where API keys are read from (default: process.env). */
  env?: Record<string, string | undefined>;
}

type ConfigRow = TableRow & { config: string };
const head = (path: string): string => path.split('.')[0]!;
type Obj = Record<string, unknown>;

const placeOf = (r: TableRow): ConfigPlace => ('configPlace' in r && r.configPlace) || 'settings';
const configRows = (places: ConfigPlace[]): ConfigRow[] =>
  OPTIONS.filter((r): r is ConfigRow => 'config' in r && r.config !== undefined && places.includes(placeOf(r)));
/** Rows a target or `defaults` may set, and the target's own (its URL). */
const TARGET_ROWS = configRows(['settings', 'target']);
/** What the transport always needs, so the run options always carry it. */
const ESSENTIAL = new Set(['target', 'apiKeyEnv', 'authHeader', 'extraHeaders']);
/** Flags consumed here under the file's name or the run API's; every other flag passes through. */
const CONSUMED = new Set(configRows(['settings', 'target', 'file']).flatMap((r) => [head(r.config), head(r.name)]));

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
  const issues = overrideIssues(cli);
  if (issues.length) throw ConfigError.fromIssues(issues, 'read command-line options');
  const env = options.env ?? process.env;
  const defaults = config?.defaults ?? {};
  const targets = config?.targets ?? {};
  const known = Object.keys(targets);
  const url = cli.url as string | undefined;
  const one = (name: string, target: TargetConfig): ResolvedTarget => resolveOne(name, config, [defaults, target, cli], cliOverrides, env);
  if (targetName !== undefined) {
    const target = Object.hasOwn(targets, targetName) ? targets[targetName] : undefined;
    if (target) return [one(targetName, target)];
    if (url) return [one(targetName, { url })];
    const list = known.length ? `known targets: ${known.join(', ')}` : 'the config has no targets';
    throw new ConfigError(`unknown target "${targetName}" (${list}). Add it under "targets" or pass --target URL`, [], 'resolve target');
  }
  if (url) return [one(hostOf(url), { url })];
  if (!known.length) throw new ConfigError('no target to test. Add one under "targets" in the config file or pass --target URL', [], 'resolve target');
  return known.map((name) => one(name, targets[name]!));
}

/** The flags in the file's names, whichever names they came in (flags of no config key left out). */
function fromFlags(flags: CliOverrides): Obj {
  const out: Obj = {};
  for (const r of TARGET_ROWS) {
    const value = flagValue(r, flags as Obj);
    if (value !== undefined) setAt(out, r.config, value);
  }
  return out;
}

function flagValue(r: ConfigRow, flags: Obj): unknown {
  const inFileNames = getAt(flags, r.config);
  if (inFileNames !== undefined) return inFileNames;
  const inRunNames = getAt(flags, r.name);
  // `rateLimit: { ... }` in the file's names is not the run API's `rateLimit: 2`.
  if (inRunNames === undefined || (isObject(inRunNames) && r.value.schema.type !== 'object' && !r.value.fromOption)) return undefined;
  return r.value.fromOption ? (r.value.fromOption as (v: unknown) => unknown)(inRunNames) : inRunNames;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'command-line';
  }
}

function resolveOne(name: string, config: RunConfig | undefined, layers: Obj[], flags: CliOverrides, env: Record<string, string | undefined>): ResolvedTarget {
  const settings: Obj = { budgets: {}, rateLimit: {} };
  for (const r of TARGET_ROWS) {
    const value = layered(r, layers);
    if (value !== undefined) setAt(settings, r.config, value);
    else if (r.value.schema.type === 'array') setAt(settings, r.config, []);
    else if (r.value.merge) setAt(settings, r.config, {});
  }
  settings.apiKeyEnv ??= DEFAULT_API_KEY_ENV;
  settings.auth ??= 'bearer';
  const r = { name, ...settings } as Omit<ResolvedTarget, 'options' | 'authHeader'> & Obj;
  const authRow = TARGET_ROWS.find((row) => row.config === 'auth')!;
  const resolved = { ...r, authHeader: (authRow.value.toOption as (v: unknown) => ResolvedTarget['authHeader'])(r.auth) } as Omit<ResolvedTarget, 'options'>;
  const key = env[resolved.apiKeyEnv];
  if (key !== undefined && key !== '') resolved.apiKey = key;
  return { ...resolved, options: toOptions(resolved as unknown as Obj, config, flags) };
}

/** One key through the layers: the last layer that sets it wins, or (headers, statusPolicy) they merge. */
function layered(r: ConfigRow, layers: Obj[]): unknown {
  const values = layers.map((l) => getAt(l, r.config)).filter((v) => v !== undefined);
  if (!values.length) return undefined;
  const merge = r.value.merge as ((a: unknown, b: unknown) => unknown) | undefined;
  return merge ? values.reduce<unknown>((a, b) => merge(a, b), {}) : values.at(-1);
}

/** Run options: the flags not about targets pass through, then the resolved settings on top. */
function toOptions(r: Obj, config: RunConfig | undefined, flags: CliOverrides): TargetRunOptions & Obj {
  const o: Obj = Object.fromEntries(Object.entries(flags).filter(([k, v]) => v !== undefined && !CONSUMED.has(k)));
  for (const row of TARGET_ROWS) {
    if (row.scope !== 'run') continue;
    const value = getAt(r, row.config);
    // Empty lists and objects mean "not set": the run's own defaults (e.g. models from GET /v1/models) then apply.
    if (!ESSENTIAL.has(row.name) && (value === undefined || isEmpty(value))) continue;
    setAt(o, row.name, row.value.toOption ? (row.value.toOption as (v: unknown) => unknown)(value) : value);
  }
  if (r.apiKey !== undefined) o.apiKey = r.apiKey;
  // The contract (by name, or any other document): flags win over the file, a flag's choice replaces the file's.
  const fromFlags = flags.spec !== undefined || flags.contract !== undefined;
  const spec = fromFlags ? flags.spec : config?.spec;
  const contract = fromFlags ? flags.contract : config?.contract;
  if (spec !== undefined) o.spec = spec;
  if (contract !== undefined) o.contract = contract;
  if (flags.errata === false || (flags.errata === undefined && config?.errata === false)) o.errata = false;
  else if (flags.errata === true) o.errata = true;
  if (flags.overlays === undefined && typeof config?.errata === 'string') o.overlays = [config.errata];
  return o as unknown as TargetRunOptions & Obj;
}

const isEmpty = (v: unknown): boolean => (Array.isArray(v) ? v.length === 0 : isObject(v) && Object.keys(v).length === 0);
