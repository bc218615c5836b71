// The multiplexer: writes each requested format to its file, each in isolation, so one broken
// reporter does not stop the others. It returns what was and was not written; the command turns a
// report that could not be written into exit 2 (a CI gate must not read PASS from a missing report).
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { reduceEvents, type RunResults } from '../suites/engine/results.js';
import type { RenderOptions } from './render-options.js';
import { redact } from './render-options.js';
import { renderJson } from './json.js';
import { renderJunit } from './junit.js';
import { renderCtrf } from './ctrf.js';
import { renderMarkdown } from './markdown.js';
import { renderHtml } from './html.js';
import { readEventLog } from './ndjson.js';
import { secretsOf } from './sanitize.js';
import { writeFailureReason, writeFileAtomic, type WriteText } from './safe-write.js';

export interface FileReporter {
  format: string;
  file: string;
  render(results: RunResults, opts: RenderOptions): string;
}

export const FILE_REPORTERS: readonly FileReporter[] = [
  { format: 'json', file: 'report.json', render: renderJson },
  { format: 'junit', file: 'junit.xml', render: renderJunit },
  { format: 'markdown', file: 'summary.md', render: renderMarkdown },
  { format: 'html', file: 'report.html', render: renderHtml },
  { format: 'ctrf', file: 'ctrf-report.json', render: renderCtrf },
];

/** Names users may type for a format. */
const ALIASES: Record<string, string> = { md: 'markdown', xml: 'junit' };

export interface WriteOptions extends RenderOptions {
  /** Where one-line errors go (default: stderr). */
  log?: (line: string) => void;
  /** Reporters to use instead of the built-in ones (tests, plugins). */
  reporters?: readonly FileReporter[];
  /** How a file is written (default: temporary file, flush, rename); tests inject failures here. */
  writeText?: WriteText;
}

export interface UnwrittenReport {
  /** The file's path. */
  path: string;
  /** One line, secrets redacted. */
  reason: string;
}

export interface ReportsWritten {
  written: string[];
  failed: UnwrittenReport[];
}

/** The one line a command prints when reports are missing (it then exits 2). */
export function describeUnwritten(failed: readonly UnwrittenReport[]): string {
  return `[mistral-conformance] Failed to write ${failed.length === 1 ? 'a report' : `${failed.length} reports`}: ${failed
    .map((f) => `${f.path} (${f.reason})`)
    .join('; ')}. The run's verdict is not on disk there: check free space and permissions of the report folder, then run again`;
}

export async function writeReports(results: RunResults, dir: string, formats: string[], opts: WriteOptions = {}): Promise<ReportsWritten> {
  const log = opts.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const reporters = opts.reporters ?? FILE_REPORTERS;
  const writeText = opts.writeText ?? writeFileAtomic;
  const secrets = secretsOf(results, opts);
  const written: string[] = [];
  const failed: UnwrittenReport[] = [];
  const wanted = [
    ...new Set(
      formats
        .map((f) => f.trim().toLowerCase())
        .filter(Boolean)
        .map((f) => ALIASES[f] ?? f),
    ),
  ];
  for (const format of wanted) {
    const reporter = reporters.find((r) => r.format === format);
    if (!reporter) {
      // Console and NDJSON are not files this function writes: the caller prints or streams them.
      if (format !== 'console' && format !== 'ndjson')
        log(`[mistral-conformance] Failed to write report: unknown format "${format}". Use ${reporters.map((r) => r.format).join(', ')}`);
      continue;
    }
    const path = join(dir, reporter.file);
    try {
      await mkdir(dir, { recursive: true });
      await writeText(path, reporter.render(results, { ...opts, secrets }));
      written.push(path);
    } catch (e) {
      failed.push({ path, reason: redact(writeFailureReason(e), secrets) });
    }
  }
  return { written, failed };
}

/** `report --from events.ndjson`: every format rebuilt from the event log alone. */
export async function rebuildReports(eventsPath: string, outDir: string, formats: string[], opts: WriteOptions = {}): Promise<ReportsWritten> {
  const events = await readEventLog(eventsPath);
  return writeReports(reduceEvents(events), outDir, formats, opts);
}
