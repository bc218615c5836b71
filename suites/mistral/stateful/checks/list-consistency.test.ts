import { beforeAll, describe, expect, it } from 'vitest';
import type { LoadedSpec } from '../../../openapi/load-spec.js';
import type { Exchange } from '../../../engine/types.js';
import type { StepRole } from '../meta.js';
import { caseContext, pinnedSpec, runCheck } from '../test-support/check-context.js';
import { chainCase, ex } from '../test-support/exchanges.js';
import { listConsistency } from './list-consistency.js';

let spec: LoadedSpec;
beforeAll(async () => {
  spec = await pinnedSpec();
});

const f = (id: string, purpose = 'fine-tune', filename = `mc-${id}.jsonl`) => ({ id, purpose, filename, bytes: 1 });
const all = [f('a'), f('b', 'batch'), f('c')];
const list = (data: unknown[], total: number) => ({ data, object: 'list', total });
const roles: StepRole[] = [
  { role: 'list', resource: 'file', group: 'g' },
  { role: 'list', resource: 'file', group: 'g' },
  { role: 'list', resource: 'file', group: 'g' },
  { role: 'list', resource: 'file', group: 'g' },
  { role: 'list', resource: 'file' },
  { role: 'list', resource: 'file' },
];
const conforming = (): Exchange[] => [
  ex('GET', '/v1/files?search=mc', 200, list(all, 3)),
  ex('GET', '/v1/files?search=mc&page=0&page_size=1', 200, list([all[0]], 3)),
  ex('GET', '/v1/files?search=mc&page=1&page_size=1', 200, list([all[1]], 3)),
  ex('GET', '/v1/files?search=mc&page=3&page_size=1', 200, list([], 3)),
  ex('GET', '/v1/files?purpose=batch', 200, list([all[1]], 1)),
  ex(
    'GET',
    '/v1/fine_tuning/jobs?status=SUCCESS&model=m&suffix=s&created_after=2024-01-01T00%3A00%3A00Z',
    200,
    list([{ id: 'j', status: 'SUCCESS', model: 'm', suffix: 's', created_at: 1_800_000_000 }], 1),
  ),
];
const failures = (e: Exchange[]) => runCheck(listConsistency, caseContext(spec, chainCase(roles), e)).failures;

describe('list-consistency', () => {
  it('is quiet on consistent pages and honoured filters', () => expect(failures(conforming())).toEqual([]));

  it.each<[string, (e: Exchange[]) => void, number, string]>([
    ['total larger than the items', (e) => (e[0] = ex('GET', '/v1/files?search=mc', 200, list(all, 4))), 0, 'total says 4'],
    [
      'page size not honoured',
      (e) => (e[1] = ex('GET', '/v1/files?search=mc&page=0&page_size=1', 200, list([all[0], all[1]], 3))),
      1,
      'page_size=1 returned 2',
    ],
    ['duplicate across pages', (e) => (e[2] = ex('GET', '/v1/files?search=mc&page=1&page_size=1', 200, list([all[0]], 3))), 2, 'appears on page 0 and page 1'],
    ['purpose filter ignored', (e) => (e[4] = ex('GET', '/v1/files?purpose=batch', 200, list(all, 3))), 4, 'filter purpose=batch not honoured'],
    ['search filter ignored', (e) => (e[0] = ex('GET', '/v1/files?search=mc', 200, list([...all, f('d', 'batch', 'other.jsonl')], 4))), 0, 'filter search=mc'],
    [
      'status filter ignored',
      (e) => (e[5] = ex('GET', '/v1/fine_tuning/jobs?status=SUCCESS', 200, list([{ id: 'j', status: 'RUNNING' }], 1))),
      5,
      'status=SUCCESS',
    ],
    [
      'created_after ignored',
      (e) => (e[5] = ex('GET', '/v1/fine_tuning/jobs?created_after=2024-01-01T00%3A00%3A00Z', 200, list([{ id: 'j', created_at: 1 }], 1))),
      5,
      'created_after',
    ],
  ])('%s', (_n, mutate, step, message) => {
    const e = conforming();
    mutate(e);
    const out = failures(e);
    expect(out.map((x) => x.step)).toContain(step);
    expect(out.map((x) => x.message).join('\n')).toContain(message);
  });

  it('finds an item the pages skipped', () => {
    const e = conforming();
    e[2] = ex('GET', '/v1/files?search=mc&page=1&page_size=1', 200, list([all[2]], 3));
    expect(
      failures(e)
        .map((x) => x.message)
        .join('\n'),
    ).toContain('item b (position 1 of the full listing) is on none of the pages');
  });

  it('total changing across one snapshot', () => {
    const e = conforming();
    e[3] = ex('GET', '/v1/files?search=mc&page=3&page_size=1', 200, list([], 2));
    expect(
      failures(e)
        .map((x) => x.message)
        .join('\n'),
    ).toContain('total changes across pages');
  });
});
