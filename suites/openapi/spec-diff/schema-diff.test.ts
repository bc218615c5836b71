import { describe, expect, it } from 'vitest';
import { diffSchemas, type Role, type SchemaChange } from './schema-diff.js';

type Obj = Record<string, unknown>;

/** Both schemas live in documents of their own, under #/components/schemas/<name>. */
function diff(oldSchema: unknown, newSchema: unknown, role: Role, oldSchemas: Obj = {}, newSchemas: Obj = {}): SchemaChange[] {
  const doc = (root: unknown, more: Obj): Obj => ({ components: { schemas: { Root: root, ...more } } });
  return diffSchemas(
    { doc: doc(oldSchema, oldSchemas), schema: { $ref: '#/components/schemas/Root' }, pointer: '/x' },
    { doc: doc(newSchema, newSchemas), schema: { $ref: '#/components/schemas/Root' }, pointer: '/x' },
    role,
  );
}
const brief = (cs: SchemaChange[]): string[] => cs.map((c) => `${c.at}: ${c.kind} [${c.breaks.join(',')}]`);

const obj = (properties: Obj, required: string[] = [], extra: Obj = {}): Obj => ({ type: 'object', properties, required, ...extra });
const str = { type: 'string' };

interface Row {
  name: string;
  old: unknown;
  new: unknown;
  /** Expected changes as a request schema, then as a response schema. */
  request: string[];
  response: string[];
}

// Narrowing breaks the writer (client in a request, server in a response); widening the reader.
const rows: Row[] = [
  {
    name: 'a required property added',
    old: obj({ a: str }),
    new: obj({ a: str, b: str }, ['b']),
    request: ['b: property-added [client]'],
    response: ['b: property-added [server]'],
  },
  {
    name: 'an optional property added (a strict old server refuses it; an old client of an open object ignores it)',
    old: obj({ a: str }),
    new: obj({ a: str, b: str }),
    request: ['b: property-added [server]'],
    response: ['b: property-added []'],
  },
  {
    name: 'an optional property added to a closed object',
    old: obj({ a: str }, [], { additionalProperties: false }),
    new: obj({ a: str, b: str }, [], { additionalProperties: false }),
    request: ['b: property-added [server]'],
    response: ['b: property-added [client]'],
  },
  {
    name: 'a property removed',
    old: obj({ a: str, b: str }),
    new: obj({ a: str }),
    request: ['b: property-removed [client]'],
    response: ['b: property-removed [client]'],
  },
  {
    name: 'a property made required',
    old: obj({ a: str }),
    new: obj({ a: str }, ['a']),
    request: ['a: required-added [client]'],
    response: ['a: required-added [server]'],
  },
  {
    name: 'a property made optional',
    old: obj({ a: str }, ['a']),
    new: obj({ a: str }),
    request: ['a: required-removed [server]'],
    response: ['a: required-removed [client]'],
  },
  {
    name: 'enum values removed and added',
    old: { type: 'string', enum: ['a', 'b'] },
    new: { type: 'string', enum: ['b', 'c'] },
    request: [': enum-values-removed [client]', ': enum-values-added [server]'],
    response: [': enum-values-removed [server]', ': enum-values-added [client]'],
  },
  { name: 'an enum introduced', old: str, new: { type: 'string', enum: ['a'] }, request: [': enum-added [client]'], response: [': enum-added [server]'] },
  {
    name: 'type narrowed number → integer',
    old: { type: 'number' },
    new: { type: 'integer' },
    request: [': type-changed [client]'],
    response: [': type-changed [server]'],
  },
  {
    name: 'type widened integer → number',
    old: { type: 'integer' },
    new: { type: 'number' },
    request: [': type-changed [server]'],
    response: [': type-changed [client]'],
  },
  {
    name: 'type changed string → object',
    old: str,
    new: { type: 'object' },
    request: [': type-changed [client,server]'],
    response: [': type-changed [client,server]'],
  },
  {
    name: 'null no longer allowed (anyOf with null, and type lists)',
    old: { anyOf: [str, { type: 'null' }] },
    new: str,
    request: [': nullable-removed [client]'],
    response: [': nullable-removed [server]'],
  },
  { name: 'null now allowed', old: str, new: { type: ['string', 'null'] }, request: [': nullable-added [server]'], response: [': nullable-added [client]'] },
  {
    name: 'bounds tightened and loosened',
    old: { type: 'string', maxLength: 10, minLength: 1 },
    new: { type: 'string', maxLength: 5, minLength: 0 },
    // minLength 1 → 0 widens, maxLength 10 → 5 narrows.
    request: [': bound-changed [server]', ': bound-changed [client]'],
    response: [': bound-changed [client]', ': bound-changed [server]'],
  },
  {
    name: 'an object closed',
    old: obj({ a: str }),
    new: obj({ a: str }, [], { additionalProperties: false }),
    request: [': additional-properties-closed [client]'],
    response: [': additional-properties-closed [server]'],
  },
  {
    name: 'changes deep in arrays and nested objects',
    old: obj({ list: { type: 'array', items: obj({ k: { type: 'string', enum: ['x', 'y'] } }) } }),
    new: obj({ list: { type: 'array', items: obj({ k: { type: 'string', enum: ['x'] } }) } }),
    request: ['list[].k: enum-values-removed [client]'],
    response: ['list[].k: enum-values-removed [server]'],
  },
];

describe('diffSchemas: each change, and whom it breaks as a request and as a response', () => {
  for (const row of rows) {
    it(row.name, () => {
      expect(brief(diff(row.old, row.new, 'request'))).toEqual(row.request);
      expect(brief(diff(row.old, row.new, 'response'))).toEqual(row.response);
    });
  }

  it('finds nothing between equal schemas, nor when a property moves into an allOf base or a schema is renamed', () => {
    const chat = obj({ id: str, model: str }, ['id']);
    expect(diff(chat, structuredClone(chat), 'response')).toEqual([]);
    const split = { allOf: [{ $ref: '#/components/schemas/Base' }, obj({ model: str })] };
    expect(diff(chat, split, 'response', {}, { Base: obj({ id: str }, ['id']) })).toEqual([]);
    expect(diff({ $ref: '#/components/schemas/Old' }, { $ref: '#/components/schemas/New' }, 'response', { Old: chat }, { New: chat })).toEqual([]);
  });

  it('ends on recursive schemas', () => {
    const tree = (extra: Obj) => obj({ children: { type: 'array', items: { $ref: '#/components/schemas/Root' } }, ...extra });
    expect(brief(diff(tree({}), tree({ label: str }), 'response'))).toEqual(['label: property-added []']);
  });

  it('pairs union alternatives by name and reports the ones added or removed', () => {
    const u = (...names: string[]) => ({ oneOf: names.map((n) => ({ $ref: `#/components/schemas/${n}` })) });
    const text = obj({ type: { const: 'text' }, text: str }, ['type', 'text']);
    const image = obj({ type: { const: 'image' }, url: str }, ['type', 'url']);
    const think = obj({ type: { const: 'thinking' }, thinking: str }, ['type']);
    const textV2 = obj({ type: { const: 'text' }, text: str, lang: str }, ['type', 'text', 'lang']);
    const changes = diff(u('Text', 'Image'), u('Text', 'Think'), 'response', { Text: text, Image: image }, { Text: textV2, Think: think });
    expect(brief(changes)).toEqual([': alternatives-removed [server]', ': alternatives-added [client]', '<Text>.lang: property-added [server]']);
  });

  it('a single schema that becomes a union is compared with its counterpart (renamed, split in two)', () => {
    const job = obj({ id: str, model: str, status: str }, ['id']);
    const completionJob = obj({ id: str, model: str, status: str, job_type: { const: 'completion' } }, ['id']);
    const classifierJob = obj({ id: str, model: str, targets: str }, ['id']);
    const changes = diff(
      { $ref: '#/components/schemas/JobOut' },
      { oneOf: [{ $ref: '#/components/schemas/CompletionJobOut' }, { $ref: '#/components/schemas/ClassifierJobOut' }] },
      'response',
      { JobOut: job },
      { CompletionJobOut: completionJob, ClassifierJobOut: classifierJob },
    );
    // Not "every property removed": JobOut pairs with CompletionJobOut, the classifier is new.
    expect(brief(changes)).toEqual([': alternatives-added [client]', '<JobOut→CompletionJobOut>.job_type: property-added []']);
    expect(changes[0]?.detail).toBe('alternatives added: ClassifierJobOut');
  });

  it('a string that may also be a list of chunks is a widened type, and the chunks are alternatives', () => {
    const changes = diff(obj({ content: str }), obj({ content: { anyOf: [str, { type: 'array', items: obj({ type: str }) }] } }), 'response');
    expect(brief(changes)).toEqual(['content: type-changed [client]']);
    expect(changes[0]?.detail).toBe('type string → array | string');
  });

  it('says when a $ref no longer resolves', () => {
    expect(brief(diff(obj({ a: str }), obj({ a: { $ref: '#/components/schemas/Gone' } }), 'response'))).toEqual(['a: unresolvable []']);
  });
});
