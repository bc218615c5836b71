import { describe, expect, it } from 'vitest';
import { runChecks } from '../../engine/run-checks.js';
import { permissivePolicy } from '../../checks/test-support/sse.js';
import {
  OPS,
  caseOf,
  chunk,
  completion,
  exchangeContext,
  failuresOf,
  jsonExchange,
  pinnedSpec,
  recordedExchange,
  streamExchange,
} from '../test-support/exchanges.js';
import { nChoices } from './n-choices.js';

const spec = await pinnedSpec();

function run(request: Record<string, unknown>, json: unknown) {
  return failuresOf(nChoices.run(exchangeContext(spec, OPS.chat, jsonExchange(OPS.chat, request, json))));
}

describe('n-choices', () => {
  it.each([
    'chat_completions__basic_2024-05__openllmetry',
    'chat_completions__basic_2025-09__openllmetry',
    'chat_completions__function_call_2024-02__helgesverre',
    'chat_completions__json_mode_2024-02__helgesverre',
    'chat_completions__stream_2025-09__openllmetry',
  ])('passes the real answer %s', (name) => {
    const ctx = exchangeContext(spec, OPS.chat, recordedExchange(spec, OPS.chat, name, {}));
    expect(nChoices.applies?.(ctx)).toBe(true);
    expect(failuresOf(nChoices.run(ctx)).failures).toEqual([]);
  });

  it('passes n = 3 in any order', () => {
    expect(run({ n: 3 }, completion([{ index: 2 }, { index: 0 }, { index: 1 }])).failures).toEqual([]);
  });

  it.each([
    ['too few choices', { n: 3 }, completion([{}, {}]), /2 choice\(s\); indexes \[0, 1\]\. Expected: 3 choice\(s\) with indexes 0, 1, 2/],
    ['too many choices by default', {}, completion([{}, {}]), /2 choice\(s\)/],
    ['a duplicated index', { n: 2 }, completion([{ index: 0 }, { index: 0 }]), /indexes \[0, 0\]/],
    ['a missing finish_reason', {}, completion([{ finish_reason: null }]), /no finish_reason in choice\(s\) 0/],
    ['a choice without message', {}, { choices: [{ index: 0, finish_reason: 'stop' }] }, /no message in choice\(s\) 0/],
  ])('fails %s', (_n, request, json, message) => {
    const { failures } = run(request, json);
    expect(failures).toHaveLength(1);
    expect(failures[0]?.message).toMatch(message);
  });

  it('judges a stream missing a choice', () => {
    const ex = streamExchange(spec, OPS.chat, { stream: true, n: 2 }, [
      chunk([{ index: 0, delta: { role: 'assistant', content: 'a' }, finish_reason: 'stop' }]),
    ]);
    expect(failuresOf(nChoices.run(exchangeContext(spec, OPS.chat, ex))).failures[0]?.message).toMatch(/1 choice\(s\)/);
  });
});

describe('n-choices judges only valid requests, read from what was sent', () => {
  const judge = (testCase: Parameters<typeof runChecks>[0]['testCase'], exchange: ReturnType<typeof jsonExchange>) =>
    runChecks({
      spec,
      operations: new Map(spec.operations.map((o) => [o.id, o])),
      testCase,
      exchanges: [exchange],
      policy: permissivePolicy,
      checks: [nChoices],
    });

  it('does not judge a negative case (JSON with n: 2 sent as text/plain, answered with 2 choices)', () => {
    const ex = jsonExchange(OPS.chat, undefined, completion([{}, {}]));
    ex.request.bodyText = JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'hi' }], n: 2 });
    ex.request.headers['content-type'] = 'text/plain';
    const negative = caseOf(OPS.chat, { phase: 'negative', expectation: 'reject' });
    expect(judge(negative, ex)).toEqual([]);
  });

  it('reads n from the body text when the parsed copy was not kept', () => {
    const ex = jsonExchange(OPS.chat, undefined, completion([{}, {}]));
    ex.request.bodyText = JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'hi' }], n: 2 });
    expect(judge(caseOf(OPS.chat), ex)).toEqual([{ checkId: 'n-choices', status: 'passed' }]);
  });
});
