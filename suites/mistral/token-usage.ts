// Tokens an exchange used, as the Mistral API reports them: `usage.total_tokens` of a JSON answer, or
// of the last usage block of a stream (kept by the chunk fold). What the run's token budget counts.
import type { Exchange } from '../engine/types.js';
import { chunkFoldOf } from './stream/fold-of.js';

export function tokensUsed(exchange: Exchange): number | undefined {
  const usage = (exchange.response?.json as { usage?: { total_tokens?: unknown } } | undefined)?.usage;
  if (typeof usage?.total_tokens === 'number') return usage.total_tokens;
  return chunkFoldOf(exchange)?.usageTotal;
}
