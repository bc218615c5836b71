// `mistral-conformance merge`: shard event logs (or reports' logs) into one report for CI matrices.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createNdjsonWriter, readEventLog } from '../../../reporters/ndjson.js';
import { describeUnwritten, writeReports } from '../../../reporters/write-reports.js';
import { mergeEventLogs } from '../../engine/merge.js';
import { caseChangingOptions } from '../../options/table.js';
import { reduceEvents } from '../../engine/results.js';
import { list, parse, str } from '../args.js';
import { EXIT, UsageError } from '../errors.js';
import { cliSecrets } from '../secrets.js';

const HELP = `Usage: mistral-conformance merge EVENTS.ndjson... [--out DIR] [--format LIST]

Combines the event logs of shard runs (run --shard i/n) into one report, identical in verdicts to an
unsharded run with the same seed.
`;

export async function mergeCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { out: { type: 'string' }, format: { type: 'string' } });
  if (values.help) {
    process.stdout.write(HELP);
    return EXIT.pass;
  }
  if (positionals.length < 1) throw new UsageError('merge needs the events.ndjson of each shard (see --help)');
  const merged = mergeEventLogs(await Promise.all(positionals.map(readEventLog)), { caseOptions: caseChangingOptions() });
  const dir = str(values, 'out') ?? 'conformance-report';
  await mkdir(dir, { recursive: true });
  const log = createNdjsonWriter(join(dir, 'events.ndjson'));
  for (const e of merged) log.write(e);
  await log.close();
  const results = reduceEvents(merged);
  const formats = list(values, 'format').length ? list(values, 'format') : ['json', 'junit', 'markdown', 'html'];
  const { written, failed } = await writeReports(results, dir, formats, { secrets: cliSecrets().values() });
  if (log.failure) failed.unshift({ path: log.path, reason: log.failure });
  process.stdout.write(`${written.join('\n')}\n${results.summary.verdict.toUpperCase()}\n`);
  if (failed.length) {
    process.stderr.write(`${describeUnwritten(failed)}\n`);
    return EXIT.usage;
  }
  return results.summary.verdict === 'pass' ? EXIT.pass : EXIT.fail;
}
