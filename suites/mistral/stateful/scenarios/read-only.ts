// Read-only chains, safe on any account: listings of existing files, fine-tuning jobs and batch jobs
// (total against pages, pages of size 1 against the unpaged snapshot, a filter), and ids that never
// existed answering 404.
import type { TestCase } from '../../../engine/types.js';
import type { ResourceKind } from '../meta.js';
import { chainInputs } from '../generate-inputs.js';
import { OP, requests } from '../requests.js';
import { statefulEnums } from '../spec-enums.js';
import { Chain } from './chain.js';
import type { ScenarioContext } from './scenario-context.js';

const PAGES = [0, 1, 2];

interface Listing {
  name: string;
  resource: ResourceKind;
  listOp: string;
  list: (q?: Array<[string, string]>) => ReturnType<typeof requests.listFiles>;
  filter: [string, string] | undefined;
  unknown: { op: string; build: (id: string) => ReturnType<typeof requests.listFiles>; label: string };
}

export function readOnlyScenarios(ctx: ScenarioContext): TestCase[] {
  const inputs = chainInputs(ctx.seed + 3);
  const enums = statefulEnums(ctx.spec);
  const listings: Listing[] = [
    {
      name: 'files',
      resource: 'file',
      listOp: OP.listFiles,
      list: requests.listFiles,
      filter: enums.filePurposes[0] ? ['purpose', enums.filePurposes[0]] : undefined,
      unknown: { op: OP.retrieveFile, build: requests.retrieveFile, label: 'retrieve a file id that never existed' },
    },
    {
      name: 'fine-tuning-jobs',
      resource: 'fine-tuning-job',
      listOp: OP.listJobs,
      list: requests.listJobs,
      filter: enums.jobStatuses.includes('SUCCESS') ? ['status', 'SUCCESS'] : undefined,
      unknown: { op: OP.getJob, build: requests.getJob, label: 'get a job id that never existed' },
    },
    {
      name: 'batch-jobs',
      resource: 'batch-job',
      listOp: OP.listBatches,
      list: requests.listBatches,
      filter: enums.batchStatuses.includes('SUCCESS') ? ['status', 'SUCCESS'] : undefined,
      unknown: { op: OP.getBatch, build: requests.getBatch, label: 'get a batch job id that never existed' },
    },
  ];
  return listings.map((l, n) => {
    const c = new Chain();
    c.add(`list ${l.name}`, l.listOp, l.list(), { role: 'list', resource: l.resource, group: 'all' });
    for (const page of PAGES)
      c.add(
        `list ${l.name}, page ${page} of size 1`,
        l.listOp,
        l.list([
          ['page', String(page)],
          ['page_size', '1'],
        ]),
        { role: 'list', resource: l.resource, group: 'all' },
      );
    if (l.filter) c.add(`list ${l.name} with ${l.filter[0]}=${l.filter[1]}`, l.listOp, l.list([l.filter]), { role: 'list', resource: l.resource });
    const unknown = inputs.unknownIds[n]!;
    c.add(l.unknown.label, l.unknown.op, l.unknown.build(unknown), { role: 'unknown-id', resource: l.resource, id: unknown }, { expect: 'reject' });
    return c.toCase({
      id: `${l.listOp}/stateful/${l.name}-listing`,
      operationId: l.listOp,
      scenario: `${l.name}-listing`,
      description: `Listing consistency of existing ${l.name} (read-only)`,
      seed: ctx.seed,
    });
  });
}
