// Finds every example the document gives, with the pointer of the schema it must satisfy: schema
// `example`/`examples` (properties included), and media type and parameter `example`/`examples`.
import { joinPointer } from '../json-pointer.js';
import { isObject } from '../is-object.js';
import { isJsonMediaType, resolveLocalRef } from './support.js';
import type { Obj } from './types.js';

export interface ExampleValue {
  /** Where the example is. */
  pointer: string;
  /** Where its schema is. */
  schemaPointer: string;
  value: unknown;
}

export interface MalformedExamples {
  pointer: string;
  message: string;
}

export function schemaExamples(schemas: Array<[string, Obj]>): { values: ExampleValue[]; malformed: MalformedExamples[] } {
  const values: ExampleValue[] = [];
  const malformed: MalformedExamples[] = [];
  for (const [pointer, s] of schemas) {
    if ('example' in s) values.push({ pointer: joinPointer(pointer, 'example'), schemaPointer: pointer, value: s.example });
    if (Array.isArray(s.examples))
      s.examples.forEach((v, i) => values.push({ pointer: joinPointer(pointer, 'examples', i), schemaPointer: pointer, value: v }));
    else if ('examples' in s)
      malformed.push({ pointer: joinPointer(pointer, 'examples'), message: 'schema `examples` must be an array of values (JSON Schema 2020-12), not a map' });
  }
  return { values, malformed };
}

/** Media type and parameter examples: objects that carry a `schema` next to `example`/`examples`. */
export function objectExamples(doc: Obj): ExampleValue[] {
  const out: ExampleValue[] = [];
  const visit = (node: unknown, pointer: string, key: string, depth: number): void => {
    if (depth > 14 || !isObject(node)) return;
    if (isObject(node.schema) || typeof node.schema === 'boolean') {
      // A non-JSON media type (event streams, multipart, binary) encodes its example differently.
      const isMediaType = key.includes('/');
      if (!isMediaType || isJsonMediaType(key)) {
        const schemaPointer = joinPointer(pointer, 'schema');
        if ('example' in node) out.push({ pointer: joinPointer(pointer, 'example'), schemaPointer, value: node.example });
        if (isObject(node.examples)) {
          for (const [name, raw] of Object.entries(node.examples)) {
            const ex = isObject(raw) && typeof raw.$ref === 'string' ? resolveLocalRef(doc, raw.$ref)?.value : raw;
            if (isObject(ex) && 'value' in ex) out.push({ pointer: joinPointer(pointer, 'examples', name, 'value'), schemaPointer, value: ex.value });
          }
        }
      }
    }
    for (const [k, v] of Object.entries(node)) {
      if (k === 'schema' || k === 'example' || k === 'examples') continue;
      if (Array.isArray(v)) v.forEach((item, i) => visit(item, joinPointer(pointer, k, i), String(i), depth + 1));
      else visit(v, joinPointer(pointer, k), k, depth + 1);
    }
  };
  visit(doc.paths, '/paths', 'paths', 0);
  visit(doc.webhooks, '/webhooks', 'webhooks', 0);
  const components = isObject(doc.components) ? doc.components : {};
  for (const section of ['parameters', 'requestBodies', 'responses', 'headers', 'pathItems']) {
    visit(components[section], joinPointer('', 'components', section), section, 0);
  }
  return out;
}
