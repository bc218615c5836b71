import { describe, expect, it } from 'vitest';
import { lintDocument } from './lint.js';
import { LINT_RULES } from './lint-rules/index.js';

type Obj = Record<string, unknown>;

function doc(schemas: Obj, paths: Obj = {}, openapi = '3.1.0'): Obj {
  return { openapi, info: { title: 't', version: '1' }, paths, components: { schemas } };
}
const op = (extra: Obj = {}): Obj => ({
  responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object' } } } } },
  ...extra,
});

interface Row {
  rule: string;
  valid: Obj;
  invalid: Obj;
  /** Pointer of the expected finding on the invalid document. */
  pointer: string;
}

const rows: Row[] = [
  {
    rule: 'undeclared-required',
    valid: doc({
      Base: { type: 'object', properties: { id: { type: 'string' } } },
      R: { allOf: [{ $ref: '#/components/schemas/Base' }, { type: 'object', properties: { x: {} }, required: ['id', 'x'] }] },
      Map: { type: 'object', additionalProperties: { type: 'string' }, required: ['anything'] },
      P: { type: 'object', patternProperties: { '^x-': {} }, required: ['x-a'] },
    }),
    invalid: doc({
      Base: { type: 'object', properties: { id: { type: 'string' } } },
      R: { allOf: [{ $ref: '#/components/schemas/Base' }, { type: 'object', properties: { x: {} }, required: ['id', 'data'] }] },
    }),
    pointer: '/components/schemas/R/allOf/1/required/1',
  },
  {
    rule: 'tuple-items',
    valid: doc({ A: { type: 'array', items: { type: 'string' } }, T: { type: 'array', prefixItems: [{ type: 'string' }] } }),
    invalid: doc({ A: { type: 'array', items: [{ type: 'string' }] } }),
    pointer: '/components/schemas/A',
  },
  {
    rule: 'pattern-unchecked',
    valid: doc({ A: { type: 'string', pattern: '^(a+)+$' }, M: { type: 'object', patternProperties: { '^x-': {} } } }),
    invalid: doc({ A: { type: 'string', pattern: '^(?=.*\\d)\\w+$' } }),
    pointer: '/components/schemas/A/pattern',
  },
  {
    rule: 'nullable-in-31',
    valid: doc({ A: { type: ['string', 'null'] } }),
    invalid: doc({ A: { type: 'object', properties: { n: { type: 'string', nullable: true } } } }),
    pointer: '/components/schemas/A/properties/n',
  },
  {
    rule: 'exclusive-bound-boolean',
    valid: doc({ A: { type: 'number', exclusiveMinimum: 0 } }),
    invalid: doc({ A: { type: 'number', minimum: 0, exclusiveMinimum: true } }),
    pointer: '/components/schemas/A',
  },
  {
    rule: 'unresolvable-ref',
    valid: doc({ A: { $ref: '#/components/schemas/B' }, B: { type: 'string' } }),
    invalid: doc({ A: { type: 'object', properties: { b: { $ref: '#/components/schemas/Missing' } } } }),
    pointer: '/components/schemas/A/properties/b',
  },
  {
    rule: 'local-defs-ref',
    valid: doc({ A: { $defs: { X: { type: 'string' } }, type: 'object', properties: { x: { $ref: '#/components/schemas/A/$defs/X' } } } }),
    invalid: doc({ A: { $defs: { X: { type: 'string' } }, type: 'object', properties: { x: { $ref: '#/$defs/X' } } } }),
    pointer: '/components/schemas/A/properties/x',
  },
  {
    rule: 'discriminator-not-required',
    valid: doc({
      U: { oneOf: [{ $ref: '#/components/schemas/A' }, { $ref: '#/components/schemas/B' }], discriminator: { propertyName: 'kind' } },
      A: { type: 'object', properties: { kind: { const: 'a' } }, required: ['kind'] },
      B: { allOf: [{ $ref: '#/components/schemas/A' }, { properties: { b: {} } }] },
    }),
    invalid: doc({
      U: {
        oneOf: [{ $ref: '#/components/schemas/A' }, { $ref: '#/components/schemas/B' }],
        discriminator: { propertyName: 'kind', mapping: { a: '#/components/schemas/A', b: 'B' } },
      },
      A: { type: 'object', properties: { kind: { const: 'a' } }, required: ['kind'] },
      B: { type: 'object', properties: { kind: { const: 'b', default: 'b' } } },
    }),
    pointer: '/components/schemas/B',
  },
  {
    rule: 'discriminator-mapping-invalid',
    valid: doc({
      U: { oneOf: [{ $ref: '#/components/schemas/A' }], discriminator: { propertyName: 'kind', mapping: { a: '#/components/schemas/A' } } },
      A: { type: 'object', properties: { kind: { type: 'string', enum: ['a'] } }, required: ['kind'] },
    }),
    invalid: doc({
      U: { oneOf: [{ $ref: '#/components/schemas/A' }], discriminator: { propertyName: 'kind', mapping: { b: '#/components/schemas/A' } } },
      A: { type: 'object', properties: { kind: { const: 'a' } }, required: ['kind'] },
    }),
    pointer: '/components/schemas/U/discriminator/mapping/b',
  },
  {
    rule: 'example-invalid',
    valid: doc(
      { A: { type: 'object', properties: { n: { type: 'integer', example: 3 } }, example: { n: 1 } } },
      {
        '/a': {
          get: {
            parameters: [{ name: 'q', in: 'query', schema: { type: 'integer' }, example: 2 }],
            responses: {
              '200': {
                description: 'ok',
                content: {
                  'application/json': { schema: { $ref: '#/components/schemas/A' }, examples: { one: { value: { n: 2 } } } },
                  'text/event-stream': { schema: { type: 'object' }, example: 'data: x' },
                },
              },
            },
          },
        },
      },
    ),
    invalid: doc({ A: { type: 'object', properties: { n: { type: 'integer' } }, example: [{ n: 1 }] } }),
    pointer: '/components/schemas/A/example',
  },
  {
    rule: 'default-invalid',
    valid: doc({ A: { type: 'object', properties: { s: { anyOf: [{ type: 'string' }, { type: 'null' }], default: null } } } }),
    invalid: doc({ A: { type: 'object', properties: { s: { type: 'string', default: null } } } }),
    pointer: '/components/schemas/A/properties/s/default',
  },
  {
    rule: 'path-parameter-mismatch',
    valid: doc({}, { '/a/{id}': { get: op({ parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }] }) } }),
    invalid: doc({}, { '/a/{id}': { get: op() } }),
    pointer: '/paths/~1a~1{id}/get',
  },
  {
    rule: 'duplicate-operation-id',
    valid: doc({}, { '/a': { get: op({ operationId: 'a' }) }, '/b': { get: op({ operationId: 'b' }) } }),
    invalid: doc({}, { '/a': { get: op({ operationId: 'a' }) }, '/b': { get: op({ operationId: 'a' }) } }),
    pointer: '/paths/~1b/get',
  },
  {
    rule: 'stream-undocumented',
    valid: doc(
      {},
      {
        '/c': {
          post: op({
            requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { stream: { type: 'boolean' } } } } } },
            responses: { '200': { description: 'ok', content: { 'application/json': { schema: {} }, 'text/event-stream': { schema: {} } } } },
          }),
        },
      },
    ),
    invalid: doc(
      {},
      { '/c': { post: op({ requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { stream: { type: 'boolean' } } } } } } }) } },
    ),
    pointer: '/paths/~1c/post/responses/200/content',
  },
  {
    rule: 'sse-envelope',
    valid: doc(
      {},
      {
        '/c': {
          post: op({
            responses: {
              '200': { description: 'ok', content: { 'text/event-stream': { schema: { type: 'object', properties: { id: {} }, required: ['id'] } } } },
            },
          }),
        },
      },
    ),
    invalid: doc(
      {},
      {
        '/c': {
          post: op({
            responses: {
              '200': { description: 'ok', content: { 'text/event-stream': { schema: { type: 'object', properties: { data: {} }, required: ['data'] } } } },
            },
          }),
        },
      },
    ),
    pointer: '/paths/~1c/post/responses/200/content/text~1event-stream',
  },
  {
    rule: 'security-without-401',
    valid: {
      ...doc(
        {},
        { '/a': { get: op({ responses: { '200': { description: 'ok' }, '4XX': { description: 'client error' } } }) }, '/b': { get: op({ security: [] }) } },
      ),
      security: [{ key: [] }],
    },
    invalid: { ...doc({}, { '/a': { get: op() } }), security: [{ key: [] }] },
    pointer: '/paths/~1a/get/responses',
  },
];

describe('lint rules: each fires on a faulty document and stays quiet on a conforming one', () => {
  it('every rule has a row', () => {
    expect(rows.map((r) => r.rule).sort()).toEqual(LINT_RULES.map((r) => r.id).sort());
  });
  for (const row of rows) {
    const rule = LINT_RULES.find((r) => r.id === row.rule)!;
    it(`${row.rule}: quiet on the valid document`, () => {
      expect(lintDocument(row.valid, [rule])).toEqual([]);
    });
    it(`${row.rule}: fires on the invalid document at ${row.pointer}`, () => {
      const findings = lintDocument(row.invalid, [rule]);
      expect(findings.map((f) => f.pointer)).toContain(row.pointer);
      expect(findings.every((f) => f.rule === row.rule && f.severity === rule.severity && f.message.length > 0 && !f.message.includes('\n'))).toBe(true);
    });
  }

  it('nullable and boolean bounds are not defects in an OpenAPI 3.0 document', () => {
    const d = doc({ A: { type: 'number', nullable: true, minimum: 0, exclusiveMinimum: true } }, {}, '3.0.3');
    expect(lintDocument(d)).toEqual([]);
  });

  it('example-invalid checks media type, parameter and named examples too', () => {
    const d = doc(
      { A: { type: 'object', properties: { n: { type: 'integer' } }, required: ['n'] } },
      {
        '/a': {
          get: {
            parameters: [{ name: 'q', in: 'query', schema: { type: 'integer' }, example: 'nope' }],
            responses: {
              '200': {
                description: 'ok',
                content: { 'application/json': { schema: { $ref: '#/components/schemas/A' }, example: {}, examples: { bad: { value: { n: 'x' } } } } },
              },
            },
          },
        },
      },
    );
    const pointers = lintDocument(
      d,
      LINT_RULES.filter((r) => r.id === 'example-invalid'),
    ).map((f) => f.pointer);
    expect(pointers.sort()).toEqual([
      '/paths/~1a/get/parameters/0/example',
      '/paths/~1a/get/responses/200/content/application~1json/example',
      '/paths/~1a/get/responses/200/content/application~1json/examples/bad/value',
    ]);
  });

  it('a `#/$defs/X` meant for the $defs of an allOf part is a local-defs-ref warning, not an unresolvable ref', () => {
    const d = doc({ A: { allOf: [{ $defs: { X: { type: 'string' } }, type: 'object', properties: { x: { $ref: '#/$defs/X' } } }] } });
    expect(lintDocument(d)).toEqual([expect.objectContaining({ rule: 'local-defs-ref', pointer: '/components/schemas/A/allOf/0/properties/x' })]);
    expect(lintDocument(d)[0]?.message).toContain('/components/schemas/A/allOf/0 defines it');
  });

  it('stream-undocumented: a `stream` pinned to false cannot ask for a stream (the JSON half of a `#stream` variant)', () => {
    const rule = LINT_RULES.filter((r) => r.id === 'stream-undocumented');
    const withStream = (stream: Obj): Obj =>
      doc(
        {},
        { '/c': { post: op({ requestBody: { content: { 'application/json': { schema: { allOf: [{ type: 'object', properties: { stream } }] } } } } }) } },
      );
    expect(lintDocument(withStream({ type: 'boolean', enum: [false], default: false }), rule)).toEqual([]);
    expect(lintDocument(withStream({ type: 'boolean', const: false }), rule)).toEqual([]);
    expect(lintDocument(withStream({ type: 'boolean', enum: [true, false] }), rule)).toHaveLength(1);
    expect(lintDocument(withStream({ type: 'boolean', const: true }), rule)).toHaveLength(1);
    // The JSON half of a `#stream` pair: a base allowing any boolean, narrowed by an allOf part.
    const narrowed = doc(
      { Base: { type: 'object', properties: { stream: { anyOf: [{ type: 'boolean' }, { type: 'null' }] } } } },
      {
        '/c': {
          post: op({
            requestBody: {
              content: {
                'application/json': {
                  schema: { allOf: [{ $ref: '#/components/schemas/Base' }, { type: 'object', properties: { stream: { type: 'boolean', enum: [false] } } }] },
                },
              },
            },
          }),
        },
      },
    );
    expect(lintDocument(narrowed, rule)).toEqual([]);
  });

  it('sse-envelope: SDK-style envelopes `{event, data}` and `{event, data, id, retry}` too, not a payload with a `data` member', () => {
    const rule = LINT_RULES.filter((r) => r.id === 'sse-envelope');
    const stream = (schema: Obj): Obj =>
      doc({}, { '/c': { post: op({ responses: { '200': { description: 'ok', content: { 'text/event-stream': { schema } } } } }) } });
    const conversation = { type: 'object', properties: { event: { type: 'string' }, data: { type: 'object' } }, required: ['event', 'data'] };
    expect(lintDocument(stream(conversation), rule)[0]?.message).toContain('describes the SSE fields (event, data)');
    const workflow = { type: 'object', properties: { event: {}, data: {}, id: {}, retry: { type: 'integer' } } };
    expect(lintDocument(stream(workflow), rule)).toHaveLength(1);
    // A chunk that happens to carry `id` and an optional `data` list is a payload, not an envelope.
    expect(lintDocument(stream({ type: 'object', properties: { id: { type: 'string' }, data: { type: 'array' } } }), rule)).toEqual([]);
    expect(lintDocument(stream({ type: 'object', properties: { data: {}, object: {} }, required: ['data'] }), rule)).toEqual([]);
  });

  it('undeclared-required with additionalProperties: false says the schema is unsatisfiable', () => {
    const d = doc({ A: { type: 'object', properties: {}, required: ['x'], additionalProperties: false } });
    expect(lintDocument(d)[0]?.message).toMatch(/no body can satisfy/);
  });
});
