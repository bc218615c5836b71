// `mistral-conformance report --from events.ndjson`: every report format rebuilt from the event log alone.
import { rebuildReports } from '../../../reporters/write-reports.js';
import { list, parse, str } from '../args.js';
import { EXIT, UsageError } from '../errors.js';

const HELP = `Usage: mistral-conformance report --from events.ndjson [--format json,junit,markdown,html] [--out DIR]

Rebuilds reports from an event log (written by every run as events.ndjson).
`;

export async function reportCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, { from: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' } }, false);
  if (values.help) {
    process.stdout.write(HELP);
    return EXIT.pass;
  }
  const from = str(values, 'from');
  if (!from) throw new UsageError('report needs --from events.ndjson (see --help)');
  const formats = list(values, 'format').length ? list(values, 'format') : ['json', 'junit', 'markdown', 'html'];
  const paths = await rebuildReports(from, str(values, 'out') ?? 'conformance-report', formats);
  process.stdout.write(paths.join('\n') + '\n');
  return EXIT.pass;
}
