import { describe, expect, it } from 'vitest';
import type { Exchange } from '../engine/types.js';
import { CHUNK_FOLD_ID } from './stream/chunk-fold.js';
import { tokensUsed } from './token-usage.js';

function exchange(response: Partial<NonNullable<Exchange['response']>>): Exchange {
  return {
    request: { method: 'POST', url: 'http://x/v1/chat/completions', headers: {} },
    response: { status: 200, headers: {}, contentType: 'application/json', bodyText: '', bytes: 0, truncated: false, ...response },
    timing: { startedAt: 0, totalMs: 1 },
    retries: 0,
  };
}

const transcript = (folds: Record<string, unknown>): NonNullable<NonNullable<Exchange['response']>['sse']> => ({
  events: [],
  eventCount: 0,
  nonJson: [],
  invalid: [],
  terminatorSeen: true,
  afterTerminator: 0,
  end: 'terminator',
  folds,
  gapsMs: { median: 0, p95: 0, max: 0, count: 0 },
});

describe('tokensUsed', () => {
  it('reads usage.total_tokens of a JSON answer', () => {
    expect(tokensUsed(exchange({ json: { usage: { prompt_tokens: 5, completion_tokens: 7, total_tokens: 12 } } }))).toBe(12);
  });

  it("reads the stream's last usage block from the chunk fold", () => {
    expect(tokensUsed(exchange({ sse: transcript({ [CHUNK_FOLD_ID]: { choices: [], usageTotal: 30 } }) }))).toBe(30);
  });

  it('knows nothing without a usage block, with a total that is not a number, or when the fold failed', () => {
    expect(tokensUsed(exchange({ json: { id: 'x' } }))).toBeUndefined();
    expect(tokensUsed(exchange({ json: { usage: { total_tokens: '12' } } }))).toBeUndefined();
    expect(tokensUsed(exchange({ sse: transcript({ [CHUNK_FOLD_ID]: { foldError: 'boom', atIndex: 2 } }) }))).toBeUndefined();
    expect(tokensUsed({ request: { method: 'GET', url: 'http://x', headers: {} }, timing: { startedAt: 0, totalMs: 0 }, retries: 0 })).toBeUndefined();
  });
});
