// Hand-built exchanges and cases for the check tables.
import type { CaseStep, Exchange, TestCase } from '../../../engine/types.js';
import { STATEFUL_CHECK_IDS, type StepRole } from '../meta.js';

export const BASE = 'https://api.test';

export function ex(method: string, path: string, status: number, json?: unknown, raw?: Uint8Array): Exchange {
  const bodyText = raw ? new TextDecoder().decode(raw) : json === undefined ? '' : JSON.stringify(json);
  const e: Exchange = {
    request: { method, url: BASE + path, headers: {} },
    response: { status, headers: {}, contentType: raw ? 'application/octet-stream' : 'application/json', bodyText, bytes: bodyText.length, truncated: false },
    timing: { startedAt: 0, totalMs: 0 },
    retries: 0,
  };
  if (json !== undefined) e.response!.json = json;
  if (raw) e.response!.raw = raw;
  return e;
}

export function chainCase(roles: StepRole[], scenario = 'test'): TestCase {
  const steps: CaseStep[] = roles.map((r, i) => ({
    label: `${r.role} ${i}`,
    operationId: 'op',
    request: { method: 'GET', path: '/', query: [], headers: {}, auth: { kind: 'default' } },
  }));
  return {
    id: 'op/stateful/test',
    operationId: 'op',
    phase: 'stateful',
    expectation: 'accept',
    steps,
    caseChecks: [...STATEFUL_CHECK_IDS],
    meta: { stateful: { scenario, roles } },
  };
}

export const FILE_ID = '11111111-1111-4111-8111-111111111111';
export const JOB_ID = '22222222-2222-4222-8222-222222222222';

export function fileBody(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: FILE_ID,
    object: 'file',
    bytes: 5,
    created_at: 1,
    filename: 'a.jsonl',
    purpose: 'fine-tune',
    sample_type: 'instruct',
    source: 'upload',
    ...extra,
  };
}
