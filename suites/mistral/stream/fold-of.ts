// Reads the chunk fold the transport kept for an exchange, if it ran.
import { foldStateOf } from '../../checks/define-stream-check.js';
import type { Exchange } from '../../engine/types.js';
import { chunkFold, type ChunkFoldState } from './chunk-fold.js';

export function chunkFoldOf(exchange: Exchange): ChunkFoldState | undefined {
  return foldStateOf(exchange, chunkFold);
}
