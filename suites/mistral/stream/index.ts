// The Mistral stream checks and the chunk fold they read.
import type { Check } from '../../engine/types.js';
import { sseChoiceLifecycle } from './sse-choice-lifecycle.js';
import { sseStableIdentity } from './sse-stable-identity.js';
import { sseUsage } from './sse-usage.js';
import { streamEquivalence } from './stream-equivalence.js';

export { chunkFold, CHUNK_FOLD_ID, type ChunkFoldState } from './chunk-fold.js';
export const mistralStreamChecks: Check[] = [sseChoiceLifecycle, sseUsage, sseStableIdentity, streamEquivalence];
