// report.json: the sanitised results plus a format version, so other tools (and `compare`, `diff`)
// can read a report back without the event log. The shape is described by report.schema.json.
import type { RunResults } from '../suites/engine/results.js';
import type { RenderOptions } from './render-options.js';
import { escapeJsonControls } from './control-chars.js';
import { sanitizeResults } from './sanitize.js';

export const REPORT_FORMAT = 1;
export const REPORT_SCHEMA_ID = 'https://mistral-conformance.dev/schemas/report-1.json';

/** Exchanges keep bodies as text: the parsed copies would double the size and say nothing more. Mutates `results` (a sanitised copy). */
export function dropParsedBodies(results: RunResults): RunResults {
  for (const op of results.operations)
    for (const c of op.checks)
      for (const f of c.failures)
        for (const ex of f.exchanges) {
          delete ex.request.json;
          if (ex.response) delete ex.response.json;
        }
  return results;
}

export function renderJson(results: RunResults, opts: RenderOptions = {}): string {
  const safe = dropParsedBodies(sanitizeResults(results, opts));
  return `${escapeJsonControls(JSON.stringify({ $schema: REPORT_SCHEMA_ID, reportFormat: REPORT_FORMAT, ...safe }, null, 2))}\n`;
}

/** Reads a report.json back into results (for compare, diff and baselines). */
export function parseReport(text: string, source = 'report.json'): RunResults {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error(`[mistral-conformance] Failed to read report ${source}: not JSON. Pass a report.json written by this tool`);
  }
  const v = value as { reportFormat?: unknown; operations?: unknown; summary?: unknown } | null;
  if (v === null || typeof v !== 'object' || !Array.isArray(v.operations) || typeof v.summary !== 'object') {
    throw new Error(`[mistral-conformance] Failed to read report ${source}: not a mistral-conformance report. Pass a report.json written by this tool`);
  }
  if (v.reportFormat !== REPORT_FORMAT) {
    throw new Error(
      `[mistral-conformance] Failed to read report ${source}: unsupported report format ${String(v.reportFormat)}. Use the tool version that wrote it`,
    );
  }
  const { $schema: _s, reportFormat: _f, ...results } = v as Record<string, unknown>;
  return results as unknown as RunResults;
}
