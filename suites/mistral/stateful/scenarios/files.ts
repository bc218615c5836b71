// Files lifecycle: upload two files (one per documented purpose, sharing a run prefix) → retrieve →
// list (present, filters, pages of size 1 over one snapshot) → download exact bytes → delete → the
// deleted file answers 404 to retrieve, download and delete, and is no longer listed.
import type { TestCase } from '../../../engine/types.js';
import { batchLines, chainInputs, jsonl, toBase64 } from '../generate-inputs.js';
import { OP, requests } from '../requests.js';
import { statefulEnums } from '../spec-enums.js';
import { Chain } from './chain.js';
import type { ScenarioContext } from './scenario-context.js';

interface Upload {
  filename: string;
  purpose: string;
  bytes: Uint8Array;
}

/** The chain, the run prefix both files share, the two files and the steps that uploaded them. */
interface FilesChain {
  c: Chain;
  prefix: string;
  a: Upload;
  b: Upload;
  upA: number;
  upB: number;
}

const file = 'file' as const;

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
  const chain: FilesChain = { c, prefix, a, b, upA: uploadStep(c, 'upload file A', a), upB: uploadStep(c, 'upload file B', b) };
  readAndList(chain);
  download(chain);
  deleteAndUseAfter(chain, inputs.unknownIds[0]!);
  c.add(
    'delete file B',
    OP.deleteFile,
    c.on(chain.upB, (id) => requests.deleteFile(id)),
    { role: 'delete', resource: file, of: chain.upB },
  );
  return c.toCase({
    id: `${OP.uploadFile}/stateful/files-lifecycle`,
    operationId: OP.uploadFile,
    scenario: 'files',
    description: `Files lifecycle for ${a.filename} and ${b.filename}: upload, read, list, download, delete, use after delete`,
    seed: ctx.seed,
  });
}

function uploadStep(c: Chain, label: string, up: Upload): number {
  return c.add(label, OP.uploadFile, requests.uploadFile(up.filename, up.purpose, up.bytes), {
    role: 'create',
    resource: file,
    upload: { filename: up.filename, purpose: up.purpose, contentBase64: toBase64(up.bytes) },
  });
}

/** Retrieve A, then list: by prefix (whole and in pages of one over one snapshot), by purpose, by name, all. */
function readAndList({ c, prefix, a, b, upA, upB }: FilesChain): void {
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
  for (const [up, of] of [
    [a, upA],
    [b, upB],
  ] as const) {
    c.add(
      `list files with purpose ${up.purpose}`,
      OP.listFiles,
      requests.listFiles([
        ['purpose', up.purpose],
        ['search', prefix],
      ]),
      { role: 'list', resource: file, of, presence: 'present' },
    );
  }
  c.add('list files by file name A', OP.listFiles, requests.listFiles([['search', a.filename]]), {
    role: 'list',
    resource: file,
    of: upA,
    presence: 'present',
  });
  c.add('list files', OP.listFiles, requests.listFiles(), { role: 'list', resource: file, of: upA, presence: 'present' });
}

/** Both files back, byte for byte. */
function download({ c, upA, upB }: FilesChain): void {
  for (const [name, of] of [
    ['A', upA],
    ['B', upB],
  ] as const) {
    c.add(
      `download file ${name}`,
      OP.downloadFile,
      c.on(of, (id) => requests.downloadFile(id)),
      { role: 'download', of },
      { keepRawBody: true },
    );
  }
}

/** Delete A; then A is gone for retrieve, download, delete and listings, and an id that never existed is unknown. */
function deleteAndUseAfter({ c, prefix, upA }: FilesChain, unknown: string): void {
  c.add(
    'delete file A',
    OP.deleteFile,
    c.on(upA, (id) => requests.deleteFile(id)),
    { role: 'delete', resource: file, of: upA },
  );
  const gone = [
    ['retrieve deleted file A', OP.retrieveFile, 'retrieve', requests.retrieveFile],
    ['download deleted file A', OP.downloadFile, 'download', requests.downloadFile],
    ['delete deleted file A again', OP.deleteFile, 'delete', requests.deleteFile],
  ] as const;
  for (const [label, operationId, action, request] of gone) {
    c.add(
      label,
      operationId,
      c.on(upA, (id) => request(id)),
      { role: 'gone', resource: file, of: upA, action },
      { expect: 'reject' },
    );
  }
  c.add('list files by run prefix after delete', OP.listFiles, requests.listFiles([['search', prefix]]), {
    role: 'list',
    resource: file,
    of: upA,
    presence: 'absent',
  });
  c.add(
    'retrieve a file id that never existed',
    OP.retrieveFile,
    requests.retrieveFile(unknown),
    { role: 'unknown-id', resource: file, id: unknown },
    { expect: 'reject' },
  );
}
