import { describe, expect, it } from 'vitest';
import { isObject } from '../openapi/is-object.js';
import { isDefinedCheck } from './define-check.js';
import { defineFoldCheck, defineStreamCheck, foldFailureOf, foldStateOf, type ReadableFold } from './define-stream-check.js';
import { exchangeContext, exchangeOf, failuresOf, pinnedSpec, sseText, transcriptFromText } from './test-support/sse.js';

const spec = await pinnedSpec();
const CHAT = 'chat_completion_v1_chat_completions_post';
const meta = { id: 'test-stream', title: 'Test', severity: 'low', description: 'A test check.', category: 'streaming' } as const;

/** Counts the JSON chunks of a stream; throws on a chunk with `boom`. */
const counter: ReadableFold<{ chunks: number }> = {
  id: 'counter',
  name: 'counting fold',
  isState: (v): v is { chunks: number } => isObject(v) && typeof v.chunks === 'number',
  appliesTo: () => true,
  init: () => ({ chunks: 0 }),
  step: (s, chunk) => {
    if (isObject(chunk) && chunk.boom) throw new Error('boom');
    s.chunks++;
    return s;
  },
};

function ctxFor(body: string, init: { end?: 'reset'; status?: number; stream?: boolean } = {}) {
  const sse = transcriptFromText(body, { folds: [counter], ...(init.end ? { end: init.end } : {}) });
  return exchangeContext(spec, CHAT, exchangeOf({ requestJson: { stream: init.stream ?? true }, sse, ...(init.status ? { status: init.status } : {}) }));
}

describe('defineStreamCheck', () => {
  const seen: number[] = [];
  const judging = (cutStreams: 'judge' | 'skip') =>
    defineStreamCheck({
      ...meta,
      cutStreams,
      judge: (sse) => {
        seen.push(sse.eventCount);
        return sse.eventCount > 2 ? { message: 'too many' } : undefined;
      },
    });

  it('is a defined exchange check that judges the transcript of a 2xx stream', () => {
    const check = judging('judge');
    expect(isDefinedCheck(check)).toBe(true);
    expect(check.scope).toBe('exchange');
    expect(check.applies?.(ctxFor(sseText({ a: 1 }, '[DONE]')))).toBe(true);
    expect(failuresOf(check.run(ctxFor(sseText({ a: 1 }, { a: 2 }, { a: 3 }, '[DONE]')))).failures[0]?.message).toBe('too many');
  });

  it('does not apply to an error answer or a request that did not ask for a stream', () => {
    expect(judging('judge').applies?.(ctxFor(sseText({ a: 1 }), { status: 422 }))).toBe(false);
    expect(judging('judge').applies?.(ctxFor(sseText({ a: 1 }), { stream: false }))).toBe(false);
  });

  it('narrows its scope with alsoApplies', () => {
    const never = defineStreamCheck({ ...meta, cutStreams: 'judge', alsoApplies: () => false, judge: () => undefined });
    expect(never.applies?.(ctxFor(sseText({ a: 1 })))).toBe(false);
  });

  it('skips an answer without a transcript', () => {
    const ctx = exchangeContext(spec, CHAT, exchangeOf({ requestJson: { stream: true }, json: { id: 'x' } }));
    expect(failuresOf(judging('judge').run(ctx)).skip).toBe('the answer is not an event stream (see sse-content-type)');
  });

  it('leaves cut streams to sse-stream-completes, or judges them, as it says', () => {
    seen.length = 0;
    expect(failuresOf(judging('skip').run(ctxFor(sseText({ a: 1 }), { end: 'reset' }))).skip).toBe(
      'the stream was cut (reset); sse-stream-completes reports it',
    );
    expect(seen).toEqual([]);
    judging('judge').run(ctxFor(sseText({ a: 1 }), { end: 'reset' }));
    expect(seen).toEqual([1]);
  });
});

describe('defineFoldCheck', () => {
  const check = defineFoldCheck({ ...meta, fold: counter, judge: (state) => (state.chunks > 1 ? { message: `${state.chunks} chunks` } : undefined) });

  it('judges the typed state the fold left', () => {
    const ctx = ctxFor(sseText({ a: 1 }, { a: 2 }, '[DONE]'));
    expect(foldStateOf(ctx.exchange, counter)).toEqual({ chunks: 2 });
    expect(check.applies?.(ctx)).toBe(true);
    expect(failuresOf(check.run(ctx)).failures[0]?.message).toBe('2 chunks');
    expect(failuresOf(check.run(ctxFor(sseText({ a: 1 }, '[DONE]')))).failures).toEqual([]);
  });

  it('skips, saying why, when the fold threw', () => {
    const ctx = ctxFor(sseText({ a: 1 }, { boom: true }, '[DONE]'));
    expect(foldFailureOf(ctx.exchange, counter)).toBe('the counting fold failed at event #1: boom');
    expect(check.applies?.(ctx)).toBe(true);
    expect(failuresOf(check.run(ctx)).skip).toBe('the counting fold failed at event #1: boom');
  });

  it('skips a cut stream and does not apply to an error answer', () => {
    expect(failuresOf(check.run(ctxFor(sseText({ a: 1 }, { a: 2 }), { end: 'reset' }))).skip).toMatch(/cut \(reset\)/);
    expect(check.applies?.(ctxFor(sseText({ a: 1 }), { status: 500 }))).toBe(false);
  });
});
