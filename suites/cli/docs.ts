// `npm run docs`: rewrites the generated parts of README.md (the table of checks).
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { packageRoot } from '../openapi/paths.js';
import { allChecks } from '../mistral/all-checks.js';
import { renderChecksTable, replaceChecksTable } from './checks-table.js';

const path = join(packageRoot(), 'README.md');
const readme = await readFile(path, 'utf8');
await writeFile(path, replaceChecksTable(readme, renderChecksTable(allChecks())));
process.stdout.write(`README.md: ${allChecks().length} checks\n`);
