// `npm run docs`: rewrites what is generated from the code: README.md's tables of checks and of
// options and its contracts summary, the config file's JSON Schema (for editors), and the generated
// documents of docs/ (the contracts, the spec diff).
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { packageRoot } from '../openapi/paths.js';
import { allChecks } from '../mistral/all-checks.js';
import { OPTIONS } from '../options/table.js';
import { renderChecksTable, replaceChecksTable } from './checks-table.js';
import { COMMANDS_END, COMMANDS_START, renderCommandsTable } from './commands-table.js';
import { CONFIG_SCHEMA_PATH, renderConfigSchema } from './config/config-schema.js';
import {
  DIFF_PATH,
  DOC_PATH,
  gatherContractsDoc,
  renderContractsDoc,
  renderFullDiff,
  renderReadmeSummary,
  replaceReadmeSummary,
} from './contracts-doc/contracts-doc.js';
import { replaceGeneratedSection } from './generated-section.js';
import { OPTIONS_END, OPTIONS_START, renderOptionsTable } from './options/options-doc.js';

const root = packageRoot();
const path = join(root, 'README.md');
const contracts = await gatherContractsDoc();
let readme = await readFile(path, 'utf8');
readme = replaceChecksTable(readme, renderChecksTable(allChecks()));
readme = replaceGeneratedSection(readme, COMMANDS_START, COMMANDS_END, renderCommandsTable());
readme = replaceGeneratedSection(readme, OPTIONS_START, OPTIONS_END, renderOptionsTable());
readme = replaceReadmeSummary(readme, renderReadmeSummary(contracts));
await writeFile(path, readme);
await writeFile(join(root, CONFIG_SCHEMA_PATH), renderConfigSchema());
await writeFile(join(root, DOC_PATH), renderContractsDoc(contracts));
await writeFile(join(root, DIFF_PATH), renderFullDiff(contracts));
process.stdout.write(
  `README.md: ${allChecks().length} checks, ${OPTIONS.length} options, contracts summary; ${CONFIG_SCHEMA_PATH}; ${DOC_PATH}; ${DIFF_PATH}\n`,
);
