// The Mistral stream checks judge a 2xx stream the chunk fold has read; a cut stream is reported by
// sse-stream-completes and only skipped here.
import { streamWasCut } from '../../checks/sse-scope.js';
import type { ExchangeContext } from '../../engine/types.js';
import { isSuccess } from '../semantic/request-of.js';
import type { ChunkFoldState } from './chunk-fold.js';
import { chunkFoldError, chunkFoldOf } from './fold-of.js';

export function foldedStreamApplies(ctx: ExchangeContext): boolean {
  return isSuccess(ctx.exchange) && (chunkFoldOf(ctx.exchange) !== undefined || chunkFoldError(ctx.exchange) !== undefined);
}

/** The fold, or why the stream cannot be judged. */
export function completedFold(ctx: ExchangeContext): ChunkFoldState | { skip: string } {
  const fold = chunkFoldOf(ctx.exchange);
  const end = ctx.exchange.response?.sse?.end ?? 'eof';
  if (!fold) return { skip: chunkFoldError(ctx.exchange) ?? 'no chunk fold for this stream' };
  if (streamWasCut(end)) return { skip: `the stream was cut (${end}); sse-stream-completes reports it` };
  return fold;
}
