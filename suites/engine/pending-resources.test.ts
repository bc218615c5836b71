import { describe, expect, it } from 'vitest';
import type { RunEvent } from './events.js';
import { pendingResources } from './pending-resources.js';

const created = (kind: string, id: string, order: number): RunEvent => ({
  type: 'resource-created',
  kind,
  id,
  operationId: 'op',
  undo: { method: 'DELETE', path: `/${kind}/${id}` },
  order,
});

describe('pendingResources', () => {
  it('lists what was created and not undone, in undo order', () => {
    const events: RunEvent[] = [
      created('file', 'f1', 3),
      created('fine-tuning-job', 'j1', 1),
      created('file', 'f2', 3),
      { type: 'resource-removed', kind: 'file', id: 'f2' },
      created('model', 'm1', 0),
      created('file', 'f3', 3),
    ];
    expect(pendingResources(events).map((r) => `${r.kind}:${r.id}`)).toEqual(['model:m1', 'fine-tuning-job:j1', 'file:f1', 'file:f3']);
  });

  it('drops what the clean-up removed, and a resource created again after its removal is pending again', () => {
    const events: RunEvent[] = [
      created('file', 'f1', 3),
      created('batch-job', 'b1', 2),
      { type: 'resource-removed', kind: 'batch-job', id: 'b1' },
      created('batch-job', 'b1', 2),
      { type: 'cleanup', report: { created: [], cleaned: [{ kind: 'file', id: 'f1' }], failed: [] } },
    ];
    expect(pendingResources(events).map((r) => r.id)).toEqual(['b1']);
    expect(pendingResources([])).toEqual([]);
  });
});
