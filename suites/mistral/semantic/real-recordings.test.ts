// Every check of this part over every recorded real API exchange, through the engine's own check
// runner: real traffic must pass all checks that apply, except the documented deviations below.
import { describe, expect, it } from 'vitest';
import { runChecks } from '../../engine/run-checks.js';
import { sseChecks } from '../../checks/sse-checks.js';
import { mistralStreamChecks } from '../stream/index.js';
import { OPS, caseOf, permissivePolicy, pinnedSpec, recordedExchange } from '../test-support/exchanges.js';
import { mistralSemanticChecks } from './index.js';

const spec = await pinnedSpec();
const operations = new Map(spec.operations.map((o) => [o.id, o]));
const checks = [...sseChecks, ...mistralStreamChecks, ...mistralSemanticChecks];
const searchWeather = {
  tools: [{ type: 'function', function: { name: 'searchWeather', parameters: { type: 'object', properties: { location: { type: 'string' } } } } }],
};

// Recorders that kept no request body: the request is reconstructed from the fixture's purpose.
const RECORDINGS: Array<[string, string, Record<string, unknown> | undefined]> = [
  [OPS.chat, 'chat_completions__basic_2024-05__openllmetry', undefined],
  [OPS.chat, 'chat_completions__basic_2025-09__openllmetry', undefined],
  [OPS.chat, 'chat_completions__json_mode_2024-02__helgesverre', { model: 'mistral-small-latest', response_format: { type: 'json_object' } }],
  [OPS.chat, 'chat_completions__function_call_2024-02__helgesverre', { model: 'mistral-large-latest', ...searchWeather }],
  [OPS.chat, 'chat_completions__stream_2024-05__openllmetry', undefined],
  [OPS.chat, 'chat_completions__stream_2025-09__openllmetry', undefined],
  [OPS.chat, 'chat_completions__stream_parallel_tool_calls_2024-11__magentic', undefined],
  [OPS.chat, 'chat_completions__stream_text_2024-11__magentic', undefined],
  [OPS.embeddings, 'embeddings__batch_input_2025-09__openllmetry', undefined],
  [OPS.embeddings, 'embeddings__single_input_2024-05__openllmetry', undefined],
  [OPS.moderations, 'moderations__text_flagged_2025-10__helgesverre', { model: 'mistral-moderation-latest', input: 'text' }],
  [OPS.chatModerations, 'chat_moderations__2025-10__helgesverre', { model: 'mistral-moderation-latest', input: [{ role: 'user', content: 'hi' }] }],
];

/** Findings the recordings really show (see tool-calls.test.ts): finish_reason "stop" with a tool call, and the id "null". */
const KNOWN: Record<string, string[]> = {
  'chat_completions__function_call_2024-02__helgesverre': ['failed tool-calls', 'warning tool-calls'],
};

describe('real recordings through every streaming and semantic check', () => {
  it.each(RECORDINGS)('%s %s', (operationId, name, request) => {
    const exchange = recordedExchange(spec, operationId, name, request);
    const outcomes = runChecks({
      spec,
      operations,
      testCase: caseOf(operationId, { caseChecks: [] }),
      exchanges: [exchange],
      policy: permissivePolicy,
      checks,
    });
    const findings = outcomes.filter((o) => o.status !== 'passed' && o.status !== 'skipped').map((o) => `${o.status} ${o.checkId}`);
    expect(findings, JSON.stringify(outcomes.filter((o) => o.status !== 'passed'))).toEqual(KNOWN[name] ?? []);
    expect(outcomes.filter((o) => o.status === 'passed').length).toBeGreaterThan(0);
  });
});
