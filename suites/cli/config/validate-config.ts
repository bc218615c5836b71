// Validates a parsed configuration by hand (not with Ajv) so every problem names the offending entry
// in the notation users write and says what was expected: one line, ready for the terminal.
// config.schema.json mirrors these rules for editors; config-schema.test.ts keeps the two in step.
import type { Phase, StatusSituation } from '../../engine/types.js';
import { ConfigError, type ConfigIssue } from './config-error.js';
import { childPath, closest, describeValue } from './describe-path.js';
import type { AuthConfig, RunConfig, StatusPolicyOverrides, TargetConfig, TargetSettings, Verdict } from './types.js';

export const PHASES = ['examples', 'coverage', 'positive', 'negative', 'auth', 'semantic', 'stateful', 'probe'] as const satisfies readonly Phase[];
export const SITUATIONS = [
  'valid',
  'invalid-input',
  'unknown-resource',
  'no-credentials',
  'invalid-credentials',
  'forbidden-state',
  'rate-limited',
  'unsupported-model',
  'unknown',
] as const satisfies readonly StatusSituation[];
// Compile-time guard: a situation added to the contract must be added here too (phases are only
// those a user may select, so `recorded`, which replays traffic, is not one).
const allSituations: [Exclude<StatusSituation, (typeof SITUATIONS)[number]>] extends [never] ? true : never = true;
void allSituations;

const VERDICTS: readonly Verdict[] = ['pass', 'warn', 'fail'];
const SETTING_KEYS = [
  'apiKeyEnv',
  'auth',
  'headers',
  'models',
  'include',
  'exclude',
  'statusPolicy',
  'budgets',
  'rateLimit',
  'concurrency',
  'agentId',
  'timeoutMs',
  'maxTokens',
  'phases',
  'readOnly',
  'allowCostly',
] as const satisfies readonly (keyof TargetSettings)[];
const TARGET_KEYS = [...SETTING_KEYS, 'url', 'description'] as const;
const TOP_KEYS = ['$schema', 'spec', 'errata', 'defaults', 'targets'] as const;
/** Keys people reach for when they mean to paste a key: refused without echoing the value. */
const SECRET_KEYS = new Set(['apikey', 'api_key', 'key', 'token', 'secret', 'password', 'bearer']);
const CREDENTIAL_HEADERS = new Set(['authorization', 'proxy-authorization', 'x-api-key', 'api-key', 'cookie']);
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const TARGET_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
const STATUS_KEY = /^([1-5][0-9][0-9]|[1-5]XX)$/i;

type Obj = Record<string, unknown>;

const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

class Checker {
  readonly issues: ConfigIssue[] = [];

  fail(path: string, message: string): undefined {
    this.issues.push({ path, message });
    return undefined;
  }

  object(value: unknown, path: string, what = 'an object'): Obj | undefined {
    return isObject(value) ? value : this.fail(path, `must be ${what} (got ${describeValue(value)})`);
  }

  /** Reports keys outside `known`, with a "did you mean" hint; secrets-looking keys get their own advice. */
  keys(obj: Obj, path: string, known: readonly string[]): void {
    for (const key of Object.keys(obj)) {
      if (known.includes(key)) continue;
      const at = childPath(path, key);
      if (SECRET_KEYS.has(key.toLowerCase())) {
        this.fail(at, 'is not allowed: API keys never go in the config file; set apiKeyEnv to the NAME of an environment variable holding the key');
        continue;
      }
      const hint = closest(key, known);
      this.fail(at, `is not a known key${hint ? ` (did you mean "${hint}"?)` : ''}`);
    }
  }

  string(value: unknown, path: string): string | undefined {
    if (typeof value === 'string' && value.trim() !== '') return value;
    return this.fail(path, `must be a non-empty string (got ${describeValue(value)})`);
  }

  boolean(value: unknown, path: string): boolean | undefined {
    return typeof value === 'boolean' ? value : this.fail(path, `must be true or false (got ${describeValue(value)})`);
  }

  integer(value: unknown, path: string, min: number): number | undefined {
    if (typeof value === 'number' && Number.isSafeInteger(value) && value >= min) return value;
    return this.fail(path, `must be an integer ≥ ${min} (got ${describeValue(value)})`);
  }

  positive(value: unknown, path: string): number | undefined {
    if (typeof value === 'number' && Number.isFinite(value) && value > 0) return value;
    return this.fail(path, `must be a number > 0 (got ${describeValue(value)})`);
  }

  strings(value: unknown, path: string): string[] | undefined {
    if (!Array.isArray(value)) return this.fail(path, `must be an array of strings (got ${describeValue(value)})`);
    const out: string[] = [];
    value.forEach((item, i) => {
      const s = this.string(item, childPath(path, i));
      if (s !== undefined) out.push(s);
    });
    return out;
  }

  oneOf<T extends string>(value: unknown, path: string, allowed: readonly T[]): T | undefined {
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
    const hint = typeof value === 'string' ? closest(value, allowed) : undefined;
    return this.fail(path, `must be one of ${allowed.join(', ')} (got ${describeValue(value)})${hint ? `; did you mean "${hint}"?` : ''}`);
  }
}

export function configIssues(raw: unknown): { config?: RunConfig; issues: ConfigIssue[] } {
  const c = new Checker();
  const root = c.object(raw, '', 'a JSON object');
  if (!root) return { issues: [{ path: '', message: `the file must hold a JSON object (got ${describeValue(raw)})` }] };
  c.keys(root, '', TOP_KEYS);
  const config: RunConfig = { defaults: {}, targets: {} };
  if (root.$schema !== undefined) c.string(root.$schema, '$schema');
  if (root.spec !== undefined) {
    const spec = c.string(root.spec, 'spec');
    if (spec !== undefined) config.spec = spec;
  }
  if (root.errata !== undefined) {
    if (typeof root.errata === 'boolean') config.errata = root.errata;
    else if (typeof root.errata === 'string' && root.errata.trim() !== '') config.errata = root.errata;
    else c.fail('errata', `must be a path to an overlay, true (the pinned errata) or false (the literal spec) (got ${describeValue(root.errata)})`);
  }
  if (root.defaults !== undefined) {
    const defaults = c.object(root.defaults, 'defaults');
    if (defaults) {
      if ('url' in defaults) c.fail('defaults.url', 'is not allowed: each target sets its own url');
      c.keys(Object.fromEntries(Object.entries(defaults).filter(([k]) => k !== 'url')), 'defaults', SETTING_KEYS);
      config.defaults = settings(c, defaults, 'defaults');
    }
  }
  if (root.targets !== undefined) {
    const targets = c.object(root.targets, 'targets', 'an object of named targets');
    for (const [name, value] of Object.entries(targets ?? {})) {
      const path = childPath('targets', name);
      if (!TARGET_NAME.test(name)) {
        c.fail(path, 'is not a valid target name (letters, digits, _ . - ; starting with a letter or digit)');
        continue;
      }
      const t = target(c, value, path);
      if (t) config.targets[name] = t;
    }
  }
  return c.issues.length ? { issues: c.issues } : { config, issues: [] };
}

/** Validates a parsed configuration; throws a ConfigError naming the first offending entry. */
export function validateConfig(raw: unknown): RunConfig {
  const { config, issues } = configIssues(raw);
  if (!config) throw ConfigError.fromIssues(issues);
  return config;
}

function target(c: Checker, value: unknown, path: string): TargetConfig | undefined {
  const obj = c.object(value, path);
  if (!obj) return undefined;
  c.keys(obj, path, TARGET_KEYS);
  const url = obj.url === undefined ? c.fail(childPath(path, 'url'), 'is required (the base URL of the server)') : baseUrl(c, obj.url, childPath(path, 'url'));
  const s = settings(c, obj, path);
  if (url === undefined) return undefined;
  const t: TargetConfig = { ...s, url };
  if (obj.description !== undefined) {
    const d = c.string(obj.description, childPath(path, 'description'));
    if (d !== undefined) t.description = d;
  }
  return t;
}

export function baseUrl(c: { fail(path: string, message: string): undefined }, value: unknown, path: string): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return c.fail(path, `must be an http(s) URL (got ${describeValue(value)})`);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return c.fail(path, `must be an http(s) URL (got ${describeValue(value)})`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return c.fail(path, `must be an http(s) URL (got ${describeValue(value)})`);
  // Credentials in a URL would end up in reports and curl lines: refuse, and do not echo them.
  if (url.username || url.password) return c.fail(path, 'must not carry credentials: set apiKeyEnv to the name of an environment variable holding the key');
  return value;
}

function settings(c: Checker, obj: Obj, path: string): TargetSettings {
  const s: TargetSettings = {};
  const at = (key: string): string => childPath(path, key);
  if (obj.apiKeyEnv !== undefined) {
    const v = apiKeyEnv(c, obj.apiKeyEnv, at('apiKeyEnv'));
    if (v !== undefined) s.apiKeyEnv = v;
  }
  if (obj.auth !== undefined) {
    const v = auth(c, obj.auth, at('auth'));
    if (v !== undefined) s.auth = v;
  }
  if (obj.headers !== undefined) {
    const v = headers(c, obj.headers, at('headers'));
    if (v !== undefined) s.headers = v;
  }
  for (const key of ['models', 'include', 'exclude'] as const) {
    if (obj[key] === undefined) continue;
    const v = c.strings(obj[key], at(key));
    if (v !== undefined) s[key] = v;
  }
  if (obj.statusPolicy !== undefined) {
    const v = statusPolicy(c, obj.statusPolicy, at('statusPolicy'));
    if (v !== undefined) s.statusPolicy = v;
  }
  if (obj.budgets !== undefined) {
    const b = c.object(obj.budgets, at('budgets'));
    if (b) {
      c.keys(b, at('budgets'), ['maxRequests', 'maxTotalTokens', 'maxDurationMs']);
      s.budgets = {};
      for (const key of ['maxRequests', 'maxTotalTokens', 'maxDurationMs'] as const) {
        if (b[key] === undefined) continue;
        const v = c.integer(b[key], childPath(at('budgets'), key), 1);
        if (v !== undefined) s.budgets[key] = v;
      }
    }
  }
  if (obj.rateLimit !== undefined) {
    const r = c.object(obj.rateLimit, at('rateLimit'));
    if (r) {
      const p = at('rateLimit');
      c.keys(r, p, ['requestsPerSecond', 'maxRetries', 'maxRetryWaitMs']);
      s.rateLimit = {};
      if (r.requestsPerSecond !== undefined) {
        const v = c.positive(r.requestsPerSecond, childPath(p, 'requestsPerSecond'));
        if (v !== undefined) s.rateLimit.requestsPerSecond = v;
      }
      for (const key of ['maxRetries', 'maxRetryWaitMs'] as const) {
        if (r[key] === undefined) continue;
        const v = c.integer(r[key], childPath(p, key), 0);
        if (v !== undefined) s.rateLimit[key] = v;
      }
    }
  }
  for (const key of ['concurrency', 'timeoutMs', 'maxTokens'] as const) {
    if (obj[key] === undefined) continue;
    const v = c.integer(obj[key], at(key), 1);
    if (v !== undefined) s[key] = v;
  }
  if (obj.agentId !== undefined) {
    const v = c.string(obj.agentId, at('agentId'));
    if (v !== undefined) s.agentId = v;
  }
  if (obj.phases !== undefined) {
    if (!Array.isArray(obj.phases) || obj.phases.length === 0) c.fail(at('phases'), `must be a non-empty array of phases (got ${describeValue(obj.phases)})`);
    else {
      const phases: Phase[] = [];
      obj.phases.forEach((p, i) => {
        const v = c.oneOf(p, childPath(at('phases'), i), PHASES);
        if (v !== undefined) phases.push(v);
      });
      s.phases = phases;
    }
  }
  for (const key of ['readOnly', 'allowCostly'] as const) {
    if (obj[key] === undefined) continue;
    const v = c.boolean(obj[key], at(key));
    if (v !== undefined) s[key] = v;
  }
  return s;
}

/** The value is never echoed: a user who pasted the key itself here must not see it in CI logs. */
function apiKeyEnv(c: Checker, value: unknown, path: string): string | undefined {
  if (typeof value !== 'string' || !ENV_NAME.test(value)) {
    return c.fail(path, 'must be the NAME of an environment variable (letters, digits and _, e.g. "MISTRAL_API_KEY")');
  }
  if (looksLikeKey(value))
    return c.fail(path, 'looks like an API key, not the name of a variable: put the key in an environment variable and give its name here');
  return value;
}

/** Long mixed-case alphanumeric strings without `_` are keys (Mistral keys are 32 such characters), not names. */
export function looksLikeKey(value: string): boolean {
  return value.length >= 20 && !value.includes('_') && /[a-z]/.test(value) && /[A-Z]/.test(value) && /[0-9]/.test(value);
}

function auth(c: Checker, value: unknown, path: string): AuthConfig | undefined {
  if (value === 'bearer') return 'bearer';
  if (isObject(value)) {
    c.keys(value, path, ['header', 'scheme']);
    const header =
      value.header === undefined ? c.fail(childPath(path, 'header'), 'is required (e.g. "x-api-key")') : headerName(c, value.header, childPath(path, 'header'));
    let scheme: string | undefined;
    if (value.scheme !== undefined) scheme = c.string(value.scheme, childPath(path, 'scheme'));
    if (header === undefined) return undefined;
    return scheme === undefined ? { header } : { header, scheme };
  }
  return c.fail(path, `must be "bearer" or { "header": "<name>" } (got ${describeValue(value)})`);
}

function headerName(c: Checker, value: unknown, path: string): string | undefined {
  if (typeof value === 'string' && HEADER_NAME.test(value)) return value;
  return c.fail(path, `must be an HTTP header name (got ${describeValue(value)})`);
}

/** Header values are not echoed either: they may be tokens. */
function headers(c: Checker, value: unknown, path: string): Record<string, string> | undefined {
  const obj = c.object(value, path, 'an object of header names to values');
  if (!obj) return undefined;
  const out: Record<string, string> = {};
  for (const [name, v] of Object.entries(obj)) {
    const at = childPath(path, name);
    if (!HEADER_NAME.test(name)) {
      c.fail(at, 'is not a valid HTTP header name');
      continue;
    }
    if (CREDENTIAL_HEADERS.has(name.toLowerCase())) {
      c.fail(at, 'must not carry credentials: use auth and apiKeyEnv (the key is read from the environment and redacted)');
      continue;
    }
    if (typeof v !== 'string') c.fail(at, `must be a string (got ${v === null ? 'null' : Array.isArray(v) ? 'an array' : `a ${typeof v}`})`);
    else if (/[\r\n\0]/.test(v)) c.fail(at, 'must not contain line breaks');
    else out[name] = v;
  }
  return out;
}

function statusPolicy(c: Checker, value: unknown, path: string): StatusPolicyOverrides | undefined {
  const obj = c.object(value, path, 'an object of statuses to verdicts');
  if (!obj) return undefined;
  const out: StatusPolicyOverrides = {};
  for (const [status, v] of Object.entries(obj)) {
    const at = childPath(path, status);
    if (!STATUS_KEY.test(status)) {
      c.fail(at, 'is not a status: use a code ("401") or a range ("4XX")');
      continue;
    }
    if (typeof v === 'string') {
      const verdict = c.oneOf(v, at, VERDICTS);
      if (verdict) out[status] = verdict;
      continue;
    }
    const bySituation = c.object(v, at, 'a verdict or an object of situations to verdicts');
    if (!bySituation) continue;
    const entry: Partial<Record<StatusSituation | '*', Verdict>> = {};
    for (const [situation, verdict] of Object.entries(bySituation)) {
      const sAt = childPath(at, situation);
      const known = [...SITUATIONS, '*'] as const;
      if (!(known as readonly string[]).includes(situation)) {
        const hint = closest(situation, known);
        c.fail(sAt, `is not a known situation${hint ? ` (did you mean "${hint}"?)` : ''}; known: ${known.join(', ')}`);
        continue;
      }
      const v2 = c.oneOf(verdict, sAt, VERDICTS);
      if (v2) entry[situation as StatusSituation | '*'] = v2;
    }
    out[status] = entry;
  }
  return out;
}

/**
 * Checks command-line overrides given in this file's names with the same rules; issues are named
 * after the flag (`--concurrency`, `--budgets.maxRequests`). Keys this file does not know are the
 * command line's own business and are not checked here.
 */
export function overrideIssues(raw: Record<string, unknown>): ConfigIssue[] {
  const c = new Checker();
  const known = Object.fromEntries(Object.entries(raw).filter(([k, v]) => v !== undefined && (SETTING_KEYS as readonly string[]).includes(k)));
  settings(c, known, '');
  if (raw.url !== undefined) baseUrl(c, raw.url, 'url');
  return c.issues.map((i) => ({ path: `--${i.path}`, message: i.message }));
}
