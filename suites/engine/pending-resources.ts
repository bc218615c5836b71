// What a run created and did not undo, read back from its event log: resources named by
// `resource-created` events (written as soon as an answer named them), less those a later
// `resource-removed` or the clean-up's report says are gone. A run killed with -9 leaves exactly
// this list; `mistral-conformance cleanup --from events.ndjson` undoes it.
import type { RunEvent } from './events.js';

export interface PendingResource {
  kind: string;
  id: string;
  order: number;
  /** As the run logged it (the cleanup command rebuilds the request from kind and id). */
  undo: { method: string; path: string };
}

const key = (kind: string, id: string): string => `${kind}\u0000${id}`;

/** In undo order (what holds others first), then in the order they were created. */
export function pendingResources(events: readonly RunEvent[]): PendingResource[] {
  const pending = new Map<string, PendingResource>();
  for (const e of events) {
    if (e.type === 'resource-created') pending.set(key(e.kind, e.id), { kind: e.kind, id: e.id, order: e.order, undo: e.undo });
    else if (e.type === 'resource-removed') pending.delete(key(e.kind, e.id));
    else if (e.type === 'cleanup') for (const c of e.report.cleaned) pending.delete(key(c.kind, c.id));
  }
  return [...pending.values()]
    .map((r, i) => ({ r, i }))
    .sort((a, b) => a.r.order - b.r.order || a.i - b.i)
    .map(({ r }) => r);
}
