import { describe, expect, it } from 'vitest';
import type { StreamEnd } from '../engine/types.js';
import { sseStreamCompletes } from './sse-stream-completes.js';
import { exchangeContext, exchangeOf, failuresOf, pinnedSpec, sseText, transcriptFromText } from './test-support/sse.js';

const spec = await pinnedSpec();
const CHAT = 'chat_completion_v1_chat_completions_post';
const body = sseText({ id: 'a', model: 'm', choices: [] }, { id: 'a', model: 'm', choices: [] });

function run(end: StreamEnd) {
  const ex = exchangeOf({ requestJson: { stream: true }, sse: transcriptFromText(body, { end, stepMs: 250 }), totalMs: 30_000 });
  return failuresOf(sseStreamCompletes.run(exchangeContext(spec, CHAT, ex)));
}

describe('sse-stream-completes', () => {
  it.each<StreamEnd>(['terminator', 'eof'])('passes end %s', (end) => {
    expect(run(end).failures).toEqual([]);
  });

  it.each<[StreamEnd, RegExp]>([
    ['reset', /connection was reset mid-stream after 2 event\(s\) and 30000 ms \(last event at 500 ms\)/],
    ['idle-timeout', /stalled/],
    ['total-timeout', /total time limit/],
    ['too-large', /size limit/],
  ])('fails end %s, saying which and when', (end, message) => {
    const { failures } = run(end);
    expect(failures).toHaveLength(1);
    expect(failures[0]?.message).toMatch(message);
  });
});
