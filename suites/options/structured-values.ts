// Option values with structure: headers, how the key is sent, status-policy overrides, the errata
// switch and shards. Their config-file shape and their run-option shape may differ (`auth` in a file,
// `authHeader` in the run API); the converters say how one becomes the other.
import { parseShard, type Shard } from '../engine/shard.js';
import type { StatusSituation } from '../engine/types.js';
import type { StatusPolicyTable, Verdict } from '../mistral/status-policy.js';
import { ifThenElse, listOf, type ValueType } from './value-types.js';

export type { StatusPolicyTable, Verdict } from '../mistral/status-policy.js';
export const VERDICTS: readonly Verdict[] = ['pass', 'warn', 'fail'];

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
// Compile-time guard: a situation added to the contract must be added here too.
const allSituations: [Exclude<StatusSituation, (typeof SITUATIONS)[number]>] extends [never] ? true : never = true;
void allSituations;

/**
 * Status-policy overrides: status (`401`, `4XX`) → a verdict for every situation, or a verdict per
 * situation (`*` = any situation not listed).
 */
export type StatusPolicyOverrides = Record<string, Verdict | Partial<Record<StatusSituation | '*', Verdict>>>;

/** `bearer` = `Authorization: Bearer <key>`; `{ header }` = the key alone (or after `scheme`) in that header. */
export type AuthConfig = 'bearer' | { header: string; scheme?: string };

/** The header the transport sets. */
export interface AuthHeader {
  name: string;
  scheme?: string;
}

const HEADER_NAME = "^[!#$%&'*+.^_`|~0-9A-Za-z-]+$";
/** Header names that carry credentials: those belong in auth and apiKeyEnv, where the key is redacted. */
const CREDENTIAL_HEADER =
  '^([Aa][Uu][Tt][Hh][Oo][Rr][Ii][Zz][Aa][Tt][Ii][Oo][Nn]|[Pp][Rr][Oo][Xx][Yy]-[Aa][Uu][Tt][Hh][Oo][Rr][Ii][Zz][Aa][Tt][Ii][Oo][Nn]|[Xx]-[Aa][Pp][Ii]-[Kk][Ee][Yy]|[Aa][Pp][Ii]-[Kk][Ee][Yy]|[Cc][Oo][Oo][Kk][Ii][Ee])$';

/** Extra headers; `--header "K: V"` on the command line. Values are not echoed: they may be tokens. */
export function headers(): ValueType<Record<string, string>> {
  return {
    schema: {
      type: 'object',
      errorMessage: 'must be an object of header names to values',
      propertyNames: {
        allOf: [
          { pattern: HEADER_NAME, errorMessage: 'is not a valid HTTP header name' },
          {
            not: { pattern: CREDENTIAL_HEADER },
            errorMessage: 'must not carry credentials: use auth and apiKeyEnv (the key is read from the environment and redacted)',
          },
        ],
      },
      additionalProperties: {
        type: 'string',
        writeOnly: true,
        allOf: [{ type: 'string', writeOnly: true, pattern: '^[^\\r\\n\\u0000]*$', errorMessage: 'must not contain line breaks' }],
      },
    },
    fromFlag(input, flag) {
      const items = listOf(input);
      if (!items.length) return undefined;
      const out: Record<string, string> = {};
      for (const h of items) {
        const i = h.indexOf(':');
        if (i <= 0) throw new Error(`--${flag} must look like "Name: value" (got "${h}")`);
        out[h.slice(0, i).trim()] = h.slice(i + 1).trim();
      }
      return out;
    },
    merge: mergeHeaders,
  };
}

/**
 * Headers whose values are secrets: header name → the environment variable holding the value
 * (`--secret-header "X-Gateway-Token=GATEWAY_TOKEN"`). The value is read when the run starts, sent
 * with every request, redacted everywhere, and written as `$GATEWAY_TOKEN` in reproductions.
 */
export function secretHeaders(): ValueType<Record<string, string>> {
  return {
    schema: {
      type: 'object',
      errorMessage: 'must be an object of header names to names of environment variables',
      propertyNames: { pattern: HEADER_NAME, errorMessage: 'is not a valid HTTP header name' },
      additionalProperties: {
        type: 'string',
        pattern: '^[A-Za-z_][A-Za-z0-9_]*$',
        writeOnly: true,
        errorMessage: 'must be the NAME of an environment variable holding the value (the value itself never goes in files)',
      },
    },
    fromFlag(input, flag) {
      const items = listOf(input);
      if (!items.length) return undefined;
      const out: Record<string, string> = {};
      for (const h of items) {
        const m = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+)=([A-Za-z_][A-Za-z0-9_]*)$/.exec(h.trim());
        // The text may be a value pasted by mistake: it is not repeated.
        if (!m) throw new Error(`--${flag} must look like "Header-Name=ENV_VARIABLE" (the name of the variable holding the value)`);
        out[m[1]!] = m[2]!;
      }
      return out;
    },
    merge: mergeHeaders,
  };
}

/** Header names are case-insensitive: a later layer's `X-Foo` replaces an earlier `x-foo`. */
function mergeHeaders(earlier: Record<string, string>, later: Record<string, string>): Record<string, string> {
  const out = { ...earlier };
  for (const [name, value] of Object.entries(later)) {
    for (const existing of Object.keys(out)) if (existing.toLowerCase() === name.toLowerCase()) delete out[existing];
    out[name] = value;
  }
  return out;
}

/** How the key is sent: `bearer`, or `{ header, scheme? }`; `--auth-header NAME` on the command line. */
export function auth(): ValueType<AuthConfig, AuthHeader> {
  return {
    // An object is judged as an object, anything else as "bearer".
    schema: ifThenElse(
      { type: 'object' },
      {
        type: 'object',
        required: ['header'],
        additionalProperties: false,
        properties: {
          header: {
            type: 'string',
            pattern: HEADER_NAME,
            examples: ['x-api-key'],
            errorMessage: 'must be an HTTP header name',
            description: 'Header carrying the key.',
          },
          scheme: { type: 'string', pattern: '\\S', description: 'Optional word before the key in that header (e.g. Token).' },
        },
      },
      { const: 'bearer', errorMessage: 'must be "bearer" or { "header": "<name>" }' },
    ),
    fromFlag: (input) => (typeof input === 'string' && input ? { name: input } : undefined),
    toOption: (value) =>
      value === 'bearer' ? { name: 'Authorization', scheme: 'Bearer' } : value.scheme ? { name: value.header, scheme: value.scheme } : { name: value.header },
    fromOption: (value) => (value.scheme ? { header: value.name, scheme: value.scheme } : { header: value.name }),
  };
}

/** Status keys as the policy reads them: `401`, `4xx`. */
export const statusKey = (status: string): string => status.toLowerCase();

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

/** Status-policy overrides (config files only). */
export function statusPolicy(): ValueType<StatusPolicyOverrides, StatusPolicyTable> {
  const verdict = { $ref: '#/$defs/verdict' };
  return {
    schema: {
      type: 'object',
      errorMessage: 'must be an object of statuses to verdicts',
      propertyNames: { pattern: '^([1-5][0-9][0-9]|[1-5][Xx][Xx])$', errorMessage: 'is not a status: use a code ("401") or a range ("4XX")' },
      additionalProperties: ifThenElse({ type: 'string' }, verdict, {
        type: 'object',
        errorMessage: 'must be a verdict or an object of situations to verdicts',
        propertyNames: { enum: [...SITUATIONS, '*'], errorMessage: 'is not a known situation' },
        additionalProperties: verdict,
      }),
    },
    fromFlag: () => undefined,
    toOption: policyTable,
    merge: mergePolicy,
  };
}

/** By status, then (when both are per situation) by situation; keys as the policy reads them. */
function mergePolicy(earlier: StatusPolicyOverrides, later: StatusPolicyOverrides): StatusPolicyOverrides {
  const out: StatusPolicyOverrides = {};
  for (const layer of [earlier, later]) {
    for (const [status, value] of Object.entries(layer)) {
      const key = statusKey(status);
      const before = out[key];
      out[key] = typeof value === 'object' && typeof before === 'object' ? { ...before, ...value } : typeof value === 'object' ? { ...value } : value;
    }
  }
  return out;
}

/** The errata switch: `--no-errata` on the command line; a file may name an overlay instead. */
export function errata(): ValueType<string | boolean, boolean> {
  const message = "must be a path to an overlay, true (the contract's errata) or false (the literal spec)";
  return {
    schema: ifThenElse({ type: 'string' }, { type: 'string', pattern: '\\S', errorMessage: message }, { type: 'boolean', errorMessage: message }),
    switch: true,
    fromFlag: (input) => (input === true ? false : undefined),
  };
}

/** `i/n`: the i-th of n parts of the operations. */
export function shard(): ValueType<Shard> {
  return {
    schema: {
      type: 'object',
      required: ['index', 'total'],
      additionalProperties: false,
      properties: { index: { type: 'integer', minimum: 1 }, total: { type: 'integer', minimum: 1 } },
    },
    fromFlag: (input) => (typeof input === 'string' && input ? parseShard(input) : undefined),
  };
}
