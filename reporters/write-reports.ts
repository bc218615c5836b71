// The multiplexer: writes each requested format to its file, each in isolation, so one broken
// reporter logs a one-line error and the others still write. It never decides the exit code.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { reduceEvents, type RunResults } from '../suites/engine/results.js';
import type { RenderOptions } from './render-options.js';
import { redact } from './render-options.js';
import { renderJson } from './json.js';
import { renderJunit } from './junit.js';
import { renderMarkdown } from './markdown.js';
import { renderHtml } from './html.js';
import { readEventLog } from './ndjson.js';
import { secretsOf } from './sanitize.js';

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
];

/** Names users may type for a format. */
const ALIASES: Record<string, string> = { md: 'markdown', xml: 'junit' };

export interface WriteOptions extends RenderOptions {
  /** Where one-line errors go (default: stderr). */
  log?: (line: string) => void;
  /** Reporters to use instead of the built-in ones (tests, plugins). */
  reporters?: readonly FileReporter[];
}

export async function writeReports(results: RunResults, dir: string, formats: string[], opts: WriteOptions = {}): Promise<string[]> {
  const log = opts.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const reporters = opts.reporters ?? FILE_REPORTERS;
  const secrets = secretsOf(results, opts);
  const written: string[] = [];
  await mkdir(dir, { recursive: true });
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
      await writeFile(path, reporter.render(results, { ...opts, secrets }), 'utf8');
      written.push(path);
    } catch (e) {
      const reason = redact(e instanceof Error ? e.message : String(e), secrets).split('\n', 1)[0];
      log(`[mistral-conformance] Failed to write ${reporter.file}: ${reason}. The other reports were still written`);
    }
  }
  return written;
}

/** `report --from events.ndjson`: every format rebuilt from the event log alone. */
export async function rebuildReports(eventsPath: string, outDir: string, formats: string[], opts: WriteOptions = {}): Promise<string[]> {
  const events = await readEventLog(eventsPath);
  return writeReports(reduceEvents(events), outDir, formats, opts);
}
