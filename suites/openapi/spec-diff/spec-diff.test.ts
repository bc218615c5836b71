import { describe, expect, it } from 'vitest';
import { buildOperations } from '../operations.js';
import { diffSpecs, operationKey, type DiffInput, type SpecDiff } from './spec-diff.js';

type Obj = Record<string, unknown>;

const json = (schema: Obj): Obj => ({ 'application/json': { schema } });
const ok = (schema: Obj = { type: 'object' }): Obj => ({ '200': { description: 'ok', content: json(schema) } });
const input = (paths: Obj, schemas: Obj = {}): DiffInput => {
  const document = { openapi: '3.1.0', info: { title: 'T', version: '1' }, paths, components: { schemas } };
  return { document, operations: buildOperations(document), info: { title: 'T', version: '1', source: 'mem' } };
};
const brief = (d: SpecDiff, path: string): string[] =>
  (d.changed.find((c) => c.path === path)?.changes ?? []).map((c) => `${c.location}${c.at ? ` ${c.at}` : ''}: ${c.kind} [${c.breaks.join(',')}]`);

describe('diffSpecs', () => {
  it('matches operations by method and path key, not by operationId or path parameter names', () => {
    const old = input({
      '/v1/items/{item_id}': { get: { operationId: 'get_item', responses: ok() }, delete: { operationId: 'del', responses: ok() } },
      '/v1/chat': { post: { operationId: 'chat_v1', responses: ok() } },
      '/v1/gone': { get: { operationId: 'gone', responses: ok() } },
    });
    const next = input({
      '/v1/items/{id}': { get: { operationId: 'items_get', responses: ok() }, delete: { operationId: 'del', responses: ok() } },
      '/v1/chat': { post: { operationId: 'chat_v2', responses: ok() } },
      '/v1/chat#stream': { post: { operationId: 'chat_stream', responses: ok() } },
      '/v1/new': { post: { operationId: 'new_op', tags: ['fresh'], responses: ok() } },
    });
    const d = diffSpecs(old, next);
    expect(d.added.map((o) => `${o.method} ${o.path} ${o.operationId}`)).toEqual(['post /v1/chat#stream chat_stream', 'post /v1/new new_op']);
    expect(d.removed.map((o) => o.operationId)).toEqual(['gone']);
    expect(d.renamed).toEqual([
      { method: 'get', path: '/v1/items/{id}', from: 'get_item', to: 'items_get' },
      { method: 'post', path: '/v1/chat', from: 'chat_v1', to: 'chat_v2' },
    ]);
    expect(d.summary.kept).toBe(3);
    expect(d.unchanged).toBe(3);
    expect(d.changed).toEqual([]);
    expect(operationKey({ method: 'get', pathKey: '/v1/a/{x}/b/{y}#v' })).toBe('get /v1/a/{}/b/{}#v');
  });

  it('finds parameter, body and response changes, and whom each breaks', () => {
    const body = (schema: Obj, required = true): Obj => ({ required, content: json(schema) });
    const old = input({
      '/v1/chat': {
        post: {
          parameters: [
            { name: 'limit', in: 'query', schema: { type: 'integer' } },
            { name: 'legacy', in: 'query', schema: { type: 'string' } },
          ],
          requestBody: body({ type: 'object', properties: { model: { type: 'string' } }, required: ['model'] }),
          responses: {
            ...ok({ type: 'object', properties: { id: { type: 'string' }, data: { type: 'string' } }, required: ['id'] }),
            '201': { description: 'created' },
            '422': { description: 'invalid', content: json({ type: 'object' }) },
          },
        },
      },
    });
    const next = input({
      '/v1/chat': {
        post: {
          deprecated: true,
          parameters: [
            { name: 'limit', in: 'query', required: true, schema: { type: 'integer', maximum: 10 } },
            { name: 'cursor', in: 'query', required: true, schema: { type: 'string' } },
          ],
          requestBody: body({ type: 'object', properties: { model: { type: 'string' }, effort: { type: 'string', enum: ['low'] } }, required: ['model'] }),
          responses: {
            '200': {
              description: 'ok',
              content: {
                ...json({ type: 'object', properties: { id: { type: 'string' }, created: { type: 'integer' } }, required: ['id', 'created'] }),
                'text/event-stream': { schema: { type: 'object' } },
              },
            },
            '422': { description: 'invalid', content: json({ type: 'object' }) },
            '429': { description: 'slow down' },
          },
        },
      },
    });
    expect(brief(diffSpecs(old, next), '/v1/chat')).toEqual([
      'query limit: required-added [client]',
      'query limit: bound-changed [client]',
      'query legacy: parameter-removed [client]',
      'query cursor: parameter-added [client]',
      'body application/json effort: property-added [server]',
      '200 application/json data: property-removed [client]',
      '200 application/json created: property-added [server]',
      '200 text/event-stream: media-type-added [client]',
      '201: status-removed [client,server]',
      '429: status-added []',
      'operation: deprecated []',
    ]);
  });

  it('reads schemas from the documents it is given, errata applied, and counts the breaking changes', () => {
    const schemas = (required: string[]): Obj => ({ R: { type: 'object', properties: { a: { type: 'string' } }, required } });
    const path = { '/r': { get: { responses: ok({ $ref: '#/components/schemas/R' }) } } };
    const d = diffSpecs(input(path, schemas([])), input(path, schemas(['a'])));
    expect(brief(d, '/r')).toEqual(['200 application/json a: required-added [server]']);
    expect(d.summary).toEqual({ kept: 1, breaking: { client: 0, server: 1 }, breakingOperations: 1 });
  });
});
