import { beforeAll, describe, expect, it } from 'vitest';
import type { LoadedSpec } from '../../../openapi/load-spec.js';
import type { Exchange } from '../../../engine/types.js';
import { toBase64 } from '../generate-inputs.js';
import type { StepRole } from '../meta.js';
import { caseContext, pinnedSpec, runCheck } from '../test-support/check-context.js';
import { chainCase, ex, FILE_ID, fileBody } from '../test-support/exchanges.js';
import { contentIntegrity } from './content-integrity.js';

let spec: LoadedSpec;
beforeAll(async () => {
  spec = await pinnedSpec();
});

const content = new TextEncoder().encode('{"a":"café 🙂"}\n');
const roles: StepRole[] = [
  { role: 'create', resource: 'file', upload: { filename: 'a.jsonl', purpose: 'fine-tune', contentBase64: toBase64(content) } },
  { role: 'retrieve', resource: 'file', of: 0 },
  { role: 'list', resource: 'file', of: 0, presence: 'present' },
  { role: 'download', of: 0 },
];
const conforming = (): Exchange[] => [
  ex('POST', '/v1/files', 200, fileBody({ bytes: content.length })),
  ex('GET', `/v1/files/${FILE_ID}`, 200, fileBody({ bytes: content.length, deleted: false })),
  ex('GET', '/v1/files', 200, { data: [fileBody({ bytes: content.length })], object: 'list', total: 1 }),
  ex('GET', `/v1/files/${FILE_ID}/content`, 200, undefined, content),
];
const failures = (e: Exchange[]) => runCheck(contentIntegrity, caseContext(spec, chainCase(roles), e)).failures;

describe('content-integrity', () => {
  it('is quiet when bytes and sizes match', () => expect(failures(conforming())).toEqual([]));

  it.each<[string, (e: Exchange[]) => void, number, string]>([
    ['downloaded bytes differ', (e) => (e[3] = ex('GET', `/v1/files/${FILE_ID}/content`, 200, undefined, content.slice(0, -1))), 3, 'first at offset'],
    [
      'one byte changed',
      (e) =>
        (e[3] = ex(
          'GET',
          `/v1/files/${FILE_ID}/content`,
          200,
          undefined,
          content.map((b, i) => (i === 7 ? b ^ 1 : b)),
        )),
      3,
      'offset 7',
    ],
    ['upload reports a wrong size', (e) => (e[0] = ex('POST', '/v1/files', 200, fileBody({ bytes: 3 }))), 0, 'reported as 3 bytes'],
    ['retrieve reports a wrong size', (e) => (e[1] = ex('GET', `/v1/files/${FILE_ID}`, 200, fileBody({ bytes: 0 }))), 1, 'reported as 0 bytes'],
    ['listing reports a wrong size', (e) => (e[2] = ex('GET', '/v1/files', 200, { data: [fileBody({ bytes: 99 })], total: 1 })), 2, 'reported as 99'],
  ])('%s', (_n, mutate, step, message) => {
    const e = conforming();
    mutate(e);
    const f = failures(e);
    expect(f.map((x) => x.step)).toEqual([step]);
    expect(f[0]!.message).toContain(message);
  });

  it('compares the text when the transport kept no raw bytes and nothing was cut', () => {
    const e = conforming();
    delete e[3]!.response!.raw;
    expect(failures(e)).toEqual([]);
    e[3]!.response!.bodyText = 'other';
    expect(failures(e)).toHaveLength(1);
  });
});
