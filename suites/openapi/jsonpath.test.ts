import { describe, expect, it } from 'vitest';
import { JsonPathError, selectPaths } from './jsonpath.js';

const doc = {
  paths: {
    '/v1/chat': { post: { responses: { '200': { content: { 'text/event-stream': { schema: 1 }, 'application/json': { schema: 2 } } } } } },
    '/v1/fim': { post: { responses: { '200': { content: { 'application/json': { schema: 3 } } } } }, get: { x: 1 } },
  },
  list: [{ type: 'a', n: { v: 1 } }, { type: 'b' }, { type: 'a', d: { propertyName: 'x' } }],
  required: ['id', 'data'],
};

describe('selectPaths', () => {
  it.each([
    ['$', [[]]],
    ['$.required[1]', [['required', 1]]],
    ['$.required[-1]', [['required', 1]]],
    ['$.required[5]', []],
    [
      "$.paths['/v1/chat'].post.responses['200'].content[\"text/event-stream\"]",
      [['paths', '/v1/chat', 'post', 'responses', '200', 'content', 'text/event-stream']],
    ],
    ['$.paths.*.get', [['paths', '/v1/fim', 'get']]],
    ["$.required[?(@ == 'data')]", [['required', 1]]],
    [
      "$.list[?@.type == 'a']",
      [
        ['list', 0],
        ['list', 2],
      ],
    ],
    ["$.list[?@.type != 'a']", [['list', 1]]],
    ['$.list[?@.n.v == 1]', [['list', 0]]],
    ['$.list[?@.d]', [['list', 2]]],
    ['$..propertyName', [['list', 2, 'd', 'propertyName']]],
    ["$..['text/event-stream']", [['paths', '/v1/chat', 'post', 'responses', '200', 'content', 'text/event-stream']]],
    ["$..[?@.type == 'b']", [['list', 1]]],
    [
      '$.list[*].type',
      [
        ['list', 0, 'type'],
        ['list', 1, 'type'],
        ['list', 2, 'type'],
      ],
    ],
  ] as const)('%s', (expr, expected) => {
    expect(selectPaths(doc, expr)).toEqual(expected);
  });

  it('selects schema members by quoted names under wildcards', () => {
    expect(selectPaths(doc, "$.paths.*.post.responses['200'].content['application/json'].schema")).toHaveLength(2);
  });

  // `.200`: RFC 9535 shorthand names cannot start with a digit; errata must write `['200']`.
  it.each(['$.paths.*.post.responses.200', 'paths', '$.[', "$['a'", '$.list[?@.type ~ 1]', '$.list[1:2]', '$..'])('rejects %s', (expr) => {
    expect(() => selectPaths(doc, expr)).toThrow(JsonPathError);
  });
});
