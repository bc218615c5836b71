// `validate` on the real API responses recorded in shared/real-responses (converted to our NDJSON form
// here): every verdict below is defended in the comments.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../openapi/paths.js';
import { loadContract } from '../../api.js';
import { genericChecks } from '../../checks/index.js';
import { createMistralSuite } from '../../mistral/suite.js';
import type { CaseFinished, RunEvent } from '../events.js';
import type { RunResults } from '../results.js';
import { readNdjson } from './read-ndjson.js';
import { validateRecorded } from './validate-recorded.js';

// A copy of shared/real-responses (recorded by public projects; provenance in each file).
const DIR = join(packageRoot(), 'fixtures', 'recordings', 'real-responses');

/** The conversion a user would do: one recording a line, fields kept as recorded. */
function toNdjson(): string {
  return readdirSync(DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const r = JSON.parse(readFileSync(join(DIR, f), 'utf8'));
      return JSON.stringify({
        method: r.method,
        path: r.path,
        status: r.status,
        headers: r.headers ?? undefined,
        request_body: r.request_body ?? undefined,
        body: r.body,
        body_text: r.body_text,
        name: f,
      });
    })
    .join('\n');
}

async function validate(errata: boolean): Promise<{ results: RunResults; cases: Map<string, CaseFinished> }> {
  const text = toNdjson();
  const records = readNdjson(text, 'real-responses.ndjson');
  const names = text.split('\n').map((l) => JSON.parse(l).name as string);
  const contract = await loadContract({ errata });
  const suite = createMistralSuite({ models: [], maxTokens: 16, k: 1, readOnly: true, allowCostly: false, seed: 0 });
  const events: RunEvent[] = [];
  const results = await validateRecorded({
    spec: contract.spec,
    specSummary: contract.summary,
    records,
    checks: genericChecks,
    plugins: [suite],
    policy: suite.statusPolicy!,
    listeners: [(e) => events.push(e)],
    tool: { name: 'mistral-conformance', version: 'test' },
    source: 'real-responses.ndjson',
  });
  const cases = new Map<string, CaseFinished>();
  for (const e of events) if (e.type === 'case-finished') cases.set(names[Number(e.description!.split(':').pop()) - 1]!, e);
  return { results, cases };
}

const bad = (c: CaseFinished | undefined) =>
  (c?.outcomes ?? [])
    .filter((o) => o.status !== 'passed' && o.status !== 'skipped')
    .map((o) => `${o.status}:${o.checkId}`)
    .sort();

describe('validate on the recorded real Mistral API responses', () => {
  let withErrata: Awaited<ReturnType<typeof validate>>;
  let literal: Awaited<ReturnType<typeof validate>>;
  beforeAll(async () => {
    withErrata = await validate(true);
    literal = await validate(false);
  });

  it('judges every recording (all 19 match an operation)', () => {
    expect(withErrata.cases.size).toBe(readdirSync(DIR).filter((f) => f.endsWith('.json')).length);
  });

  it('accepts the real chat completions, embeddings and moderations with the errata', () => {
    for (const name of [
      'chat_completions__basic_2024-05__openllmetry.json',
      'chat_completions__basic_2025-09__openllmetry.json',
      'chat_completions__json_mode_2024-02__helgesverre.json',
      'embeddings__batch_input_2025-09__openllmetry.json',
      'embeddings__single_input_2024-05__openllmetry.json',
      'moderations__text_flagged_2025-10__helgesverre.json',
      'chat_moderations__2025-10__helgesverre.json',
    ]) {
      expect(bad(withErrata.cases.get(name)), name).toEqual([]);
    }
  });

  it('without errata, the missing `data` of chat completions is a spec finding, not a server failure', () => {
    const c = literal.cases.get('chat_completions__basic_2025-09__openllmetry.json')!;
    const schema = c.outcomes.find((o) => o.checkId === 'response-schema-conformance')!;
    expect(schema.status).toBe('failed');
    expect(schema.kind).toBe('spec');
    expect(withErrata.results.spec.errata.map((e) => e.id)).toContain('chat-response-requires-data');
  });

  it('judges the recorded streams event by event and accepts them', () => {
    for (const name of [
      'chat_completions__stream_2024-05__openllmetry.json',
      'chat_completions__stream_2025-09__openllmetry.json',
      'chat_completions__stream_text_2024-11__magentic.json',
      'chat_completions__stream_parallel_tool_calls_2024-11__magentic.json',
    ]) {
      const c = withErrata.cases.get(name)!;
      expect(c.latency.stream, name).toBe(true);
      expect(bad(c), name).toEqual([]);
    }
  });

  it('flags the 2024 models list: the old OpenAI-like shape has no capabilities (a version difference, reported)', () => {
    // BaseModelCard requires `capabilities`; the 2024-02 list has none. The spec dates from Nov 2024, so
    // against this contract the recording does not conform: a failure, correctly.
    expect(bad(withErrata.cases.get('models_list__2024-02__helgesverre.json'))).toContain('failed:response-schema-conformance');
  });

  it('judges the recorded errors by the status policy', () => {
    // 401 and 429 with an unknown request: whether they were deserved cannot be known; shown as warnings.
    expect(bad(withErrata.cases.get('error_401_kong_message_request_id__cline-1734.json'))).toEqual(['warning:status-code-conformance']);
    expect(bad(withErrata.cases.get('error_429_requests_rate_limit__pydantic-ai-1885.json'))).toEqual(['warning:status-code-conformance']);
    // 400 invalid_model: the real API's documented-elsewhere envelope; a warning as well.
    expect(bad(withErrata.cases.get('error_400_invalid_model_raw_status_code__mistral-vibe-617.json'))).toEqual(['warning:status-code-conformance']);
    // 422 in the 2024 envelope (detail inside `message`), not HTTPValidationError: a known shape, a warning.
    expect(bad(withErrata.cases.get('error_422_message_json_string_2024-01__platform-docs-7.json'))).toEqual(['warning:error-body-conformance']);
  });
});
