import { describe, expect, it } from 'vitest';
import { createOperationMatcher } from './operation-matcher.js';
import { buildOperations } from './operations.js';

const op = (operationId: string) => ({ operationId, responses: { '200': { description: 'ok' } } });

// Written in an order where the first template in the document would shadow the literal paths.
const DOC = {
  openapi: '3.1.0',
  info: { title: 't', version: '1' },
  paths: {
    '/v1/workflows/{workflow_identifier}': { get: op('get_workflow'), delete: op('delete_workflow') },
    '/v1/workflows/runs': { get: op('list_runs') },
    '/v1/workflows/{workflow_identifier}/execute': { post: op('execute_workflow') },
    '/v1/workflows/executions/{execution_id}/cancel': { post: op('cancel_execution') },
    '/v1/workflows/{workflow_identifier}/{action}': { post: op('workflow_action') },
    '/v1/models': { get: op('list_models') },
    '/v1/models/{model_id}': { get: op('get_model'), delete: op('delete_model') },
    '/v1/files/{file_id}.{format}': { get: op('file_as') },
    '/v1/conversations': { post: op('start_conversation') },
    '/v1/conversations#stream': { post: op('start_conversation_stream') },
  },
};

const matcher = createOperationMatcher(buildOperations(DOC));
const idOf = (method: string, path: string): string | undefined => matcher.find(method, path)?.id;

describe('operation matcher', () => {
  it('matches literal paths and templates, with the path parameters decoded', () => {
    expect(idOf('GET', '/v1/models')).toBe('list_models');
    expect(matcher.match('GET', '/v1/models/ft%3Aopen-mistral-7b%2Fx')).toEqual({
      kind: 'found',
      op: expect.objectContaining({ id: 'get_model' }),
      params: { model_id: 'ft:open-mistral-7b/x' },
    });
    expect(matcher.match('GET', '/v1/files/abc.jsonl')).toMatchObject({ kind: 'found', params: { file_id: 'abc', format: 'jsonl' } });
  });

  it('prefers a literal segment to a template, whatever the document order', () => {
    expect(idOf('GET', '/v1/workflows/runs')).toBe('list_runs');
    expect(idOf('GET', '/v1/workflows/nightly')).toBe('get_workflow');
    expect(idOf('POST', '/v1/workflows/executions/e1/cancel')).toBe('cancel_execution');
    // The leftmost difference decides: `{workflow_identifier}/execute` beats `{workflow_identifier}/{action}`.
    expect(idOf('POST', '/v1/workflows/w1/execute')).toBe('execute_workflow');
    expect(idOf('POST', '/v1/workflows/w1/archive')).toBe('workflow_action');
  });

  it('matches per method: a literal path without the method falls to a template that has it', () => {
    expect(idOf('DELETE', '/v1/workflows/runs')).toBe('delete_workflow');
  });

  it('takes the first of two variants of one URL (a `#variant` path key) in document order', () => {
    expect(idOf('POST', '/v1/conversations')).toBe('start_conversation');
  });

  it('ignores the query and the fragment, and accepts the method in any case', () => {
    expect(idOf('get', '/v1/models/m1?x=1#y')).toBe('get_model');
  });

  it('says which methods a known path allows, and when no path matches', () => {
    expect(matcher.match('PUT', '/v1/models/m1')).toEqual({ kind: 'method-not-allowed', allow: ['GET', 'DELETE'] });
    expect(matcher.match('GET', '/v1/unknown')).toEqual({ kind: 'not-found' });
    // A template parameter is never empty, a trailing slash is another path, and segment counts must agree.
    expect(matcher.match('GET', '/v1/models/')).toEqual({ kind: 'not-found' });
    expect(matcher.match('GET', '/v1/models/a/b')).toEqual({ kind: 'not-found' });
    expect(matcher.match('GET', '/v2/models')).toEqual({ kind: 'not-found' });
  });

  it('keeps a value that is not valid percent-encoding as sent, and names it', () => {
    expect(matcher.match('GET', '/v1/models/100%')).toMatchObject({ kind: 'found', params: { model_id: '100%' }, undecodable: ['model_id'] });
  });

  it('treats regular-expression characters in a template as text', () => {
    const m = createOperationMatcher(buildOperations({ openapi: '3.1.0', info: { title: 't', version: '1' }, paths: { '/v1/a.b/{id}': { get: op('dot') } } }));
    expect(m.find('GET', '/v1/a.b/1')?.id).toBe('dot');
    expect(m.find('GET', '/v1/aXb/1')).toBeUndefined();
  });
});
