import { describe, expect, it } from 'vitest';
import { OPS, caseOf, completion, exchangeContext, failuresOf, jsonExchange, pinnedSpec, recordedExchange } from '../test-support/exchanges.js';
import { jsonMode } from './json-mode.js';

const spec = await pinnedSpec();
const JSON_REQ = { response_format: { type: 'json_object' } };

function run(json: unknown) {
  const ctx = exchangeContext(spec, OPS.chat, jsonExchange(OPS.chat, JSON_REQ, json));
  expect(jsonMode.applies?.(ctx)).toBe(true);
  return failuresOf(jsonMode.run(ctx));
}

describe('json-mode', () => {
  it('passes the real 2024-02 JSON mode answer', () => {
    // The recorder did not keep the request; it was a json_object request (see the fixture name).
    const ctx = exchangeContext(spec, OPS.chat, recordedExchange(spec, OPS.chat, 'chat_completions__json_mode_2024-02__helgesverre', JSON_REQ));
    expect(failuresOf(jsonMode.run(ctx)).failures).toEqual([]);
  });

  it('passes a JSON object with surrounding whitespace', () => {
    expect(run(completion([{ content: '\n {"a": 1}\n' }])).failures).toEqual([]);
  });

  it.each([
    ['prose', completion([{ content: 'Sure! Here is the JSON.' }]), /choice 0 content is not JSON \(.*\): "Sure! Here is the JSON\."/],
    ['a fenced block', completion([{ content: '```json\n{"a": 1}\n```' }]), /not JSON/],
    ['a second choice', completion([{ content: '{}' }, { content: '{"a":' }]), /choice 1 content is not JSON/],
  ])('fails %s', (_n, json, message) => {
    const { failures } = run(json);
    expect(failures).toHaveLength(1);
    expect(failures[0]?.message).toMatch(message);
    expect(failures[0]?.warning).toBeUndefined();
  });

  it('warns on JSON that is not an object', () => {
    const { failures } = run(completion([{ content: '[1, 2]' }]));
    expect(failures[0]).toMatchObject({ warning: true });
  });

  it('skips an answer cut by max_tokens', () => {
    expect(run(completion([{ content: '{"name": "Jo', finish_reason: 'length' }])).skip).toMatch(/cut by max_tokens/);
  });

  it('skips an answer cut at once by an empty stop sequence (stop: ""), and still judges one that was not cut', () => {
    const cutAtOnce = (stop: unknown, content: string) =>
      failuresOf(
        jsonMode.run(exchangeContext(spec, OPS.chat, jsonExchange(OPS.chat, { ...JSON_REQ, stop }, completion([{ content, finish_reason: 'stop' }])))),
      );
    expect(cutAtOnce('', '').skip).toMatch(/stop sequence/);
    expect(cutAtOnce([''], '').skip).toMatch(/stop sequence/);
    expect(cutAtOnce(undefined, '').failures).toHaveLength(1);
  });

  it('does not apply without JSON mode, nor to probes judged by the case form', () => {
    expect(jsonMode.applies?.(exchangeContext(spec, OPS.chat, jsonExchange(OPS.chat, {}, completion([{}]))))).toBe(false);
    expect(
      jsonMode.applies?.(exchangeContext(spec, OPS.chat, jsonExchange(OPS.chat, JSON_REQ, completion([{}])), caseOf(OPS.chat, { caseChecks: ['json-mode'] }))),
    ).toBe(false);
  });
});
