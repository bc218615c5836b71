// Visits every JSON Schema inside a schema, with its JSON pointer. Shared by normalisation, lint and
// generation so that all three agree on where subschemas live.
import { isObject } from './is-object.js';
import { joinPointer } from './json-pointer.js';

type Obj = Record<string, unknown>;

const SINGLE = [
  'items',
  'additionalProperties',
  'not',
  'if',
  'then',
  'else',
  'contains',
  'propertyNames',
  'unevaluatedItems',
  'unevaluatedProperties',
  'additionalItems',
];
const ARRAYS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const MAPS = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'];

/** Calls `visit` on `schema` and on every subschema, depth first, parents before children. */
export function walkSchema(schema: unknown, pointer: string, visit: (schema: Obj, pointer: string) => void): void {
  if (!isObject(schema)) return;
  visit(schema, pointer);
  for (const key of SINGLE) {
    const sub = schema[key];
    // `items` may still be the old tuple form (an array) when visited before normalisation.
    if (Array.isArray(sub)) sub.forEach((s, i) => walkSchema(s, joinPointer(pointer, key, i), visit));
    else walkSchema(sub, joinPointer(pointer, key), visit);
  }
  for (const key of ARRAYS) {
    const list = schema[key];
    if (Array.isArray(list)) list.forEach((s, i) => walkSchema(s, joinPointer(pointer, key, i), visit));
  }
  for (const key of MAPS) {
    const map = schema[key];
    if (isObject(map)) for (const [name, s] of Object.entries(map)) walkSchema(s, joinPointer(pointer, key, name), visit);
  }
}

/**
 * Every schema root of an OpenAPI document: component schemas, and the `schema` of every parameter,
 * header and media type (in paths, webhooks and components). Yields pointer and schema.
 */
export function* documentSchemaRoots(doc: unknown): Generator<[string, unknown]> {
  if (!isObject(doc)) return;
  const components = isObject(doc.components) ? doc.components : {};
  if (isObject(components.schemas)) {
    for (const [name, s] of Object.entries(components.schemas)) yield [joinPointer('', 'components', 'schemas', name), s];
  }
  // Everything else: find `schema` members under objects that can carry them.
  function* scan(node: unknown, pointer: string, depth: number): Generator<[string, unknown]> {
    if (depth > 12 || !isObject(node)) return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'schema' && isObject(value)) {
        yield [joinPointer(pointer, key), value];
        continue;
      }
      if (key === 'example' || key === 'examples' || key === 'x-codeSamples') continue;
      if (isObject(value)) yield* scan(value, joinPointer(pointer, key), depth + 1);
      else if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) yield* scan(value[i], joinPointer(pointer, key, i), depth + 1);
      }
    }
  }
  for (const section of ['paths', 'webhooks'] as const) yield* scan(doc[section], joinPointer('', section), 0);
  for (const section of ['parameters', 'requestBodies', 'responses', 'headers', 'pathItems'] as const) {
    yield* scan(components[section], joinPointer('', 'components', section), 0);
  }
}
