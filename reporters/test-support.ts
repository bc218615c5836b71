// Shared by the reporters' tests: the sample event log and results reduced from it.
import { fileURLToPath } from 'node:url';
import { reduceEvents, type RunResults } from '../suites/engine/results.js';
import type { RunEvent } from '../suites/engine/events.js';
import { readEventLog } from './ndjson.js';

export const SAMPLE_EVENTS = fileURLToPath(new URL('./__fixtures__/sample-events.ndjson', import.meta.url));

export async function loadSample(): Promise<{ events: RunEvent[]; results: RunResults }> {
  const events = await readEventLog(SAMPLE_EVENTS);
  return { events, results: reduceEvents(events) };
}
