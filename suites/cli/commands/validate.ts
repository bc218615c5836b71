// `mistral-conformance validate FILE`: recorded traffic (HAR 1.2 or NDJSON) judged offline.
import { readFile } from 'node:fs/promises';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { renderConsole } from '../../../reporters/console.js';
import { createNdjsonWriter } from '../../../reporters/ndjson.js';
import { describeUnwritten, writeReports } from '../../../reporters/write-reports.js';
import { loadContract } from '../../api.js';
import { genericChecks } from '../../checks/index.js';
import { readHar } from '../../engine/recorded/read-har.js';
import { readNdjson } from '../../engine/recorded/read-ndjson.js';
import type { RecordedExchange } from '../../engine/recorded/recorded-exchange.js';
import type { RunResults } from '../../engine/results.js';
import { validateRecorded } from '../../engine/recorded/validate-recorded.js';
import { createMistralSuite } from '../../mistral/suite.js';
import { list, parse, str } from '../args.js';
import { EXIT, UsageError } from '../errors.js';
import { tool } from '../../version.js';
import { CONTRACT_IDS, DEFAULT_CONTRACT_ID } from '../../mistral/contracts.js';
import { contractChoice, contractFlagSpec } from '../options/contract-flags.js';
import { cliSecrets } from '../secrets.js';

const HELP = `Usage: mistral-conformance validate FILE [--contract NAME | --spec PATH] [--no-errata] [--report-dir DIR] [--format LIST]

Judges recorded exchanges with the same checks and reports as a live run, for traffic without a live target.
FILE is a HAR 1.2 file (as browsers and proxies export it) or NDJSON, one exchange a line:
  {"method":"POST","path":"/v1/chat/completions","status":200,"headers":{...},
   "request_body":{...},"body":{...}}          ("body_text" instead of "body" for streams and downloads)
--contract NAME judges against a Mistral contract (${CONTRACT_IDS.join(', ')}; default ${DEFAULT_CONTRACT_ID}),
--spec PATH against any other document; --errata PATH replaces the errata, --no-errata uses the literal spec.
`;

export function readRecordings(text: string, source: string): RecordedExchange[] {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') && /"log"\s*:/.test(trimmed.slice(0, 2000))) {
    try {
      return readHar(JSON.parse(text), source);
    } catch (err) {
      if (err instanceof SyntaxError) throw new UsageError(`${source} is not valid JSON: ${err.message}`);
      throw err;
    }
  }
  return readNdjson(text, source);
}

export async function validateCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    ...contractFlagSpec(),
    'report-dir': { type: 'string' },
    format: { type: 'string' },
    quiet: { type: 'boolean' },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return EXIT.pass;
  }
  const file = positionals[0];
  if (!file) throw new UsageError('validate needs a FILE (HAR or NDJSON); see --help');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
  }
  const records = readRecordings(text, file);
  const choice = contractChoice(values);
  const contract = await loadContract({ ...choice, errata: choice.errata !== false });
  const suite = createMistralSuite({ models: [], maxTokens: 16, k: 1, readOnly: true, allowCostly: false, seed: 0 });
  const dir = str(values, 'report-dir') ?? 'conformance-report';
  await mkdir(dir, { recursive: true });
  const log = await createNdjsonWriter(join(dir, 'events.ndjson'));
  let results: RunResults;
  try {
    results = await validateRecorded({
      spec: contract.spec,
      specSummary: contract.summary,
      records,
      checks: genericChecks,
      plugins: [suite],
      policy: suite.statusPolicy!,
      listeners: [log.write],
      tool: tool(),
      source: file,
    });
  } finally {
    await log.close();
  }
  const formats = list(values, 'format').length ? list(values, 'format') : ['json', 'junit', 'markdown', 'html'];
  const { failed } = await writeReports(results, dir, formats, { secrets: cliSecrets().values() });
  if (log.failure) failed.unshift({ path: log.path, reason: log.failure });
  if (values.quiet !== true)
    process.stdout.write(`${renderConsole(results, { color: process.stdout.isTTY === true, reportDir: dir, secrets: cliSecrets().values() })}\n`);
  if (failed.length) {
    process.stderr.write(`${describeUnwritten(failed)}\n`);
    return EXIT.usage;
  }
  return results.summary.verdict === 'pass' ? EXIT.pass : EXIT.fail;
}
