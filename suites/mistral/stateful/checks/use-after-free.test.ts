import { beforeAll, describe, expect, it } from 'vitest';
import type { LoadedSpec } from '../../../openapi/load-spec.js';
import type { Exchange } from '../../../engine/types.js';
import type { StepRole } from '../meta.js';
import { caseContext, errorsOnly, pinnedSpec, runCheck } from '../test-support/check-context.js';
import { chainCase, ex, FILE_ID, fileBody } from '../test-support/exchanges.js';
import { useAfterFree } from './use-after-free.js';

let spec: LoadedSpec;
beforeAll(async () => {
  spec = await pinnedSpec();
});

const roles: StepRole[] = [
  { role: 'create', resource: 'file' },
  { role: 'delete', resource: 'file', of: 0 },
  { role: 'gone', resource: 'file', of: 0, action: 'retrieve' },
  { role: 'gone', resource: 'file', of: 0, action: 'download' },
  { role: 'list', resource: 'file', of: 0, presence: 'absent' },
  { role: 'unknown-id', resource: 'file', id: 'never' },
];
const p = `/v1/files/${FILE_ID}`;
const conforming = (): Exchange[] => [
  ex('POST', '/v1/files', 200, fileBody()),
  ex('DELETE', p, 200, { id: FILE_ID, object: 'file', deleted: true }),
  ex('GET', p, 404, { message: 'not found' }),
  ex('GET', `${p}/content`, 404, { message: 'not found' }),
  ex('GET', '/v1/files', 200, { data: [], object: 'list', total: 0 }),
  ex('GET', '/v1/files/never', 404, { message: 'not found' }),
];

function failures(exchanges: Exchange[]) {
  return runCheck(useAfterFree, caseContext(spec, chainCase(roles), exchanges)).failures;
}

describe('use-after-free', () => {
  it('is quiet on a conforming chain', () => expect(failures(conforming())).toEqual([]));

  it.each<[string, (e: Exchange[]) => void, number, string]>([
    ['deleted file still retrievable', (e) => (e[2] = ex('GET', p, 200, fileBody({ deleted: false }))), 2, 'still answers 200 to retrieve'],
    ['deleted file still downloadable', (e) => (e[3] = ex('GET', `${p}/content`, 200, undefined, new Uint8Array([1]))), 3, 'to download'],
    ['deleted file still listed', (e) => (e[4] = ex('GET', '/v1/files', 200, { data: [fileBody()], object: 'list', total: 1 })), 4, 'still listed'],
    ['unknown id answered 200', (e) => (e[5] = ex('GET', '/v1/files/never', 200, fileBody({ id: 'never' }))), 5, 'never existed'],
    ['delete says deleted: false', (e) => (e[1] = ex('DELETE', p, 200, { id: FILE_ID, object: 'file', deleted: false })), 1, 'deleted: false'],
    ['delete refused', (e) => (e[1] = ex('DELETE', p, 500, {})), 1, 'answered HTTP 500'],
  ])('%s', (_name, mutate, step, message) => {
    const e = conforming();
    mutate(e);
    const f = errorsOnly(failures(e));
    expect(f.map((x) => x.step)).toContain(step);
    expect(f.map((x) => x.message).join('\n')).toContain(message);
  });

  it('tolerates a soft delete shown as deleted: true, as a warning', () => {
    const e = conforming();
    e[2] = ex('GET', p, 200, fileBody({ deleted: true }));
    const f = failures(e);
    expect(f).toHaveLength(1);
    expect(f[0]!.warning).toBe(true);
  });

  it('does not judge retrieves after a delete that failed', () => {
    const e = conforming();
    e[1] = ex('DELETE', p, 500, {});
    e[2] = ex('GET', p, 200, fileBody());
    expect(failures(e).map((x) => x.step)).toEqual([1]);
  });

  it('skips a chain with nothing deleted', () => {
    const out = runCheck(useAfterFree, caseContext(spec, chainCase([{ role: 'create', resource: 'file' }]), [ex('POST', '/v1/files', 200, fileBody())]));
    expect(out.skip).toBeDefined();
  });
});
