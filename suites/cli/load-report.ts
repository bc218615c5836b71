// Reads a report for compare/diff/replay: report.json, or an events.ndjson log reduced to results.
import { readFile } from 'node:fs/promises';
import { parseReport } from '../../reporters/json.js';
import { readEventLog } from '../../reporters/ndjson.js';
import { reduceEvents, type RunResults } from '../engine/results.js';
import { UsageError } from './errors.js';

export async function loadResults(path: string): Promise<RunResults> {
  if (path.endsWith('.ndjson')) return reduceEvents(await readEventLog(path));
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read ${path}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
  }
  return parseReport(text, path);
}
