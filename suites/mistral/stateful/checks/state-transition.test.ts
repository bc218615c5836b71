import { beforeAll, describe, expect, it } from 'vitest';
import type { LoadedSpec } from '../../../openapi/load-spec.js';
import type { Exchange } from '../../../engine/types.js';
import type { StepRole } from '../meta.js';
import { caseContext, errorsOnly, pinnedSpec, runCheck } from '../test-support/check-context.js';
import { chainCase, ex, JOB_ID } from '../test-support/exchanges.js';
import { stateTransition } from './state-transition.js';

let spec: LoadedSpec;
beforeAll(async () => {
  spec = await pinnedSpec();
});

const J = `/v1/fine_tuning/jobs/${JOB_ID}`;
const job = (status: string, extra: Record<string, unknown> = {}) => ({ id: JOB_ID, object: 'job', status, ...extra });
const ev = (status: string, t: number) => ({ name: 'status-updated', data: { status }, created_at: t });
const roles: StepRole[] = [
  { role: 'dry-run', suffix: 'mc1' },
  { role: 'dry-run-list', suffix: 'mc1' },
  { role: 'create', resource: 'fine-tuning-job' },
  { role: 'job-poll', resource: 'fine-tuning-job', of: 2 },
  { role: 'job-action', resource: 'fine-tuning-job', of: 2 },
  { role: 'job-poll', resource: 'fine-tuning-job', of: 2 },
  { role: 'job-poll', resource: 'fine-tuning-job', of: 2 },
];
const conforming = (): Exchange[] => [
  ex('POST', '/v1/fine_tuning/jobs?dry_run=true', 200, { object: 'job.metadata', details: '', cost: 1 }),
  ex('GET', '/v1/fine_tuning/jobs?suffix=mc1', 200, { data: [], object: 'list', total: 0 }),
  ex('POST', '/v1/fine_tuning/jobs', 200, job('QUEUED')),
  ex('GET', J, 200, job('VALIDATED')),
  ex('POST', `${J}/start`, 200, job('QUEUED')),
  ex('GET', J, 200, job('RUNNING')),
  // Newest first, as the real API lists them; checkpoints newest first too.
  ex(
    'GET',
    J,
    200,
    job('SUCCESS', {
      events: [ev('SUCCESS', 30), ev('RUNNING', 20), ev('QUEUED', 10)],
      checkpoints: [
        { step_number: 20, created_at: 29, metrics: {} },
        { step_number: 10, created_at: 25, metrics: {} },
      ],
    }),
  ),
];
const failures = (e: Exchange[]) => runCheck(stateTransition, caseContext(spec, chainCase(roles), e)).failures;

describe('state-transition', () => {
  it('is quiet on a plausible lifecycle', () => expect(failures(conforming())).toEqual([]));

  it.each<[string, (e: Exchange[]) => void, number, string]>([
    ['undocumented state', (e) => (e[5] = ex('GET', J, 200, job('PAUSED'))), 5, 'status "PAUSED" is not documented'],
    [
      'leaves a final state',
      (e) => (e[5] = ex('GET', J, 200, job('SUCCESS'))) && (e[6] = ex('GET', J, 200, job('RUNNING'))),
      6,
      'left the final state SUCCESS',
    ],
    ['back to validation after start', (e) => (e[5] = ex('GET', J, 200, job('VALIDATING'))), 5, 'went back to VALIDATING'],
    ['dry run answers a job', (e) => (e[0] = ex('POST', '/v1/fine_tuning/jobs?dry_run=true', 200, job('QUEUED'))), 0, 'not metadata'],
    [
      'dry run left a job behind',
      (e) => (e[1] = ex('GET', '/v1/fine_tuning/jobs?suffix=mc1', 200, { data: [{ id: 'x', suffix: 'mc1' }], total: 1 })),
      1,
      'a dry run created 1 job',
    ],
    [
      'events out of order',
      (e) => (e[6] = ex('GET', J, 200, job('SUCCESS', { events: [ev('RUNNING', 20), ev('SUCCESS', 30), ev('QUEUED', 10)] }))),
      6,
      'not ordered by created_at',
    ],
    [
      'events tell an impossible story',
      (e) => (e[6] = ex('GET', J, 200, job('SUCCESS', { events: [ev('RUNNING', 30), ev('SUCCESS', 20), ev('QUEUED', 10)] }))),
      6,
      'job events:',
    ],
    [
      'checkpoints contradict their steps',
      (e) =>
        (e[6] = ex(
          'GET',
          J,
          200,
          job('SUCCESS', {
            checkpoints: [
              { step_number: 20, created_at: 1 },
              { step_number: 10, created_at: 5 },
            ],
          }),
        )),
      6,
      'older than the one at step 10',
    ],
  ])('%s', (_n, mutate, step, message) => {
    const e = conforming();
    mutate(e);
    const f = errorsOnly(failures(e));
    expect(f.map((x) => x.step)).toContain(step);
    expect(f.map((x) => x.message).join('\n')).toContain(message);
  });

  it('a job of an earlier run with the same suffix (other training file) is no dry-run leftover', () => {
    const e = conforming();
    e[0]!.request.json = { model: 'm', suffix: 'mc1', training_files: [{ file_id: 'f-now', weight: 1 }] };
    e[1] = ex('GET', '/v1/fine_tuning/jobs?suffix=mc1', 200, { data: [{ id: 'old', suffix: 'mc1', training_files: ['f-before'] }], total: 1 });
    expect(errorsOnly(failures(e))).toEqual([]);
    e[1] = ex('GET', '/v1/fine_tuning/jobs?suffix=mc1', 200, { data: [{ id: 'new', suffix: 'mc1', training_files: ['f-now'] }], total: 1 });
    expect(
      errorsOnly(failures(e))
        .map((x) => x.message)
        .join('\n'),
    ).toContain('a dry run created 1 job(s) with suffix mc1: new');
  });

  it('cancel that leaves the job running is caught', () => {
    const e = conforming();
    e[4] = ex('POST', `${J}/cancel`, 200, job('VALIDATED'));
    const f = errorsOnly(failures(e));
    expect(f.map((x) => x.message).join('\n')).toContain('Expected: CANCELLATION_REQUESTED or CANCELLED');
  });

  it('unknown event names are warnings; equal timestamps accept either reading', () => {
    const e = conforming();
    e[6] = ex(
      'GET',
      J,
      200,
      job('SUCCESS', { events: [ev('SUCCESS', 10), ev('RUNNING', 10), { name: 'checkpoint-saved', created_at: 10 }, ev('QUEUED', 10)] }),
    );
    const f = failures(e);
    expect(f).toHaveLength(1);
    expect(f[0]!.warning).toBe(true);
  });

  it('judges batch jobs against the batch lifecycle', () => {
    const r: StepRole[] = [
      { role: 'create', resource: 'batch-job' },
      { role: 'job-action', resource: 'batch-job', of: 0 },
      { role: 'job-poll', resource: 'batch-job', of: 0 },
    ];
    const B = '/v1/batch/jobs/b1';
    const ok = [
      ex('POST', '/v1/batch/jobs', 200, { id: 'b1', status: 'QUEUED' }),
      ex('POST', `${B}/cancel`, 200, { id: 'b1', status: 'CANCELLATION_REQUESTED' }),
      ex('GET', B, 200, { id: 'b1', status: 'CANCELLED' }),
    ];
    expect(runCheck(stateTransition, caseContext(spec, chainCase(r), ok)).failures).toEqual([]);
    const bad = [...ok.slice(0, 2), ex('GET', B, 200, { id: 'b1', status: 'RUNNING' })];
    expect(runCheck(stateTransition, caseContext(spec, chainCase(r), bad)).failures.map((x) => x.step)).toEqual([2]);
  });
});
