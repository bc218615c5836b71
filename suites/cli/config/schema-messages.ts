// Ajv's errors as the one-line messages users get: the offending entry in the notation they write
// (`targets.vendorA.models[1]`), what was expected, what was found, and a "did you mean" where a word
// is close. The words come from the schema: a node's `errorMessage`, the `title` or `examples` of a
// missing property, the keywords themselves otherwise. A `writeOnly` value is never echoed.
import type { ErrorObject } from 'ajv';
import type { JsonSchema } from '../../options/value-types.js';
import type { ConfigIssue } from './config-error.js';
import { childPath, closest, describeValue } from './describe-path.js';

/** Keys people reach for when they mean to paste a key: refused without echoing the value. */
const SECRET_KEYS = new Set(['apikey', 'api_key', 'key', 'token', 'secret', 'password', 'bearer']);
/** Summaries of errors reported in detail elsewhere. */
const SUMMARIES = new Set(['if', 'anyOf', 'oneOf', 'propertyNames', 'then', 'else']);

export interface LocatedIssue extends ConfigIssue {
  segments: Array<string | number>;
  /** Names a key that is not in the schema, or may not stand there (listed before the entries it sits beside). */
  unknownKey?: boolean;
  /** About a key's name: what sits under it was not judged. */
  aboutName?: boolean;
}

/** The issue of one Ajv error (`verbose` on) about `data`, or undefined for a summary of other errors. */
export function issueFromError(e: ErrorObject, root: JsonSchema, data: unknown): LocatedIssue | undefined {
  if (SUMMARIES.has(e.keyword) && e.propertyName === undefined) return undefined;
  const at = segmentsOf(e.instancePath, data);
  const ps = (e.parentSchema ?? {}) as JsonSchema;
  if (e.propertyName !== undefined) return nameIssue(e, ps, at);
  if (e.keyword === 'additionalProperties' || e.keyword === 'unevaluatedProperties') {
    const key = String((e.params as Record<string, unknown>).additionalProperty ?? (e.params as Record<string, unknown>).unevaluatedProperty);
    return located([...at, key], unknownKeyMessage(key, knownKeys(ps, root)), { unknownKey: true });
  }
  if (e.keyword === 'required') {
    const missing = String((e.params as { missingProperty: string }).missingProperty);
    const prop = ((ps.properties ?? {}) as Record<string, JsonSchema>)[missing] ?? {};
    const example = Array.isArray(prop.examples) ? prop.examples[0] : undefined;
    const why = typeof prop.title === 'string' ? ` (${prop.title})` : example !== undefined ? ` (e.g. ${JSON.stringify(example)})` : '';
    return located([...at, missing], `is required${why}`);
  }
  // A key that may not stand here (`url` in defaults) is listed with the unknown ones.
  return located(at, valueMessage(e, ps), e.keyword === 'not' ? { unknownKey: true } : {});
}

function located(segments: Array<string | number>, message: string, extra: Partial<LocatedIssue> = {}): LocatedIssue {
  return { path: segments.reduce<string>((p, s) => childPath(p, s), ''), message, segments, ...extra };
}

/** `/targets/a~1b/models/1` → ['targets', 'a/b', 'models', 1]: indexes of arrays are numbers, keys (`"401"`) stay keys. */
function segmentsOf(pointer: string, data: unknown): Array<string | number> {
  if (!pointer) return [];
  const out: Array<string | number> = [];
  let at = data;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const segment = Array.isArray(at) ? Number(key) : key;
    out.push(segment);
    at = at !== null && typeof at === 'object' ? (at as Record<string | number, unknown>)[segment] : undefined;
  }
  return out;
}

function nameIssue(e: ErrorObject, ps: JsonSchema, at: Array<string | number>): LocatedIssue {
  const name = e.propertyName!;
  let message = typeof ps.errorMessage === 'string' ? ps.errorMessage : 'is not a valid name';
  if (e.keyword === 'enum' && Array.isArray(ps.enum)) {
    const known = ps.enum.map(String);
    const hint = closest(name, known);
    message += `${hint ? ` (did you mean "${hint}"?)` : ''}; known: ${known.join(', ')}`;
  }
  return located([...at, name], message, { aboutName: true });
}

function unknownKeyMessage(key: string, known: string[]): string {
  if (SECRET_KEYS.has(key.toLowerCase()))
    return 'is not allowed: API keys never go in the config file; set apiKeyEnv to the NAME of an environment variable holding the key';
  const hint = closest(key, known);
  return `is not a known key${hint ? ` (did you mean "${hint}"?)` : ''}`;
}

/** Keys an object schema allows, its `$ref`'d definition's included; forbidden ones (`not: {}`) left out. */
function knownKeys(schema: JsonSchema, root: JsonSchema): string[] {
  const own = Object.entries((schema.properties ?? {}) as Record<string, JsonSchema>)
    .filter(([, s]) => !('not' in s))
    .map(([k]) => k);
  const ref = typeof schema.$ref === 'string' ? /^#\/\$defs\/(.+)$/.exec(schema.$ref)?.[1] : undefined;
  const target = ref ? ((root.$defs ?? {}) as Record<string, JsonSchema>)[ref] : undefined;
  return target ? [...own, ...knownKeys(target, root)] : own;
}

function valueMessage(e: ErrorObject, ps: JsonSchema): string {
  const own = typeof ps.errorMessage === 'string' ? ps.errorMessage : undefined;
  const enumValues = e.keyword === 'enum' && Array.isArray(ps.enum) ? ps.enum.map(String) : undefined;
  const base = own ?? (enumValues ? `must be one of ${enumValues.join(', ')}` : (expected(e.keyword, ps) ?? `must be valid (${e.message ?? e.keyword})`));
  const hint = !own && enumValues && typeof e.data === 'string' ? closest(e.data, enumValues) : undefined;
  return `${base}${got(e, ps)}${hint ? `; did you mean "${hint}"?` : ''}`;
}

/** What the value should have been, from the keywords of its schema. */
function expected(keyword: string, ps: JsonSchema): string | undefined {
  if (keyword === 'not') return 'is not allowed';
  if (keyword === 'const') return `must be ${JSON.stringify(ps.const)}`;
  switch (ps.type) {
    case 'integer':
      return typeof ps.minimum === 'number' ? `must be an integer ≥ ${ps.minimum}` : 'must be an integer';
    case 'number':
      if (typeof ps.exclusiveMinimum === 'number') return `must be a number > ${ps.exclusiveMinimum}`;
      return typeof ps.minimum === 'number' ? `must be a number ≥ ${ps.minimum}` : 'must be a number';
    case 'string':
      return ps.pattern === '\\S' || ps.minLength === 1 ? 'must be a non-empty string' : 'must be a string';
    case 'boolean':
      return 'must be true or false';
    case 'array':
      return (ps.items as JsonSchema | undefined)?.type === 'string' ? 'must be an array of strings' : 'must be an array';
    case 'object':
      return 'must be an object';
    default:
      return undefined;
  }
}

/** ` (got "x")`; for a value never echoed, only its type when that is what is wrong and the message does not say more. */
function got(e: ErrorObject, ps: JsonSchema): string {
  if (e.keyword === 'not') return '';
  if (ps.writeOnly === true) return e.keyword === 'type' && ps.errorMessage === undefined ? ` (got ${typeName(e.data)})` : '';
  return ` (got ${describeValue(e.data)})`;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  const t = typeof value;
  return t === 'object' || t === 'undefined' ? `an ${t}` : `a ${t}`;
}
