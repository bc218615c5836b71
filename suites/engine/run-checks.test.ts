import { describe, expect, it } from 'vitest';
import { judgesRequest, requestValidity } from './run-checks.js';
import type { Check, TestCase } from './types.js';

const base: TestCase = { id: 'op/positive/0', operationId: 'op', phase: 'positive', expectation: 'accept', steps: [] };
const check = (judges?: Check['judges']): Check => ({
  id: 'c',
  title: 'c',
  severity: 'low',
  description: 'c',
  category: 'semantic',
  scope: 'exchange',
  run: () => undefined,
  ...(judges ? { judges } : {}),
});

describe('requestValidity and judgesRequest', () => {
  it.each([
    ['a positive case', base, 'valid'],
    ['a negative case', { ...base, phase: 'negative', expectation: 'reject' }, 'invalid'],
    ['an example invalid against its schema', { ...base, phase: 'examples', expectation: 'any', meta: { exampleIssues: ['x'] } }, 'invalid'],
    ['a recording without its request', { ...base, phase: 'recorded', expectation: 'any', meta: { situation: 'unknown' } }, 'unknown'],
    ['an id that does not exist', { ...base, expectation: 'any', meta: { situation: 'unknown-resource' } }, 'valid'],
  ] as const)('%s is %s', (_n, tc, validity) => {
    expect(requestValidity(tc as TestCase)).toBe(validity);
  });

  it('reads the step expectation before the case one (a stateful chain step expected to be refused)', () => {
    const chain: TestCase = { ...base, steps: [{ label: 'a', operationId: 'op', request: () => undefined, expect: 'reject' }] };
    expect(requestValidity(chain, 0)).toBe('invalid');
    expect(requestValidity(chain)).toBe('valid');
  });

  it.each([
    [undefined, ['valid', 'invalid', 'unknown']],
    ['valid', ['valid']],
    ['not-invalid', ['valid', 'unknown']],
  ] as const)('a check judging %s requests judges %j', (judges, expected) => {
    expect((['valid', 'invalid', 'unknown'] as const).filter((v) => judgesRequest(check(judges), v))).toEqual(expected);
  });
});
