// What each step of a stateful chain is for. Scenarios put this in `testCase.meta.stateful`, one role per
// step (same index), and the checks read it: they never guess a step's purpose from its URL.
export type ResourceKind = 'file' | 'fine-tuning-job' | 'batch-job' | 'model';

export const STATEFUL_CHECK_IDS = ['use-after-free', 'resource-availability', 'content-integrity', 'state-transition', 'list-consistency'] as const;

/** What was uploaded, so reads can be compared with it. Content as base64: bytes, not text. */
export interface UploadFacts {
  filename: string;
  purpose: string;
  contentBase64: string;
}

export type StepRole =
  /** Creates a resource; later roles point back at it with `of` (the create step's index). */
  | { role: 'create'; resource: ResourceKind; upload?: UploadFacts; expect?: Record<string, unknown> }
  | { role: 'retrieve'; resource: ResourceKind; of: number }
  /** A listing; `presence` says whether the resource of step `of` must be in it; `group` ties pages of one snapshot. */
  | { role: 'list'; resource: ResourceKind; of?: number; presence?: 'present' | 'absent'; group?: string }
  | { role: 'download'; of: number }
  | { role: 'delete'; resource: ResourceKind; of: number }
  /** A request on a resource deleted earlier in the chain (step `of` created it). */
  | { role: 'gone'; resource: ResourceKind; of: number; action: 'retrieve' | 'download' | 'delete' }
  /** A request on an id that never existed. */
  | { role: 'unknown-id'; resource: ResourceKind; id: string }
  | { role: 'dry-run'; suffix: string }
  /** A listing that must show no job with the dry run's suffix. */
  | { role: 'dry-run-list'; suffix: string }
  | { role: 'job-poll'; resource: 'fine-tuning-job' | 'batch-job'; of: number }
  /** Start or cancel (which one is read from the request: a chain may decide from the job's state). */
  | { role: 'job-action'; resource: 'fine-tuning-job' | 'batch-job'; of: number }
  /** Changes a fine-tuned model the chain's job (step `of`) produced. */
  | { role: 'model-change'; of: number; change: 'update' | 'archive' | 'unarchive'; expect: Record<string, unknown> }
  /** Reads a model back; `expect` holds the fields the previous change set. */
  | { role: 'model-read'; of: number; expect: Record<string, unknown> };

export interface StatefulMeta {
  scenario: string;
  roles: StepRole[];
}

export function decodeBase64(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'base64'));
}
