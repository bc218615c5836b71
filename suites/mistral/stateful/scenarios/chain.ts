// Builds one stateful chain: steps and their roles side by side, and step builders that take ids only
// from this chain's own earlier answers (never from a listing), so destructive steps can only touch
// what the chain created.
import type { CaseStep, Exchange, Expectation, RequestSpec, TestCase } from '../../../engine/types.js';
import { bodyOf, idOf } from '../exchange-data.js';
import { STATEFUL_CHECK_IDS, type StatefulMeta, type StepRole } from '../meta.js';
import { OP, requests } from '../requests.js';

type Build = RequestSpec | ((previous: Exchange[]) => RequestSpec | undefined);

export class Chain {
  readonly steps: CaseStep[] = [];
  readonly roles: StepRole[] = [];

  add(label: string, operationId: string, request: Build, role: StepRole, options: { expect?: Expectation; keepRawBody?: boolean } = {}): number {
    const step: CaseStep = { label, operationId, request };
    if (options.expect) step.expect = options.expect;
    if (options.keepRawBody) step.keepRawBody = true;
    this.steps.push(step);
    this.roles.push(role);
    return this.steps.length - 1;
  }

  /** A step on the resource step `of` created: not built (chain ends) when that step gave no id. */
  on(of: number, build: (id: string, previous: Exchange[]) => RequestSpec | undefined): (previous: Exchange[]) => RequestSpec | undefined {
    return (previous) => {
      const id = idOf(previous[of]);
      return id === undefined ? undefined : build(id, previous);
    };
  }

  /** The latest answer in this chain about the resource step `of` created (e.g. a job's current state). */
  latest(previous: Exchange[], of: number): Record<string, unknown> | undefined {
    const id = idOf(previous[of]);
    if (id === undefined) return undefined;
    for (let i = previous.length - 1; i >= of; i--) {
      const body = bodyOf(previous[i]);
      if (body?.id === id && typeof body.status === 'string') return body;
    }
    return undefined;
  }

  /** A listing filtered by the latest status seen of the job step `job` created (QUEUED before any). */
  byCurrentStatus(job: number, list: (query: Array<[string, string]>) => RequestSpec): (previous: Exchange[]) => RequestSpec | undefined {
    return this.on(job, (_id, prev) => list([['status', String(this.latest(prev, job)?.status ?? 'QUEUED')]]));
  }

  /**
   * Deletes the file step `upload` created once the job step `job` created is over (a live job keeps its
   * file: the clean-up cancels, then deletes); until then the step polls the job.
   */
  deleteFileOnceOver(label: string, upload: number, job: number, over: (status: string) => boolean, poll: (jobId: string) => RequestSpec): number {
    const request = this.on(upload, (fileId, prev) => {
      const status = this.latest(prev, job)?.status;
      const jobId = idOf(prev[job]);
      if (typeof status === 'string' && over(status)) return requests.deleteFile(fileId);
      return jobId ? poll(jobId) : undefined;
    });
    return this.add(label, OP.deleteFile, request, { role: 'delete', resource: 'file', of: upload });
  }

  toCase(init: { id: string; operationId: string; scenario: string; description: string; seed: number }): TestCase {
    const meta: StatefulMeta = { scenario: init.scenario, roles: this.roles };
    return {
      id: init.id,
      operationId: init.operationId,
      phase: 'stateful',
      expectation: 'accept',
      description: init.description,
      steps: this.steps,
      generation: { seed: init.seed, path: '0' },
      caseChecks: [...STATEFUL_CHECK_IDS],
      meta: { stateful: meta },
    };
  }
}
