// Reads the chunk fold the transport kept for an exchange, if it ran. The reader replaces the state
// of a fold that threw with `{foldError, atIndex}`: the stream checks then skip and say so.
import type { Exchange } from '../../engine/types.js';
import { CHUNK_FOLD_ID, type ChunkFoldState } from './chunk-fold.js';

export function chunkFoldOf(exchange: Exchange): ChunkFoldState | undefined {
  const state = exchange.response?.sse?.folds[CHUNK_FOLD_ID];
  return state !== null && typeof state === 'object' && Array.isArray((state as ChunkFoldState).choices) ? (state as ChunkFoldState) : undefined;
}

/** Why the fold has no state for a stream that should have one (it threw), if so. */
export function chunkFoldError(exchange: Exchange): string | undefined {
  const state = exchange.response?.sse?.folds[CHUNK_FOLD_ID] as { foldError?: unknown; atIndex?: unknown } | undefined;
  return state && typeof state.foldError === 'string' ? `the chunk fold failed at event #${String(state.atIndex)}: ${state.foldError}` : undefined;
}
