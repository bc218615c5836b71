import { beforeAll, describe, expect, it } from 'vitest';
import type { LoadedSpec } from '../../../openapi/load-spec.js';
import type { Exchange } from '../../../engine/types.js';
import type { StepRole } from '../meta.js';
import { caseContext, errorsOnly, pinnedSpec, runCheck } from '../test-support/check-context.js';
import { chainCase, ex, FILE_ID, fileBody, JOB_ID } from '../test-support/exchanges.js';
import { resourceAvailability } from './resource-availability.js';

let spec: LoadedSpec;
beforeAll(async () => {
  spec = await pinnedSpec();
});

const MODEL = 'ft:open-mistral-7b:mc:1234';
const m = encodeURIComponent(MODEL);
const roles: StepRole[] = [
  { role: 'create', resource: 'file', upload: { filename: 'a.jsonl', purpose: 'fine-tune', contentBase64: '' } },
  { role: 'retrieve', resource: 'file', of: 0 },
  { role: 'list', resource: 'file', of: 0, presence: 'present' },
  { role: 'download', of: 0 },
  { role: 'create', resource: 'fine-tuning-job', expect: { model: 'open-mistral-7b', suffix: 'mc' } },
  { role: 'model-change', of: 4, change: 'update', expect: { name: 'n', description: 'd' } },
  { role: 'model-read', of: 4, expect: { name: 'n', description: 'd' } },
  { role: 'model-change', of: 4, change: 'archive', expect: { archived: true } },
  { role: 'model-read', of: 4, expect: { archived: true } },
];
const job = { id: JOB_ID, model: 'open-mistral-7b', suffix: 'mc', status: 'QUEUED' };
const conforming = (): Exchange[] => [
  ex('POST', '/v1/files', 200, fileBody()),
  ex('GET', `/v1/files/${FILE_ID}`, 200, fileBody({ deleted: false })),
  ex('GET', '/v1/files', 200, { data: [fileBody({ id: 'other' }), fileBody()], object: 'list', total: 2 }),
  ex('GET', `/v1/files/${FILE_ID}/content`, 200, undefined, new Uint8Array()),
  ex('POST', '/v1/fine_tuning/jobs', 200, job),
  ex('PATCH', `/v1/fine_tuning/models/${m}`, 200, { id: MODEL, name: 'n', description: 'd', archived: false }),
  ex('GET', `/v1/models/${m}`, 200, { id: MODEL, name: 'n', description: 'd', archived: false }),
  ex('POST', `/v1/fine_tuning/models/${m}/archive`, 200, { id: MODEL, object: 'model' }),
  ex('GET', `/v1/models/${m}`, 200, { id: MODEL, name: 'n', description: 'd', archived: true }),
];
const failures = (e: Exchange[]) => runCheck(resourceAvailability, caseContext(spec, chainCase(roles), e)).failures;

describe('resource-availability', () => {
  it('is quiet on a conforming chain (a change answer may omit a defaulted field)', () => expect(failures(conforming())).toEqual([]));

  it.each<[string, (e: Exchange[]) => void, number, string]>([
    ['created file not retrievable', (e) => (e[1] = ex('GET', `/v1/files/${FILE_ID}`, 404, {})), 1, 'answered HTTP 404 to retrieve'],
    ['retrieve answers another file', (e) => (e[1] = ex('GET', `/v1/files/${FILE_ID}`, 200, fileBody({ id: 'x' }))), 1, 'different resource'],
    ['retrieve shows another purpose', (e) => (e[1] = ex('GET', `/v1/files/${FILE_ID}`, 200, fileBody({ purpose: 'batch' }))), 1, 'reads back purpose "batch"'],
    [
      'missing from a complete listing',
      (e) => (e[2] = ex('GET', '/v1/files', 200, { data: [fileBody({ id: 'other' })], total: 1 })),
      2,
      'missing from the listing',
    ],
    ['not downloadable', (e) => (e[3] = ex('GET', `/v1/files/${FILE_ID}/content`, 404, {})), 3, 'to download'],
    ['create without id', (e) => (e[0] = ex('POST', '/v1/files', 200, { object: 'file' })), 0, 'no id'],
    ['job echoes another suffix', (e) => (e[4] = ex('POST', '/v1/fine_tuning/jobs', 200, { ...job, suffix: 'zz' })), 4, 'has suffix "zz"'],
    ['model update not read back', (e) => (e[6] = ex('GET', `/v1/models/${m}`, 200, { id: MODEL, name: null, description: 'd' })), 6, 'shows name null'],
    ['archive not read back', (e) => (e[8] = ex('GET', `/v1/models/${m}`, 200, { id: MODEL, archived: false })), 8, 'shows archived false'],
  ])('%s', (_n, mutate, step, message) => {
    const e = conforming();
    mutate(e);
    const f = errorsOnly(failures(e));
    expect(f.map((x) => x.step)).toEqual([step]);
    expect(f[0]!.message).toContain(message);
  });

  it('does not conclude absence from a partial page', () => {
    const e = conforming();
    e[2] = ex('GET', '/v1/files', 200, { data: [fileBody({ id: 'other' })], total: 50 });
    expect(failures(e)).toEqual([]);
  });

  it('a refused create is a warning (servers may refuse tiny inputs), and nothing after it is judged', () => {
    const f = failures([ex('POST', '/v1/files', 422, { detail: [] })]);
    expect(f).toHaveLength(1);
    expect(f[0]!.warning).toBe(true);
  });

  it('model steps that fell back to job polls are not judged', () => {
    const e = conforming();
    e[5] = ex('GET', `/v1/fine_tuning/jobs/${JOB_ID}`, 200, job);
    e[6] = ex('GET', `/v1/fine_tuning/jobs/${JOB_ID}`, 200, job);
    expect(failures(e)).toEqual([]);
  });
});
