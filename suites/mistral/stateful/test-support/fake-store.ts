// The state of the fake Files / Fine-tuning / Models / Batch API used by the integration tests: plain
// data plus deterministic progress (each GET of a job moves it one state along its plan), with faults
// that a conforming server would not have. No I/O here; fake-handlers.ts serves it through msw.

export type Fault =
  | 'deleted-file-retrievable'
  | 'file-missing-from-list'
  | 'download-bytes-differ'
  | 'unknown-id-200'
  | 'job-undocumented-state'
  | 'job-illegal-transition'
  | 'wrong-total'
  | 'filter-ignored'
  | 'page-duplicates'
  | 'dry-run-creates-job'
  | 'cancel-ignored';

export interface FakeFile {
  id: string;
  filename: string;
  purpose: string;
  bytes: Uint8Array;
  created_at: number;
  preexisting: boolean;
}
export interface FakeJob {
  id: string;
  model: string;
  suffix: string | null;
  status: string;
  plan: string[];
  created_at: number;
  modified_at: number;
  training_files: string[];
  auto_start: boolean;
  fine_tuned_model: string | null;
  events: Array<{ name: string; data: { status: string }; created_at: number }>;
  preexisting: boolean;
}
export interface FakeBatch {
  id: string;
  model: string;
  endpoint: string;
  input_files: string[];
  metadata: Record<string, string> | null;
  status: string;
  plan: string[];
  created_at: number;
  preexisting: boolean;
}
export interface FakeModel {
  id: string;
  job: string;
  root: string;
  name: string | null;
  description: string | null;
  archived: boolean;
  created: number;
  preexisting: boolean;
}

export class FakeStore {
  readonly files = new Map<string, FakeFile>();
  readonly jobs = new Map<string, FakeJob>();
  readonly batches = new Map<string, FakeBatch>();
  readonly models = new Map<string, FakeModel>();
  private counter = 0;
  private clock = 1_732_400_000;

  constructor(readonly faults: ReadonlySet<Fault> = new Set()) {
    // Resources that exist before the run: the run must list them and never touch them.
    for (let i = 0; i < 3; i++) this.addFile(`existing-${i}.jsonl`, i % 2 ? 'batch' : 'fine-tune', new TextEncoder().encode(`{"n":${i}}\n`), true);
    const job = this.addJob({ model: 'open-mistral-7b', suffix: 'old', training_files: [], auto_start: true }, true);
    job.status = 'SUCCESS';
    job.fine_tuned_model = 'ft:open-mistral-7b:old:00000001';
    this.models.set(job.fine_tuned_model, {
      id: job.fine_tuned_model,
      job: job.id,
      root: 'open-mistral-7b',
      name: null,
      description: null,
      archived: false,
      created: this.now(),
      preexisting: true,
    });
    const batch = this.addBatch({ model: 'mistral-small-latest', endpoint: '/v1/chat/completions', input_files: [], metadata: null }, true);
    batch.status = 'SUCCESS';
  }

  has(f: Fault): boolean {
    return this.faults.has(f);
  }

  newId(): string {
    this.counter++;
    return `00000000-0000-4000-8000-${this.counter.toString(16).padStart(12, '0')}`;
  }

  now(): number {
    return ++this.clock;
  }

  addFile(filename: string, purpose: string, bytes: Uint8Array, preexisting = false): FakeFile {
    const f: FakeFile = { id: this.newId(), filename, purpose, bytes, created_at: this.now(), preexisting };
    this.files.set(f.id, f);
    return f;
  }

  addJob(init: { model: string; suffix: string | null; training_files: string[]; auto_start: boolean }, preexisting = false): FakeJob {
    const t = this.now();
    const job: FakeJob = {
      id: this.newId(),
      ...init,
      status: 'QUEUED',
      plan: init.auto_start ? ['RUNNING', 'SUCCESS'] : ['VALIDATING', 'VALIDATED'],
      created_at: t,
      modified_at: t,
      fine_tuned_model: null,
      events: [],
      preexisting,
    };
    job.events.push({ name: 'status-updated', data: { status: 'QUEUED' }, created_at: t });
    this.jobs.set(job.id, job);
    return job;
  }

  addBatch(init: { model: string; endpoint: string; input_files: string[]; metadata: Record<string, string> | null }, preexisting = false): FakeBatch {
    const b: FakeBatch = { id: this.newId(), ...init, status: 'QUEUED', plan: ['RUNNING'], created_at: this.now(), preexisting };
    this.batches.set(b.id, b);
    return b;
  }

  setJobStatus(job: FakeJob, status: string): void {
    job.status = status;
    job.modified_at = this.now();
    job.events.push({ name: 'status-updated', data: { status }, created_at: job.modified_at });
    if (status === 'SUCCESS' && !job.fine_tuned_model) {
      job.fine_tuned_model = `ft:${job.model}:${job.suffix ?? 'x'}:${job.id.slice(-8)}`;
      this.models.set(job.fine_tuned_model, {
        id: job.fine_tuned_model,
        job: job.id,
        root: job.model,
        name: null,
        description: null,
        archived: false,
        created: this.now(),
        preexisting: false,
      });
    }
  }

  /** One GET moves a job one state along its plan. */
  advanceJob(job: FakeJob): void {
    const next = job.plan.shift();
    if (next) this.setJobStatus(job, next);
  }

  startJob(job: FakeJob): void {
    this.setJobStatus(job, 'QUEUED');
    job.plan = this.has('job-undocumented-state')
      ? ['RUNNING', 'PAUSED', 'SUCCESS']
      : this.has('job-illegal-transition')
        ? ['RUNNING', 'SUCCESS', 'RUNNING']
        : ['RUNNING', 'SUCCESS'];
  }

  cancelJob(job: FakeJob): void {
    if (['SUCCESS', 'FAILED', 'FAILED_VALIDATION', 'CANCELLED'].includes(job.status)) return;
    if (this.has('cancel-ignored')) return;
    this.setJobStatus(job, 'CANCELLATION_REQUESTED');
    job.plan = ['CANCELLED'];
  }

  advanceBatch(batch: FakeBatch): void {
    const next = batch.plan.shift();
    if (next) batch.status = next;
  }

  cancelBatch(batch: FakeBatch): void {
    if (['SUCCESS', 'FAILED', 'TIMEOUT_EXCEEDED', 'CANCELLED'].includes(batch.status)) return;
    if (this.has('cancel-ignored')) return;
    batch.status = 'CANCELLATION_REQUESTED';
    batch.plan = ['CANCELLED'];
  }

  /** What the run created and left behind: files and models still there, jobs still live. */
  leftovers(): string[] {
    const out: string[] = [];
    for (const f of this.files.values()) if (!f.preexisting) out.push(`file ${f.id}`);
    for (const m of this.models.values()) if (!m.preexisting) out.push(`model ${m.id}`);
    for (const j of this.jobs.values())
      if (!j.preexisting && !['SUCCESS', 'FAILED', 'FAILED_VALIDATION', 'CANCELLED', 'CANCELLATION_REQUESTED'].includes(j.status))
        out.push(`job ${j.id} (${j.status})`);
    for (const b of this.batches.values())
      if (!b.preexisting && !['SUCCESS', 'FAILED', 'TIMEOUT_EXCEEDED', 'CANCELLED', 'CANCELLATION_REQUESTED'].includes(b.status))
        out.push(`batch ${b.id} (${b.status})`);
    return out;
  }

  preexistingIntact(): boolean {
    return (
      [...this.files.values()].filter((f) => f.preexisting).length === 3 &&
      [...this.models.values()].some((m) => m.preexisting && !m.archived && m.name === null)
    );
  }
}
