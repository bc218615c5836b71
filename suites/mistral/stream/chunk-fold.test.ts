import { describe, expect, it } from 'vitest';
import { OPS, chunk, operation, pinnedSpec, readRecording, recordedExchange } from '../test-support/exchanges.js';
import { chunkFold, foldChunk, initialChunkFold, type ChunkFoldState } from './chunk-fold.js';
import { chunkFoldOf } from './fold-of.js';

const spec = await pinnedSpec();

function fold(chunks: unknown[]): ChunkFoldState {
  return chunks.reduce<ChunkFoldState>((s, c, i) => foldChunk(s, c, i), initialChunkFold());
}

describe('chunk fold', () => {
  it('applies to operations whose 200 documents an event stream', () => {
    expect(chunkFold.appliesTo(operation(spec, OPS.chat))).toBe(true);
    expect(chunkFold.appliesTo(operation(spec, OPS.fim))).toBe(true);
    expect(chunkFold.appliesTo(operation(spec, OPS.agents))).toBe(true); // after the errata
    expect(chunkFold.appliesTo(operation(spec, OPS.embeddings))).toBe(false);
  });

  it('joins the real 2024-11 text stream and keeps usage and finish reason', () => {
    const s = chunkFoldOf(recordedExchange(spec, OPS.chat, 'chat_completions__stream_text_2024-11__magentic'))!;
    expect(s.choices).toHaveLength(1);
    expect(s.choices[0]).toMatchObject({
      index: 0,
      firstDeltaRole: 'assistant',
      content: 'Hello! How are you today?',
      finishReasons: [{ reason: 'stop', event: 8 }],
      lastEvent: 8,
    });
    expect(s.usage).toEqual([{ event: 8, value: { prompt_tokens: 7, total_tokens: 14, completion_tokens: 7 } }]);
    expect([s.idCount, s.modelCount, s.events, s.lastEvent, s.usageTotal]).toEqual([1, 1, 9, 8, 14]);
  });

  it('keeps whole tool calls sent together without index (real 2024-11 parallel calls)', () => {
    const s = chunkFoldOf(recordedExchange(spec, OPS.chat, 'chat_completions__stream_parallel_tool_calls_2024-11__magentic'))!;
    expect(s.choices[0]?.toolCalls).toEqual([
      { id: 'nqjf8Hqe1', name: 'plus', arguments: '{"a": 1, "b": 2}' },
      { id: 'ATcpCKul3', name: 'minus', arguments: '{"a": 2, "b": 1}' },
    ]);
  });

  it('joins the full real 2025-09 stream to the recorded text', () => {
    const rec = readRecording('chat_completions__stream_2025-09__openllmetry');
    const expected = rec
      .body_text!.split('\n')
      .filter((l) => l.startsWith('data: {'))
      .map((l) => (JSON.parse(l.slice(6)) as { choices: Array<{ delta: { content?: string } }> }).choices[0]?.delta.content ?? '')
      .join('');
    const s = chunkFoldOf(recordedExchange(spec, OPS.chat, 'chat_completions__stream_2025-09__openllmetry'))!;
    expect(s.choices[0]?.content).toBe(expected);
    expect(expected.length).toBeGreaterThan(100);
  });

  it('merges OpenAI-style argument fragments keyed by index', () => {
    const s = fold([
      chunk([
        {
          index: 0,
          delta: { role: 'assistant', tool_calls: [{ index: 0, id: 'c1', type: 'function', function: { name: 'f', arguments: '' } }] },
          finish_reason: null,
        },
      ]),
      chunk([{ index: 0, delta: { tool_calls: [{ index: 0, function: { arguments: '{"a":' } }] }, finish_reason: null }]),
      chunk([{ index: 0, delta: { tool_calls: [{ index: 1, id: 'c2', function: { name: 'g', arguments: '{}' } }] }, finish_reason: null }]),
      chunk([{ index: 0, delta: { tool_calls: [{ index: 0, function: { arguments: ' 1}' } }] }, finish_reason: 'tool_calls' }]),
    ]);
    expect(s.choices[0]?.toolCalls).toEqual([
      { index: 0, id: 'c1', type: 'function', name: 'f', arguments: '{"a": 1}' },
      { index: 1, id: 'c2', name: 'g', arguments: '{}' },
    ]);
  });

  it('keeps whole calls apart that share an index but carry their own ids (every call numbered 0)', () => {
    const s = fold([
      chunk([
        {
          index: 0,
          delta: {
            tool_calls: [
              { index: 0, id: 'a1', function: { name: 'plus', arguments: '{"a": 1}' } },
              { index: 0, id: 'b2', function: { name: 'minus', arguments: '{"a": 2}' } },
            ],
          },
          finish_reason: null,
        },
      ]),
      chunk([{ index: 0, delta: { tool_calls: [{ index: 0, id: 'null', function: { arguments: '' } }] }, finish_reason: 'tool_calls' }]),
    ]);
    expect(s.choices[0]?.toolCalls).toEqual([
      { index: 0, id: 'a1', name: 'plus', arguments: '{"a": 1}' },
      { index: 0, id: 'b2', name: 'minus', arguments: '{"a": 2}' },
    ]);
  });

  it('reads text from content-chunk arrays and tracks several choices', () => {
    const s = fold([
      chunk([
        { index: 1, delta: { role: 'assistant', content: [{ type: 'text', text: 'B' }] }, finish_reason: null },
        { index: 0, delta: { content: 'A' }, finish_reason: null },
      ]),
      chunk([{ index: 0, delta: { content: 'a' }, finish_reason: 'stop' }]),
      chunk([
        { index: 1, delta: { content: 'b' }, finish_reason: 'length' },
        { index: 1, delta: {}, finish_reason: 'stop' },
      ]),
    ]);
    expect(s.maxChoiceIndex).toBe(1);
    expect(s.choices.map((c) => [c.index, c.firstDeltaRole, c.content, c.finishReasons.length, c.lastEvent])).toEqual([
      [1, 'assistant', 'Bb', 2, 2],
      [0, null, 'Aa', 1, 1],
    ]);
  });

  it('counts ids, models, usage, and malformed chunks', () => {
    const s = fold([
      chunk([], { id: 'x' }),
      chunk([], { id: 'y', model: 'other', usage: { prompt_tokens: 1 } }),
      'text',
      { id: 'z' },
      chunk([], { usage: null }),
    ]);
    expect([s.idCount, s.modelCount, s.usageCount, s.malformed, s.events]).toEqual([4, 2, 1, 2, 5]);
  });

  it('bounds memory with many distinct choices and ids', () => {
    const s = fold(Array.from({ length: 200 }, (_, i) => chunk([{ index: i, delta: {}, finish_reason: null }], { id: `id${i}` })));
    expect(s.choices.length).toBe(32);
    expect(s.untrackedChoices).toBe(168);
    expect(s.ids.length).toBe(32);
    expect(s.idCount).toBe(200);
    expect(s.maxChoiceIndex).toBe(199);
  });

  it('keeps a JSON-serialisable state', () => {
    const s = fold([chunk([{ index: 0, delta: { role: 'assistant', content: 'x' }, finish_reason: 'stop' }])]);
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });
});
