// What --read-only refuses to send: any request that may change state on the target.
import type { RequestSpec } from '../../engine/types.js';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function isMutating(request: Pick<RequestSpec, 'method'>): boolean {
  return MUTATING.has(request.method.toUpperCase());
}
