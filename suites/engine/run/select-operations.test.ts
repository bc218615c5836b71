import { describe, expect, it } from 'vitest';
import type { Operation } from '../../openapi/model.js';
import { globMatches, operationMatches } from './operation-glob.js';
import { selectOperations } from './select-operations.js';

const op = (id: string, method: string, path: string, tags: string[]): Operation => ({ id, method, path, pathKey: path, tags }) as unknown as Operation;
const OPS = [
  op('chat_completion', 'post', '/v1/chat/completions', ['chat']),
  op('fim_completion', 'post', '/v1/fim/completions', ['fim']),
  op('list_models', 'get', '/v1/models', ['models']),
  op('files_upload', 'post', '/v1/files', ['files']),
  op('files_list', 'get', '/v1/files', ['files']),
  op('files_retrieve', 'get', '/v1/files/{file_id}', ['files']),
  op('files_delete', 'delete', '/v1/files/{file_id}', ['files']),
];
const ids = (filter: Parameters<typeof selectOperations>[1]): string[] => selectOperations(OPS, filter).map((o) => o.id);
const none = { include: [], exclude: [] };

describe('operation patterns', () => {
  it('take operationIds and tags exactly, METHOD /path in any method case, and globs of each', () => {
    expect(ids({ ...none, include: ['files_list', 'chat'] })).toEqual(['chat_completion', 'files_list']);
    expect(ids({ ...none, include: ['GET /v1/files/{file_id}'] })).toEqual(['files_retrieve']);
    expect(ids({ ...none, include: ['post /v1/files'] })).toEqual(['files_upload']);
    expect(ids({ ...none, include: ['POST /v1/*'] })).toEqual(['chat_completion', 'fim_completion', 'files_upload']);
    expect(ids({ ...none, include: ['* /v1/files/*'] })).toEqual(['files_retrieve', 'files_delete']);
    expect(ids({ ...none, include: ['/v1/*/completions'] })).toEqual(['chat_completion', 'fim_completion']);
    expect(ids({ ...none, include: ['*_completion'] })).toEqual(['chat_completion', 'fim_completion']);
    expect(ids({ ...none, include: ['fil?s'] })).toEqual(['files_upload', 'files_list', 'files_retrieve', 'files_delete']);
    expect(ids({ ...none, include: ['*'] })).toHaveLength(OPS.length);
  });

  it('never match partially without a wildcard, and treat regex characters literally', () => {
    expect(ids({ ...none, include: ['chat_comp'] })).toEqual([]);
    expect(ids({ ...none, include: ['/v1/files'] })).toEqual(['files_upload', 'files_list']);
    expect(globMatches('/v1/files/{file_id}', '/v1/files/{file_id}')).toBe(true);
    expect(globMatches('/v1/files/.+', '/v1/files/abc')).toBe(false);
    expect(operationMatches(OPS[0]!, '  ')).toBe(false);
    // Many stars on a long text that does not match: pattern × text steps at most, not exponential.
    expect(globMatches(`${'*a'.repeat(30)}b`, 'a'.repeat(5000))).toBe(false);
  });

  it('combine kinds of filters with AND (include, method, path), then take the exclusions out', () => {
    expect(ids({ ...none, includeMethods: ['GET'] })).toEqual(['list_models', 'files_list', 'files_retrieve']);
    expect(ids({ ...none, include: ['files'], includeMethods: ['get', 'delete'] })).toEqual(['files_list', 'files_retrieve', 'files_delete']);
    expect(ids({ ...none, includeMethods: ['GET'], includePaths: ['/v1/files*'] })).toEqual(['files_list', 'files_retrieve']);
    expect(ids({ include: ['files'], exclude: ['DELETE *'], includePaths: ['/v1/files/*'] })).toEqual(['files_retrieve']);
    expect(ids({ ...none, includeMethods: [], includePaths: [] })).toHaveLength(OPS.length);
  });
});
