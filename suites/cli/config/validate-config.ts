// Validates a parsed configuration with Ajv against the schema built from the options table (the one
// config.schema.json holds for editors), and words every problem as a one-line message naming the
// offending entry (schema-messages.ts). The few rules a schema cannot state (a URL carrying
// credentials, an API key given where its variable's name belongs) are the rows' own checks.
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { getAt } from '../../options/paths.js';
import { OPTIONS } from '../../options/table.js';
import type { ConfigPlace } from '../../options/row.js';
import type { JsonSchema } from '../../options/value-types.js';
import { ConfigError, type ConfigIssue } from './config-error.js';
import { buildConfigSchema } from './config-schema.js';
import { childPath, describeValue } from './describe-path.js';
import { issueFromError, type LocatedIssue } from './schema-messages.js';
import type { RunConfig } from './types.js';
import { isObject } from '../../openapi/is-object.js';

export { looksLikeKey } from '../../options/value-types.js';

interface Compiled {
  schema: JsonSchema;
  file: ValidateFunction;
  /** Command-line overrides in the file's names: a target's settings and its url, nothing required. */
  overrides: ValidateFunction;
  /** Every key of the schema in its order, which is the table's: issues are listed in that order. */
  order: Map<string, number>;
}

let compiled: Compiled | undefined;

function compile(): Compiled {
  if (compiled) return compiled;
  const schema = buildConfigSchema();
  const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true });
  // The one annotation of ours: the message for a failing keyword of that node (editors show it too).
  ajv.addKeyword({ keyword: 'errorMessage', schemaType: 'string' });
  ajv.addSchema(schema, 'config');
  const file = ajv.getSchema('config')!;
  const overrides = ajv.compile({ type: 'object', $ref: 'config#/$defs/settings', properties: { url: { $ref: 'config#/$defs/target/properties/url' } } });
  compiled = { schema, file, overrides, order: keyOrder(schema) };
  return compiled;
}

export function configIssues(raw: unknown): { config?: RunConfig; issues: ConfigIssue[] } {
  const { file, schema, order } = compile();
  const located = file(raw) ? [] : issuesOf(file.errors, schema, raw);
  located.push(...fileRuleIssues(raw, located));
  const issues = arrange(located, order).map(({ path, message }) => ({ path, message }));
  if (issues.length) return { issues };
  const r = raw as Record<string, unknown>;
  // A copy: a module's default export may be reused by its author.
  const config: RunConfig = structuredClone({ defaults: r.defaults ?? {}, targets: r.targets ?? {} }) as RunConfig;
  if (r.spec !== undefined) config.spec = r.spec as string;
  if (r.errata !== undefined) config.errata = r.errata as string | boolean;
  return { config, issues: [] };
}

/** Validates a parsed configuration; throws a ConfigError naming the first offending entry. */
export function validateConfig(raw: unknown): RunConfig {
  const { config, issues } = configIssues(raw);
  if (!config) throw ConfigError.fromIssues(issues);
  return config;
}

/**
 * Checks command-line overrides given in the file's names with the same rules; issues are named
 * after the flag (`--concurrency`, `--budgets.maxRequests`). Keys the file does not know are the
 * command line's own business and are not checked here.
 */
export function overrideIssues(raw: Record<string, unknown>): ConfigIssue[] {
  const { overrides, schema, order } = compile();
  const known = new Set(Object.keys((schema.$defs as Record<string, JsonSchema>).settings!.properties as object));
  const given = Object.fromEntries(Object.entries(raw).filter(([k, v]) => v !== undefined && (known.has(k) || k === 'url')));
  const located = overrides(given) ? [] : issuesOf(overrides.errors, schema, given);
  located.push(...ruleIssues(given, [], ['settings', 'target'], located));
  return arrange(located, order).map((i) => ({ path: `--${i.path}`, message: i.message }));
}

function issuesOf(errors: ErrorObject[] | null | undefined, schema: JsonSchema, data: unknown): LocatedIssue[] {
  return (errors ?? []).flatMap((e) => issueFromError(e, schema, data) ?? []);
}

/** The checks of the rows whose keys sit at `places` of `owner` (on strings: the values these rules are about). */
function ruleIssues(owner: unknown, at: Array<string | number>, places: ConfigPlace[], found: LocatedIssue[]): LocatedIssue[] {
  const out: LocatedIssue[] = [];
  for (const r of OPTIONS) {
    const check = r.value.check as ((v: unknown) => { message: string; showValue?: boolean } | undefined) | undefined;
    if (!check || !('config' in r) || r.config === undefined || !places.includes(('configPlace' in r && r.configPlace) || 'settings')) continue;
    const keys = r.config.split('.');
    const value = getAt(owner, r.config);
    if (typeof value !== 'string') continue;
    const segments = [...at, ...keys];
    const path = segments.reduce<string>((p, s) => childPath(p, s), '');
    const problem = check(value);
    const earlier = found.find((i) => i.path === path);
    if (!problem) continue;
    // A problem that must not quote the value (a URL with credentials) replaces the schema's message, which would.
    if (earlier) {
      if (!problem.showValue) earlier.message = problem.message;
      continue;
    }
    out.push({ path, message: problem.showValue ? `${problem.message} (got ${describeValue(value)})` : problem.message, segments });
  }
  return out;
}

/** The rows' checks over the whole file: top level, defaults, every target. */
function fileRuleIssues(raw: unknown, found: LocatedIssue[]): LocatedIssue[] {
  if (!isObject(raw)) return [];
  const out = [...ruleIssues(raw, [], ['file'], found), ...ruleIssues(raw.defaults, ['defaults'], ['settings'], found)];
  if (isObject(raw.targets)) for (const [name, t] of Object.entries(raw.targets)) out.push(...ruleIssues(t, ['targets', name], ['settings', 'target'], found));
  return out;
}

/**
 * One issue per entry, none under a key whose name is wrong (what sits under it was not judged), in
 * the schema's order: a key that is not known first, then the entries as the options table lists them.
 */
function arrange(issues: LocatedIssue[], order: Map<string, number>): LocatedIssue[] {
  const seen = new Set<string>();
  const unique = issues.filter((i) => !seen.has(i.path) && seen.add(i.path));
  const names = unique.filter((i) => i.aboutName);
  const kept = unique.filter((i) => i.aboutName || !names.some((n) => isUnder(i.segments, n.segments)));
  const rank = (i: LocatedIssue, at: number): number => {
    const s = i.segments[at]!;
    if (typeof s === 'number') return s;
    if (i.unknownKey && at === i.segments.length - 1) return -1;
    return order.get(s) ?? order.size;
  };
  return kept
    .map((issue, index) => ({ issue, index }))
    .sort((a, b) => {
      const n = Math.min(a.issue.segments.length, b.issue.segments.length);
      for (let at = 0; at < n; at++) {
        if (a.issue.segments[at] === b.issue.segments[at]) continue;
        return rank(a.issue, at) - rank(b.issue, at) || a.index - b.index;
      }
      return a.issue.segments.length - b.issue.segments.length || a.index - b.index;
    })
    .map(({ issue }) => issue);
}

const isUnder = (path: Array<string | number>, parent: Array<string | number>): boolean =>
  path.length >= parent.length && parent.every((s, i) => path[i] === s);

function keyOrder(schema: JsonSchema): Map<string, number> {
  const order = new Map<string, number>();
  const walk = (s: JsonSchema | undefined): void => {
    for (const [key, sub] of Object.entries((s?.properties ?? {}) as Record<string, JsonSchema>)) {
      if (!order.has(key)) order.set(key, order.size);
      walk(sub);
    }
  };
  const defs = schema.$defs as Record<string, JsonSchema>;
  walk(schema);
  walk(defs.target);
  walk(defs.settings);
  return order;
}
