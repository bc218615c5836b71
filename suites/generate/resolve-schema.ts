// Turns a schema into one flat object: local `$ref`s followed (siblings kept, as 2020-12 allows) and
// `allOf` merged. Unions (`anyOf`/`oneOf`) stay for the union arbitrary to pick from.
import { getAtPointer } from '../openapi/json-pointer.js';
import { isObject } from '../openapi/is-object.js';
import { mergeSchemas } from './merge-schemas.js';

export type Schema = Record<string, unknown>;

export class UnsupportedSchemaError extends Error {
  override name = 'UnsupportedSchemaError';
}

const resolvedCache = new WeakMap<object, Schema>();

export function resolveRef(document: Record<string, unknown>, ref: string): unknown {
  if (!ref.startsWith('#')) throw new UnsupportedSchemaError(`only local $refs are supported, got ${ref}`);
  const target = getAtPointer(document, ref.slice(1));
  if (target === undefined) throw new UnsupportedSchemaError(`$ref ${ref} points at nothing`);
  return target;
}

/** `true` → `{}`; `false` → `{not: {}}` (nothing allowed). */
export function asSchema(schema: unknown): Schema {
  if (schema === true || schema === undefined) return {};
  if (schema === false) return { not: {} };
  if (!isObject(schema)) throw new UnsupportedSchemaError(`not a schema: ${JSON.stringify(schema)}`);
  return schema;
}

export function resolveSchema(document: Record<string, unknown>, raw: unknown, depth = 0): Schema {
  const schema = asSchema(raw);
  const cached = resolvedCache.get(schema);
  if (cached) return cached;
  if (depth > 32) throw new UnsupportedSchemaError('$ref chain too deep (cycle?)');
  let out: Schema = schema;
  if (typeof schema.$ref === 'string') {
    const { $ref, ...siblings } = schema;
    const target = resolveSchema(document, resolveRef(document, $ref), depth + 1);
    out = Object.keys(siblings).length ? mergeSchemas(target, resolveSchema(document, siblings, depth + 1)) : target;
  } else if (Array.isArray(schema.allOf)) {
    const { allOf, ...rest } = schema;
    out = (allOf as unknown[]).reduce<Schema>((acc, part) => mergeSchemas(acc, resolveSchema(document, part, depth + 1)), rest);
  }
  resolvedCache.set(schema, out);
  return out;
}

export interface UnionBranches {
  kind: 'anyOf' | 'oneOf';
  raw: unknown[];
  merged: Schema[];
}

// Cached so that each branch keeps one identity: arbitraries and compiled validators are cached per object.
const branchCache = new WeakMap<Schema, UnionBranches | null>();

/** The branches of a union schema, each merged with the union's own sibling keywords. */
export function unionBranches(document: Record<string, unknown>, schema: Schema): UnionBranches | undefined {
  const cached = branchCache.get(schema);
  if (cached !== undefined) return cached ?? undefined;
  const computed = computeBranches(document, schema);
  branchCache.set(schema, computed ?? null);
  return computed;
}

function computeBranches(document: Record<string, unknown>, schema: Schema): UnionBranches | undefined {
  const kind = Array.isArray(schema.oneOf) ? 'oneOf' : Array.isArray(schema.anyOf) ? 'anyOf' : undefined;
  if (!kind) return undefined;
  const raw = schema[kind] as unknown[];
  const { [kind]: _drop, discriminator: _d, ...base } = schema;
  const hasBase = Object.keys(base).some((k) => !ANNOTATIONS.has(k));
  const merged = raw.map((b) => {
    const branch = resolveSchema(document, b);
    return hasBase ? mergeSchemas(resolveSchema(document, base), branch) : branch;
  });
  return { kind, raw, merged };
}

/** Keywords that do not constrain values. */
export const ANNOTATIONS = new Set([
  'title',
  'description',
  'default',
  'examples',
  'example',
  'deprecated',
  'readOnly',
  'writeOnly',
  '$comment',
  'xml',
  'externalDocs',
]);

export type JsonType = 'string' | 'number' | 'integer' | 'boolean' | 'null' | 'array' | 'object';

/** Declared types, or the ones the keywords imply when `type` is absent; undefined = any. */
export function schemaTypes(schema: Schema): JsonType[] | undefined {
  if (typeof schema.type === 'string') return [schema.type as JsonType];
  if (Array.isArray(schema.type)) return schema.type as JsonType[];
  if ('const' in schema) return undefined;
  if (Array.isArray(schema.enum)) return undefined;
  if (isObject(schema.properties) || Array.isArray(schema.required) || 'additionalProperties' in schema) return ['object'];
  if ('items' in schema || 'prefixItems' in schema || 'minItems' in schema || 'maxItems' in schema) return ['array'];
  if ('minLength' in schema || 'maxLength' in schema || 'pattern' in schema) return ['string'];
  if ('minimum' in schema || 'maximum' in schema || 'exclusiveMinimum' in schema || 'exclusiveMaximum' in schema || 'multipleOf' in schema) return ['number'];
  return undefined;
}
