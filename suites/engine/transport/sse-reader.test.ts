import { describe, expect, it } from 'vitest';
import type { StreamFold } from '../types.js';
import { createRedactor } from '../secrets/redactor.js';
import { readSseText, SseAccumulator } from './sse-reader.js';

const chunk = (content: string, finish: string | null = null) =>
  JSON.stringify({ id: 'x', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta: { content }, finish_reason: finish }] });

const textFold: StreamFold<string> = {
  id: 'text',
  appliesTo: () => true,
  init: () => '',
  step: (s, c) => s + ((c as { choices?: Array<{ delta?: { content?: string } }> }).choices?.[0]?.delta?.content ?? ''),
};

const requireChoices = (c: unknown): string[] => (c && typeof c === 'object' && 'choices' in c ? [] : ['missing choices']);

describe('readSseText', () => {
  it('reads a conforming Mistral stream: JSON chunks, [DONE], folds', () => {
    const text = `data: ${chunk('Hel')}\n\ndata: ${chunk('lo', 'stop')}\n\ndata: [DONE]\n\n`;
    const t = readSseText(text, { sseTerminator: '[DONE]', folds: [textFold], validateEvent: requireChoices });
    expect(t).toMatchObject({ eventCount: 3, terminatorSeen: true, afterTerminator: 0, end: 'terminator', nonJson: [], invalid: [] });
    expect(t.folds.text).toBe('Hello');
    expect(t.events.map((e) => e.data)).toEqual([chunk('Hel'), chunk('lo', 'stop'), '[DONE]']);
  });

  it('ends as eof when the terminator never comes', () => {
    const t = readSseText(`data: ${chunk('a')}\n\n`, { sseTerminator: '[DONE]' });
    expect(t.end).toBe('eof');
    expect(t.terminatorSeen).toBe(false);
  });

  it('handles CRLF, bare CR, comments, multi-line data, event and id fields', () => {
    const text = ': ping\r\n\r\nevent: delta\r\nid: 7\r\ndata: {"a":\r\ndata: 1}\r\n\r\ndata: {"b":2}\r\rdata: [DONE]\r\n\r\n';
    const t = readSseText(text, { sseTerminator: '[DONE]' });
    expect(t.eventCount).toBe(3);
    expect(t.events[0]).toMatchObject({ event: 'delta', id: '7', data: '{"a":\n1}' });
    expect(t.nonJson).toEqual([]);
    expect(t.end).toBe('terminator');
  });

  it('reports non-JSON and invalid events, and events after the terminator', () => {
    const text = `data: not json\n\ndata: {"x":1}\n\ndata: [DONE]\n\ndata: ${chunk('late')}\n\ndata: [DONE]\n\n`;
    const t = readSseText(text, { sseTerminator: '[DONE]', validateEvent: requireChoices, folds: [textFold] });
    expect(t.nonJson).toEqual([{ index: 0, data: 'not json' }]);
    expect(t.invalid).toEqual([{ index: 1, issues: ['missing choices'] }]);
    expect(t.afterTerminator).toBe(2);
    expect(t.nonJsonCount).toBe(1);
    expect(t.invalidCount).toBe(1);
    // Chunks after the terminator are not folded into the answer.
    expect(t.folds.text).toBe('');
  });

  it('counts non-blank non-event text after the terminator', () => {
    expect(readSseText('data: [DONE]\n\ngarbage line\n', { sseTerminator: '[DONE]' }).afterTerminator).toBe(1);
    expect(readSseText('data: [DONE]\n\n\n\n', { sseTerminator: '[DONE]' }).afterTerminator).toBe(0);
  });

  it('without a terminator configured, [DONE] is just a non-JSON event', () => {
    const t = readSseText('data: [DONE]\n\n');
    expect(t.terminatorSeen).toBe(false);
    expect(t.nonJson).toHaveLength(1);
  });

  it('keeps a bounded sample of events (first 50, last 10) while counting all', () => {
    let text = '';
    for (let i = 0; i < 1000; i++) text += `data: {"i":${i}}\n\n`;
    const t = readSseText(text);
    expect(t.eventCount).toBe(1000);
    expect(t.events).toHaveLength(60);
    expect(t.events[49]!.data).toBe('{"i":49}');
    expect(t.events[50]!.data).toBe('{"i":990}');
    expect(t.events[59]!.data).toBe('{"i":999}');
  });

  it('keeps only the first 20 invalid events but counts all', () => {
    let text = '';
    for (let i = 0; i < 30; i++) text += 'data: {}\n\n';
    const t = readSseText(text, { validateEvent: requireChoices });
    expect(t.invalid).toHaveLength(20);
    expect(t.invalidCount).toBe(30);
  });

  it('cuts off an event that never ends at the buffer bound', () => {
    const t = readSseText(`data: ${'x'.repeat(5000)}`, { maxBufferChars: 1000 });
    expect(t.end).toBe('too-large');
  });

  it('survives a throwing fold and records why it stopped', () => {
    const bad: StreamFold = {
      id: 'bad',
      appliesTo: () => true,
      init: () => 0,
      step: () => {
        throw new Error('boom');
      },
    };
    const t = readSseText('data: {"a":1}\n\ndata: {"a":2}\n\n', { folds: [bad, textFold] });
    expect(t.folds.bad).toEqual({ foldError: 'boom', atIndex: 0 });
    expect(t.eventCount).toBe(2);
  });

  it('applies only the folds that apply to the operation', () => {
    const never: StreamFold = { ...textFold, id: 'never', appliesTo: () => false };
    const op = { id: 'op' } as never;
    const t = readSseText('data: {}\n\n', { operation: op, folds: [never] });
    expect(t.folds).toEqual({});
  });

  it('redacts secrets in event data before parsing and folding', () => {
    const key = 'sk-SECRET-12345';
    const t = readSseText(`data: ${chunk(`echo ${key}`)}\n\ndata: raw ${key}\n\n`, { redactor: createRedactor([key]), folds: [textFold] });
    expect(JSON.stringify(t)).not.toContain(key);
    expect(t.folds.text).toBe('echo [REDACTED]');
  });

  it('measures first event and gaps from the arrival times it is fed', () => {
    const acc = new SseAccumulator({});
    acc.feed('data: {}\n\n', 100);
    acc.feed('data: {}\n\n', 110);
    acc.feed('data: {}\n\ndata: {}\n\n', 140);
    const t = acc.finish('closed');
    expect(t.firstEventMs).toBe(100);
    expect(t.gapsMs).toEqual({ median: 10, p95: 30, max: 30, count: 3 });
  });

  it('reads a recorded real stream (Mistral, 2024-11, parallel tool calls)', () => {
    const text =
      'data: {"id":"7b9c","object":"chat.completion.chunk","created":1731829453,"model":"mistral-large-latest","choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}]}\n\n' +
      'data: {"id":"7b9c","object":"chat.completion.chunk","created":1731829453,"model":"mistral-large-latest","choices":[{"index":0,"delta":{"tool_calls":[{"id":"nqjf8Hqe1","function":{"name":"plus","arguments":"{\\"a\\": 1, \\"b\\": 2}"}}]},"finish_reason":"tool_calls"}],"usage":{"prompt_tokens":187,"total_tokens":232,"completion_tokens":45}}\n\n' +
      'data: [DONE]\n\n';
    const t = readSseText(text, { sseTerminator: '[DONE]', validateEvent: requireChoices });
    expect(t).toMatchObject({ eventCount: 3, end: 'terminator', nonJson: [], invalid: [], afterTerminator: 0 });
  });
});
