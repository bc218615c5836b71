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
  it.each(['$.paths.*.post.responses.200', 'paths', '$.[', "$['a'", '$.list[?@.type ~ 1]', '$..', '$.list[?@.n > ]', "$.list[?length(@) == 'x' && ]"])(
    'rejects %s with a one-line error',
    (expr) => {
      expect(() => selectPaths(doc, expr)).toThrow(JsonPathError);
      expect(() => selectPaths(doc, expr)).toThrow(/^[^\n]*is not an RFC 9535 JSONPath query: [^\n]*$/);
    },
  );
});

describe('selectPaths: the rest of RFC 9535', () => {
  const items = { list: [{ n: 1, t: 'a' }, { n: 5, t: 'b' }, { n: 3, t: 'a' }, { n: 8 }], tags: ['x', 'y', 'z'] };

  it.each([
    [
      'unions of names',
      "$['tags','list'][0]",
      [
        ['tags', 0],
        ['list', 0],
      ],
    ],
    [
      'unions of indexes, in the order written',
      '$.tags[2,0]',
      [
        ['tags', 2],
        ['tags', 0],
      ],
    ],
    [
      'slices',
      '$.tags[0:2]',
      [
        ['tags', 0],
        ['tags', 1],
      ],
    ],
    [
      'slices with a step',
      '$.tags[::2]',
      [
        ['tags', 0],
        ['tags', 2],
      ],
    ],
    [
      'slices from the end',
      '$.tags[-2:]',
      [
        ['tags', 1],
        ['tags', 2],
      ],
    ],
    [
      '< and && in a filter',
      "$.list[?@.n < 4 && @.t == 'a']",
      [
        ['list', 0],
        ['list', 2],
      ],
    ],
    [
      '>= and ||',
      "$.list[?@.n >= 8 || @.t == 'b']",
      [
        ['list', 1],
        ['list', 3],
      ],
    ],
    ['! and existence', '$.list[?!@.t]', [['list', 3]]],
    [
      'functions',
      '$.list[?length(@.t) == 1 && @.n > 2]',
      [
        ['list', 1],
        ['list', 2],
      ],
    ],
    [
      'match()',
      "$.tags[?match(@, '[xz]')]",
      [
        ['tags', 0],
        ['tags', 2],
      ],
    ],
  ] as const)('%s: %s', (_what, expr, expected) => {
    expect(selectPaths(items, expr)).toEqual(expected);
  });

  it('gives raw member names back, whatever characters they hold', () => {
    const odd = { "it's": 1, 'back\\slash': 2, 'new\nline': 3, 'bell\u0007': 4, '/v1/{id}': 5 };
    const paths = selectPaths(odd, '$.*');
    expect(paths.map((p) => p[0])).toEqual(Object.keys(odd));
    for (const [key] of paths) expect(odd[key as keyof typeof odd]).toBeDefined();
  });
});
