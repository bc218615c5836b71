// `npm run docs`: rewrites the generated parts of README.md (the table of checks, the contracts
// summary) and the generated documents of docs/ (the contracts, the spec diff).
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { packageRoot } from '../openapi/paths.js';
import { allChecks } from '../mistral/all-checks.js';
import { renderChecksTable, replaceChecksTable } from './checks-table.js';
import {
  DIFF_PATH,
  DOC_PATH,
  gatherContractsDoc,
  renderContractsDoc,
  renderFullDiff,
  renderReadmeSummary,
  replaceReadmeSummary,
} from './contracts-doc/contracts-doc.js';

const root = packageRoot();
const path = join(root, 'README.md');
const contracts = await gatherContractsDoc();
const readme = await readFile(path, 'utf8');
await writeFile(path, replaceReadmeSummary(replaceChecksTable(readme, renderChecksTable(allChecks())), renderReadmeSummary(contracts)));
await writeFile(join(root, DOC_PATH), renderContractsDoc(contracts));
await writeFile(join(root, DIFF_PATH), renderFullDiff(contracts));
process.stdout.write(`README.md: ${allChecks().length} checks, contracts summary; ${DOC_PATH}; ${DIFF_PATH}\n`);
