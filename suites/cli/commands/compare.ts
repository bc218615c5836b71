// `mistral-conformance compare A B C`: several runs (one per target) side by side.
import { writeFile } from 'node:fs/promises';
import { renderCompare } from '../../../reporters/compare.js';
import { parse, str } from '../args.js';
import { EXIT, UsageError } from '../errors.js';
import { loadResults } from '../load-report.js';

const HELP = `Usage: mistral-conformance compare REPORT... [--format markdown|html] [--out FILE]

Puts several reports (report.json or events.ndjson, one per target) into one matrix: rows of area,
operation and check, columns of targets, with a conformance score per target.
`;

export async function compareCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { format: { type: 'string' }, out: { type: 'string' } });
  if (values.help) {
    process.stdout.write(HELP);
    return EXIT.pass;
  }
  if (positionals.length < 2) throw new UsageError('compare needs at least two reports (see --help)');
  const format = (str(values, 'format') ?? 'markdown') as 'markdown' | 'html';
  if (format !== 'markdown' && format !== 'html') throw new UsageError(`--format must be markdown or html (got "${format}")`);
  const text = renderCompare(await Promise.all(positionals.map(loadResults)), format);
  const out = str(values, 'out');
  if (out) await writeFile(out, text);
  else process.stdout.write(`${text}\n`);
  return EXIT.pass;
}
