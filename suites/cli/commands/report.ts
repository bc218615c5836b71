// `mistral-conformance report --from events.ndjson`: every report format rebuilt from the event log alone.
import { applyBaseline, describeBaselineIssues, loadBaseline } from '../../../reporters/baseline.js';
import { readEventLog } from '../../../reporters/ndjson.js';
import { describeUnwritten, writeReports } from '../../../reporters/write-reports.js';
import { reduceEvents } from '../../engine/results.js';
import { list, parse, str } from '../args.js';
import { EXIT, UsageError } from '../errors.js';
import { cliSecrets } from '../secrets.js';

const HELP = `Usage: mistral-conformance report --from events.ndjson [--format json,junit,markdown,html,ctrf] [--out DIR] [--baseline FILE]

Rebuilds reports from an event log (written by every run as events.ndjson), byte for byte the reports
the run wrote. A run made with --baseline FILE is rebuilt with the same --baseline FILE.
`;

export async function reportCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, { from: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, baseline: { type: 'string' } }, false);
  if (values.help) {
    process.stdout.write(HELP);
    return EXIT.pass;
  }
  const from = str(values, 'from');
  if (!from) throw new UsageError('report needs --from events.ndjson (see --help)');
  const formats = list(values, 'format').length ? list(values, 'format') : ['json', 'junit', 'markdown', 'html'];
  let results = reduceEvents(await readEventLog(from));
  const baselinePath = str(values, 'baseline');
  if (baselinePath) {
    const applied = applyBaseline(results, await loadBaseline(baselinePath));
    results = applied.results;
    for (const line of describeBaselineIssues(applied)) process.stderr.write(`[mistral-conformance] baseline: ${line}\n`);
  }
  const { written, failed } = await writeReports(results, str(values, 'out') ?? 'conformance-report', formats, { secrets: cliSecrets().values() });
  process.stdout.write(`${written.join('\n')}\n`);
  if (failed.length) {
    process.stderr.write(`${describeUnwritten(failed)}\n`);
    return EXIT.usage;
  }
  return EXIT.pass;
}
