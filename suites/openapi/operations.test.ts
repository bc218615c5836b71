import { describe, expect, it } from 'vitest';
import { buildOperations } from './operations.js';

describe('buildOperations', () => {
  const doc = {
    openapi: '3.1.0',
    paths: {
      '/v1/items/{id}': {
        parameters: [{ $ref: '#/components/parameters/Id' }],
        get: {
          parameters: [
            { name: 'filter', in: 'query', content: { 'application/json': { schema: { type: 'object' }, example: { a: 1 } } } },
            { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
          ],
          responses: { '200': { $ref: '#/components/responses/Item' } },
        },
      },
      '/v1/items#stream': { post: { responses: { default: { description: 'x' } } } },
    },
    components: {
      parameters: { Id: { name: 'id', in: 'path', schema: { type: 'string' } } },
      responses: { Item: { description: 'item', content: { 'application/json': { schema: { type: 'object' } } } } },
    },
  };

  it('reads parameter schemas given through `content`, with their pointer and example', () => {
    const [op] = buildOperations(doc);
    const filter = op!.parameters.find((p) => p.name === 'filter')!;
    expect(filter.schema).toEqual({ type: 'object' });
    expect(filter.schemaPointer).toBe('/paths/~1v1~1items~1{id}/get/parameters/0/content/application~1json/schema');
    expect(filter.examples).toEqual([{ a: 1 }]);
  });

  it('lets operation parameters override path-level ones, follows response refs, splits #variant keys', () => {
    const [get, post] = buildOperations(doc);
    expect(get!.parameters.find((p) => p.name === 'id')!.schema).toEqual({ type: 'string', format: 'uuid' });
    expect(get!.responses[0]!.content[0]!.schemaPointer).toBe('/components/responses/Item/content/application~1json/schema');
    expect(post).toMatchObject({ id: 'POST /v1/items#stream', path: '/v1/items', pathKey: '/v1/items#stream' });
  });
});
