// What is derived from the options table stays derived: the README's table, --help, and for a new row
// every place an option shows up, so that adding an option is adding a row.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../openapi/paths.js';
import { row } from '../../options/row.js';
import { caseChangingOptions, OPTIONS, type TableRow } from '../../options/table.js';
import { integer } from '../../options/value-types.js';
import { buildConfigSchema } from '../config/config-schema.js';
import { generatedSection } from '../generated-section.js';
import { OPTIONS_END, OPTIONS_START, renderOptionsTable } from './options-doc.js';
import { flagSpec, fromValues } from './run-flags.js';
import { renderRunHelp } from './run-help.js';

describe('README table of options', () => {
  it('is the one generated from the options table (run npm run docs)', () => {
    const readme = readFileSync(join(packageRoot(), 'README.md'), 'utf8');
    expect(generatedSection(readme, OPTIONS_START, OPTIONS_END)).toBe(renderOptionsTable());
  });
});

describe('run --help', () => {
  it('shows every flag once, with its default, and names the config-only keys', () => {
    const help = renderRunHelp();
    for (const r of OPTIONS) if ('flag' in r && r.flag) expect(help.match(new RegExp(`^  --${r.flag}(?= |$)`, 'gm'))?.length, r.flag).toBe(1);
    expect(help).toMatch(/^ {2}--concurrency N +requests in flight at once \(default: 4\)$/m);
    expect(help).toContain('Config file only: description, rateLimit.maxRetryWaitMs, statusPolicy');
  });
});

describe('a new option', () => {
  // The README's "Adding an option" shows this row.
  const added = row({
    scope: 'run',
    name: 'maxCasesPerOperation',
    value: integer(1),
    flag: 'max-cases-per-operation',
    arg: 'N',
    help: 'at most N cases per operation',
    config: 'maxCasesPerOperation',
    changesCases: true,
    section: 'generation',
  });
  const rows: TableRow[] = [...OPTIONS, added as unknown as TableRow];

  it('is a flag, parsed and checked', () => {
    expect(flagSpec(rows)['max-cases-per-operation']).toEqual({ type: 'string' });
    expect(fromValues({ 'max-cases-per-operation': '5' }, rows).options).toMatchObject({ maxCasesPerOperation: 5 });
    expect(() => fromValues({ 'max-cases-per-operation': '0' }, rows)).toThrow('--max-cases-per-operation must be an integer ≥ 1 (got "0")');
  });

  it('is a line of --help and a row of the README', () => {
    expect(renderRunHelp(rows)).toMatch(/^ {2}--max-cases-per-operation N {2}at most N cases per operation$/m);
    expect(renderOptionsTable(rows)).toContain('| `--max-cases-per-operation N` | `maxCasesPerOperation` |  | yes | at most N cases per operation |');
  });

  it('is a config key of targets and defaults, described and validated', () => {
    const schema = buildConfigSchema(rows);
    const validate = new Ajv2020({ strict: false }).compile(schema);
    expect(validate({ defaults: { maxCasesPerOperation: 3 }, targets: { a: { url: 'http://x', maxCasesPerOperation: 2 } } })).toBe(true);
    expect(validate({ defaults: { maxCasesPerOperation: 0 } })).toBe(false);
    expect(validate({ defaults: { maxCasesPerOperations: 3 } })).toBe(false);
    expect(buildConfigSchema()).not.toEqual(schema);
  });

  it('is compared by merge when it changes the cases', () => {
    expect(caseChangingOptions(rows)).toContain('maxCasesPerOperation');
    expect(caseChangingOptions()).not.toContain('maxCasesPerOperation');
  });
});
