// Remembers every resource the run created (files, fine-tuning jobs, batch jobs, the models and output
// files those jobs produced) from the exchanges the run saw, follows their state, and builds the
// clean-up: delete produced models, cancel jobs still live, delete files. Only ids seen in the answer
// to a create (or produced by a job the run created) are ever cleaned: never ids from listings.
import type { CleanupReport, CreatedResource, Exchange, RequestSpec, ResourceChanges } from '../../engine/types.js';
import { bodyOf, describeStatus, isSuccess, listOf, statusOf, type Json } from './exchange-data.js';
import { isObject } from '../../openapi/is-object.js';
import { idInPath } from './checks/resource-ids.js';
import { isMutating } from './is-mutating.js';
import type { ResourceKind } from './meta.js';
import { OP, requests } from './requests.js';
import { batchMachine, fineTuningMachine, isFinal, type StateMachine } from './state-machine.js';

export { isMutating };

interface Tracked {
  kind: ResourceKind;
  id: string;
  /** live: may need clean-up; over: a job in a final state; gone: deleted. */
  state: 'live' | 'over' | 'gone';
}

export interface CleanupRequest {
  kind: ResourceKind;
  id: string;
  request: RequestSpec;
}

// A job whose cancellation is pending needs no second cancel.
const settled = (machine: StateMachine, status: string): boolean => isFinal(machine, status) || status === 'CANCELLATION_REQUESTED';

const key = (kind: ResourceKind, id: string): string => `${kind}:${id}`;

function isDryRun(exchange: Exchange): boolean {
  try {
    return new URL(exchange.request.url).searchParams.get('dry_run') === 'true';
  } catch {
    return false;
  }
}

/** Undo order: what holds others first (a produced model, then live jobs, then files). */
const UNDO_ORDER: Record<ResourceKind, number> = { model: 0, 'fine-tuning-job': 1, 'batch-job': 2, file: 3 };

/** The request that undoes a resource: delete a model or a file, cancel a job. */
export function undoRequest(kind: string, id: string): RequestSpec | undefined {
  switch (kind) {
    case 'model':
      return requests.deleteModel(id);
    case 'fine-tuning-job':
      return requests.cancelJob(id);
    case 'batch-job':
      return requests.cancelBatch(id);
    case 'file':
      return requests.deleteFile(id);
    default:
      return undefined;
  }
}

export class ResourceTracker {
  private readonly resources = new Map<string, Tracked>();
  /** Whether each resource was last reported as needing an undo (see changes()). */
  private readonly reported = new Map<string, boolean>();
  private readonly cleaned: CleanupReport['cleaned'] = [];
  private readonly failed: CleanupReport['failed'] = [];

  /** Call with every exchange of the run (any phase): creations are recorded, known resources followed. */
  trackCreated(exchange: Exchange, step: { operationId: string }): void {
    const body = bodyOf(exchange);
    const ok = isSuccess(exchange);
    switch (step.operationId) {
      case OP.uploadFile:
        if (ok && typeof body?.id === 'string') this.add('file', body.id);
        break;
      case OP.createJob:
        // A dry run creates nothing; its answer is metadata (and a metadata answer is never a job).
        if (ok && body && typeof body.id === 'string' && !isDryRun(exchange) && typeof body.status === 'string') this.add('fine-tuning-job', body.id);
        break;
      case OP.createBatch:
        if (ok && typeof body?.id === 'string') this.add('batch-job', body.id);
        break;
      case OP.deleteFile:
      case OP.deleteModel: {
        const kind: ResourceKind = step.operationId === OP.deleteFile ? 'file' : 'model';
        const id = idInPath(exchange);
        if (id && (ok || statusOf(exchange) === 404)) this.markGone(kind, id);
        break;
      }
      default:
        break;
    }
    if (!ok) return;
    const seen: Json[] = body ? [body, ...(listOf(exchange)?.items ?? [])] : [];
    for (const item of seen) this.follow(item);
  }

  /**
   * What changed since the last call: resources that now need an undo (created, or live again) and
   * resources that no longer do (deleted, or a job that ended). The engine logs these at once.
   */
  changes(): ResourceChanges {
    const created: CreatedResource[] = [];
    const removed: Array<{ kind: string; id: string }> = [];
    for (const [k, r] of this.resources) {
      const live = r.state === 'live';
      if (this.reported.get(k) === live || (!live && !this.reported.has(k))) continue;
      this.reported.set(k, live);
      if (live) created.push({ kind: r.kind, id: r.id, undo: undoRequest(r.kind, r.id)!, order: UNDO_ORDER[r.kind] });
      else removed.push({ kind: r.kind, id: r.id });
    }
    return { created, removed };
  }

  /** Follows a job answer: its state, the model it produced, the output files of a batch. */
  private follow(item: Json): void {
    if (typeof item.id !== 'string' || typeof item.status !== 'string') return;
    const job = this.resources.get(key('fine-tuning-job', item.id));
    if (job && job.state !== 'gone') {
      job.state = settled(fineTuningMachine, item.status) ? 'over' : 'live';
      if (typeof item.fine_tuned_model === 'string' && item.fine_tuned_model !== '') this.add('model', item.fine_tuned_model);
    }
    const batch = this.resources.get(key('batch-job', item.id));
    if (batch && batch.state !== 'gone') {
      batch.state = settled(batchMachine, item.status) ? 'over' : 'live';
      for (const f of [item.output_file, item.error_file]) if (typeof f === 'string' && f !== '') this.add('file', f);
    }
  }

  private add(kind: ResourceKind, id: string): void {
    if (!this.resources.has(key(kind, id))) this.resources.set(key(kind, id), { kind, id, state: 'live' });
  }

  private markGone(kind: ResourceKind, id: string): void {
    const r = this.resources.get(key(kind, id));
    if (r) r.state = 'gone';
  }

  created(): Array<{ kind: ResourceKind; id: string }> {
    return [...this.resources.values()].map(({ kind, id }) => ({ kind, id }));
  }

  /** Requests that undo what is left: models first, then live jobs, then files (jobs may hold them). */
  cleanupRequests(): CleanupRequest[] {
    const all = [...this.resources.values()];
    const out: CleanupRequest[] = [];
    for (const r of all) if (r.kind === 'model' && r.state !== 'gone') out.push({ kind: r.kind, id: r.id, request: requests.deleteModel(r.id) });
    for (const r of all) if (r.kind === 'fine-tuning-job' && r.state === 'live') out.push({ kind: r.kind, id: r.id, request: requests.cancelJob(r.id) });
    for (const r of all) if (r.kind === 'batch-job' && r.state === 'live') out.push({ kind: r.kind, id: r.id, request: requests.cancelBatch(r.id) });
    for (const r of all) if (r.kind === 'file' && r.state !== 'gone') out.push({ kind: r.kind, id: r.id, request: requests.deleteFile(r.id) });
    return out;
  }

  /** Records the answer to a clean-up request; a 404 means it was already gone, which is clean. */
  recordCleanup(kind: ResourceKind, id: string, exchange: Exchange): CleanupReport {
    const status = statusOf(exchange);
    if (isSuccess(exchange) || status === 404) {
      this.cleaned.push({ kind, id });
      const r = this.resources.get(key(kind, id));
      if (r) r.state = kind === 'file' || kind === 'model' ? 'gone' : 'over';
    } else {
      const body = bodyOf(exchange);
      const detail = isObject(body) && typeof body.message === 'string' ? `: ${body.message.slice(0, 200)}` : '';
      this.failed.push({ kind, id, reason: `${describeStatus(exchange)}${detail}` });
    }
    return this.report();
  }

  /** Cleaned: what the clean-up removed, plus what the run's own steps already deleted or saw finish. */
  report(): CleanupReport {
    const cleaned = [...this.cleaned];
    const listed = new Set(cleaned.map((c) => key(c.kind as ResourceKind, c.id)));
    for (const r of this.resources.values()) if (r.state !== 'live' && !listed.has(key(r.kind, r.id))) cleaned.push({ kind: r.kind, id: r.id });
    return { created: this.created(), cleaned, failed: [...this.failed] };
  }
}
