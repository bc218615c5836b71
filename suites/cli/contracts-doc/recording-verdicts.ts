// What `validate` says of each recorded real exchange under one contract: the recordings in
// fixtures/recordings/real-responses/ (one JSON file per exchange), judged one at a time with the
// same checks, suite and status policy as `validate FILE`.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadContract } from '../../api.js';
import { genericChecks } from '../../checks/index.js';
import type { RunEvent } from '../../engine/events.js';
import { recordToExchange } from '../../engine/recorded/read-ndjson.js';
import { validateRecorded } from '../../engine/recorded/validate-recorded.js';
import { contractErrataPath, contractSpecPath, type MistralContract } from '../../mistral/contracts.js';
import { createMistralSuite } from '../../mistral/suite.js';
import { packageRoot } from '../../openapi/paths.js';

export const RECORDINGS_DIR = (): string => join(packageRoot(), 'fixtures', 'recordings', 'real-responses');

export interface RecordingVerdict {
  file: string;
  /** When it was recorded, as the recording says (often an ISO date). */
  recorded: string;
  operationId?: string;
  /** `unmatched`: no operation of the contract has this method and path (not judged). */
  verdict: 'pass' | 'warn' | 'fail' | 'unmatched';
  /** `status:check-id`, sorted: what did not pass. */
  findings: string[];
}

export function recordingFiles(dir = RECORDINGS_DIR()): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
}

export async function recordingVerdicts(contract: MistralContract, dir = RECORDINGS_DIR()): Promise<RecordingVerdict[]> {
  const loaded = await loadContract({ spec: contractSpecPath(contract), overlays: [contractErrataPath(contract)], errata: true });
  const suite = createMistralSuite({ models: [], maxTokens: 16, k: 1, readOnly: true, allowCostly: false, seed: 0 });
  const out: RecordingVerdict[] = [];
  for (const file of recordingFiles(dir)) {
    const raw = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, unknown>;
    const events: RunEvent[] = [];
    await validateRecorded({
      spec: loaded.spec,
      specSummary: loaded.summary,
      records: [recordToExchange(raw, file)],
      checks: genericChecks,
      plugins: [suite],
      policy: suite.statusPolicy!,
      listeners: [(e) => events.push(e)],
      tool: { name: 'mistral-conformance', version: 'docs' },
      source: file,
    });
    const finished = events.find((e) => e.type === 'case-finished');
    if (!finished) {
      out.push({ file, recorded: typeof raw.recorded === 'string' ? raw.recorded : '', verdict: 'unmatched', findings: [] });
      continue;
    }
    const outcomes = finished?.type === 'case-finished' ? finished.outcomes : [];
    const findings = [...new Set(outcomes.filter((o) => o.status !== 'passed' && o.status !== 'skipped').map((o) => `${o.status}:${o.checkId}`))].sort();
    const failed = findings.some((f) => !f.startsWith('warning:'));
    out.push({
      file,
      recorded: typeof raw.recorded === 'string' ? raw.recorded : '',
      ...(finished.type === 'case-finished' ? { operationId: finished.operationId } : {}),
      verdict: failed ? 'fail' : findings.length ? 'warn' : 'pass',
      findings,
    });
  }
  return out;
}
