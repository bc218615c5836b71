import { describe, expect, it } from 'vitest';
import { sseEventSchema } from './sse-event-schema.js';
import { exchangeContext, exchangeOf, failuresOf, operation, pinnedSpec, sseText, transcriptFromText } from './test-support/sse.js';

const spec = await pinnedSpec();
const CHAT = 'chat_completion_v1_chat_completions_post';
const validate = { spec, op: operation(spec, CHAT) };
const chunk = (extra: Record<string, unknown> = {}) => ({
  id: 'a',
  object: 'chat.completion.chunk',
  model: 'm',
  choices: [{ index: 0, delta: { content: 'hi' }, finish_reason: null }],
  ...extra,
});

function run(body: string) {
  const sse = transcriptFromText(body, { validate });
  return failuresOf(sseEventSchema.run(exchangeContext(spec, CHAT, exchangeOf({ requestJson: { stream: true }, sse }))));
}

describe('sse-event-schema', () => {
  it.each([
    ['chunks and terminator', sseText(chunk(), chunk(), '[DONE]')],
    ['undocumented extra field (real 2025 "p" padding)', sseText(chunk({ p: 'abc' }), '[DONE]')],
  ])('passes %s', (_n, body) => {
    expect(run(body).failures).toEqual([]);
  });

  it.each([
    ['a non-JSON event', sseText(chunk(), 'hello world', '[DONE]'), /1 event\(s\) whose data is not JSON, first: #1 "hello world"/],
    [
      'a chunk without choices',
      sseText({ id: 'a', model: 'm' }, '[DONE]'),
      /not valid against the chunk schema, first: #0: \/ must have required property 'choices'/,
    ],
    ['a bad finish_reason', sseText(chunk({ choices: [{ index: 0, delta: {}, finish_reason: 'done' }] }), '[DONE]'), /#0: \/choices\/0\/finish_reason/],
  ])('fails %s', (_n, body, message) => {
    const { failures } = run(body);
    expect(failures).toHaveLength(1);
    expect(failures[0]?.message).toMatch(message);
  });

  it('skips when there is no transcript', () => {
    expect(failuresOf(sseEventSchema.run(exchangeContext(spec, CHAT, exchangeOf({ requestJson: { stream: true }, json: {} })))).skip).toMatch(
      /sse-content-type/,
    );
  });
});
