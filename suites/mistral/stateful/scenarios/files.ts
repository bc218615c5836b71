// Files lifecycle: upload two files (one per documented purpose, sharing a run prefix) → retrieve →
// list (present, filters, pages of size 1 over one snapshot) → download exact bytes → delete → the
// deleted file answers 404 to retrieve, download and delete, and is no longer listed.
import type { TestCase } from '../../../engine/types.js';
import { batchLines, chainInputs, jsonl, toBase64 } from '../generate-inputs.js';
import { OP, requests } from '../requests.js';
import { statefulEnums } from '../spec-enums.js';
import { Chain } from './chain.js';
import type { ScenarioContext } from './scenario-context.js';

export function filesLifecycle(ctx: ScenarioContext): TestCase {
  const inputs = chainInputs(ctx.seed);
  const purposes = statefulEnums(ctx.spec).filePurposes;
  const purposeA = purposes.includes('fine-tune') ? 'fine-tune' : (purposes[0] ?? 'fine-tune');
  const purposeB = purposes.find((p) => p !== purposeA) ?? purposeA;
  const prefix = `mc-${inputs.runTag}`;
  const a = { filename: `${prefix}-a.jsonl`, purpose: purposeA, bytes: jsonl(inputs.chatSamples) };
  const b = {
    filename: `${prefix}-b.jsonl`,
    purpose: purposeB,
    bytes: jsonl(purposeB === 'batch' ? batchLines(inputs.batchPrompts, ctx.info.maxTokens) : inputs.chatSamples),
  };
  const c = new Chain();
  const file = 'file' as const;

  const upA = c.add('upload file A', OP.uploadFile, requests.uploadFile(a.filename, a.purpose, a.bytes), {
    role: 'create',
    resource: file,
    upload: { filename: a.filename, purpose: a.purpose, contentBase64: toBase64(a.bytes) },
  });
  const upB = c.add('upload file B', OP.uploadFile, requests.uploadFile(b.filename, b.purpose, b.bytes), {
    role: 'create',
    resource: file,
    upload: { filename: b.filename, purpose: b.purpose, contentBase64: toBase64(b.bytes) },
  });
  c.add(
    'retrieve file A',
    OP.retrieveFile,
    c.on(upA, (id) => requests.retrieveFile(id)),
    { role: 'retrieve', resource: file, of: upA },
  );
  c.add('list files by run prefix', OP.listFiles, requests.listFiles([['search', prefix]]), {
    role: 'list',
    resource: file,
    of: upA,
    presence: 'present',
    group: 'prefix',
  });
  for (const page of [0, 1, 2]) {
    c.add(
      `list files by run prefix, page ${page} of size 1`,
      OP.listFiles,
      requests.listFiles([
        ['search', prefix],
        ['page', String(page)],
        ['page_size', '1'],
      ]),
      { role: 'list', resource: file, group: 'prefix' },
    );
  }
  c.add(
    `list files with purpose ${a.purpose}`,
    OP.listFiles,
    requests.listFiles([
      ['purpose', a.purpose],
      ['search', prefix],
    ]),
    { role: 'list', resource: file, of: upA, presence: 'present' },
  );
  c.add(
    `list files with purpose ${b.purpose}`,
    OP.listFiles,
    requests.listFiles([
      ['purpose', b.purpose],
      ['search', prefix],
    ]),
    { role: 'list', resource: file, of: upB, presence: 'present' },
  );
  c.add('list files by file name A', OP.listFiles, requests.listFiles([['search', a.filename]]), {
    role: 'list',
    resource: file,
    of: upA,
    presence: 'present',
  });
  c.add('list files', OP.listFiles, requests.listFiles(), { role: 'list', resource: file, of: upA, presence: 'present' });
  c.add(
    'download file A',
    OP.downloadFile,
    c.on(upA, (id) => requests.downloadFile(id)),
    { role: 'download', of: upA },
    { keepRawBody: true },
  );
  c.add(
    'download file B',
    OP.downloadFile,
    c.on(upB, (id) => requests.downloadFile(id)),
    { role: 'download', of: upB },
    { keepRawBody: true },
  );
  c.add(
    'delete file A',
    OP.deleteFile,
    c.on(upA, (id) => requests.deleteFile(id)),
    { role: 'delete', resource: file, of: upA },
  );
  c.add(
    'retrieve deleted file A',
    OP.retrieveFile,
    c.on(upA, (id) => requests.retrieveFile(id)),
    { role: 'gone', resource: file, of: upA, action: 'retrieve' },
    { expect: 'reject' },
  );
  c.add(
    'download deleted file A',
    OP.downloadFile,
    c.on(upA, (id) => requests.downloadFile(id)),
    { role: 'gone', resource: file, of: upA, action: 'download' },
    { expect: 'reject' },
  );
  c.add(
    'delete deleted file A again',
    OP.deleteFile,
    c.on(upA, (id) => requests.deleteFile(id)),
    { role: 'gone', resource: file, of: upA, action: 'delete' },
    { expect: 'reject' },
  );
  c.add('list files by run prefix after delete', OP.listFiles, requests.listFiles([['search', prefix]]), {
    role: 'list',
    resource: file,
    of: upA,
    presence: 'absent',
  });
  const unknown = inputs.unknownIds[0]!;
  c.add(
    'retrieve a file id that never existed',
    OP.retrieveFile,
    requests.retrieveFile(unknown),
    { role: 'unknown-id', resource: file, id: unknown },
    { expect: 'reject' },
  );
  c.add(
    'delete file B',
    OP.deleteFile,
    c.on(upB, (id) => requests.deleteFile(id)),
    { role: 'delete', resource: file, of: upB },
  );

  return c.toCase({
    id: `${OP.uploadFile}/stateful/files-lifecycle`,
    operationId: OP.uploadFile,
    scenario: 'files',
    description: `Files lifecycle for ${a.filename} and ${b.filename}: upload, read, list, download, delete, use after delete`,
    seed: ctx.seed,
  });
}
