import { describe, expect, it } from 'vitest';
import type { RequestSpec, TestCase } from '../../engine/types.js';
import type { MistralTargetInfo } from '../target-info.js';
import { completion, jsonExchange, pinnedSpec } from '../test-support/exchanges.js';
import { mistralStreamChecks } from '../stream/index.js';
import { mistralSemanticChecks } from './index.js';
import { PROBE_OPS, semanticProbes, skippedProbeFamilies, toolResultFollowUp } from './probes.js';

const spec = await pinnedSpec();
const ops = new Map(spec.operations.map((o) => [o.id, o]));
const full: MistralTargetInfo = {
  models: [{ id: 'mistral-small-2409', aliases: ['mistral-small-latest'], capabilities: { completion_chat: true, function_calling: true } }],
  chatModel: 'mistral-small-latest',
  toolModel: 'mistral-small-latest',
  fimModel: 'codestral-latest',
  embedModel: 'mistral-embed',
  moderationModel: 'mistral-moderation-latest',
  agentId: 'ag:123',
  maxTokens: 16,
  k: 3,
};
const toolCallAnswer = jsonExchange(
  PROBE_OPS.chat,
  {},
  completion([
    {
      content: '',
      finish_reason: 'tool_calls',
      tool_calls: [{ id: 'c1', type: 'function', index: 0, function: { name: 'get_weather', arguments: { city: 'Paris' } } }],
    },
  ]),
);

/** Every request of a case, function steps built from a plausible previous answer. */
function requests(tc: TestCase): RequestSpec[] {
  return tc.steps.map((s) => (typeof s.request === 'function' ? s.request([toolCallAnswer]) : s.request)).filter((r): r is RequestSpec => r !== undefined);
}

function bodyOf(r: RequestSpec): Record<string, unknown> {
  if (r.body?.kind !== 'json') throw new Error('not JSON');
  return r.body.value as Record<string, unknown>;
}

describe('semantic probes', () => {
  const cases = semanticProbes(full, ops, { seed: 1234 });

  it('emits every family with unique ids, phase semantic, expectation accept', () => {
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
    expect(cases.every((c) => c.phase === 'semantic' && c.expectation === 'accept')).toBe(true);
    expect(new Set(cases.map((c) => c.operationId))).toEqual(new Set(Object.values(PROBE_OPS)));
    expect(skippedProbeFamilies(full, ops)).toEqual([]);
  });

  it('sends only requests valid against the pinned request schemas', () => {
    for (const tc of cases) {
      const op = ops.get(tc.operationId)!;
      const pointer = op.requestBody!.content[0]!.schemaPointer!;
      for (const r of requests(tc)) {
        const result = spec.validators.validate(pointer, bodyOf(r));
        expect(result.issues, `${tc.id}: ${JSON.stringify(result.issues)}`).toEqual([]);
        expect(r).toMatchObject({ method: 'POST', path: op.path, auth: { kind: 'default' } });
        expect(r.stream === true).toBe(bodyOf(r).stream === true);
      }
    }
  });

  it('keeps max_tokens within info.maxTokens except JSON mode and tool calls (64)', () => {
    for (const tc of cases) {
      for (const r of requests(tc)) {
        const max = bodyOf(r).max_tokens;
        if (max === undefined) continue;
        const roomy = /json-mode|tool-/.test(tc.id);
        expect(max, tc.id).toBeLessThanOrEqual(roomy ? 64 : full.maxTokens);
      }
    }
  });

  it('names only known case-scope check ids in caseChecks', () => {
    const caseIds = new Set([...mistralSemanticChecks, ...mistralStreamChecks].filter((c) => c.scope === 'case').map((c) => c.id));
    for (const tc of cases) for (const id of tc.caseChecks ?? []) expect(caseIds.has(id), `${tc.id}: ${id}`).toBe(true);
  });

  it('repeats k times where behaviour may vary, and pairs streamed with non-streamed requests', () => {
    const byName = (id: string) => cases.find((c) => c.id === id)!;
    expect(byName(`${PROBE_OPS.chat}/semantic/json-mode`).steps).toHaveLength(3);
    expect(byName(`${PROBE_OPS.chat}/semantic/tool-choice-any`).steps).toHaveLength(3);
    expect(byName(`${PROBE_OPS.chat}/semantic/seed-determinism`).steps).toHaveLength(3);
    for (const op of [PROBE_OPS.chat, PROBE_OPS.fim]) {
      const [plain, streamed] = requests(byName(`${op}/semantic/stream-equivalence`)).map(bodyOf);
      expect(streamed).toEqual({ ...plain, stream: true });
      expect(plain).toMatchObject({ temperature: 0, random_seed: 1234 });
    }
    expect(byName(`${PROBE_OPS.chat}/semantic/max-tokens`).meta?.modelNames).toEqual(['mistral-small-2409', 'mistral-small-latest']);
  });

  it('is deterministic for a seed and follows the seed', () => {
    const strip = (cs: TestCase[]) => JSON.stringify(cs.map((c) => ({ ...c, steps: requests(c) })));
    expect(strip(semanticProbes(full, ops, { seed: 1234 }))).toBe(strip(cases));
    expect(strip(semanticProbes(full, ops, { seed: 99 }))).not.toBe(strip(cases));
  });

  it('skips families whose model is unknown, saying why', () => {
    const bare: MistralTargetInfo = { models: [], chatModel: 'mistral-small-latest', maxTokens: 16, k: 1 };
    const some = semanticProbes(bare, ops, { seed: 1 });
    expect(new Set(some.map((c) => c.operationId))).toEqual(new Set([PROBE_OPS.chat]));
    expect(some.some((c) => c.id.includes('tool-'))).toBe(false);
    expect(some.find((c) => c.id.endsWith('/seed-determinism'))?.steps).toHaveLength(2);
    expect(skippedProbeFamilies(bare, ops).map((s) => `${s.family}: ${s.reason}`)).toEqual([
      'tools: no function-calling model known for the target',
      'fim: no fim model known for the target',
      'embeddings: no embeddings model known for the target',
      'moderations: no moderations model known for the target',
      'chat-moderations: no chat-moderations model known for the target',
      'agents: no agent id configured (--agent-id)',
    ]);
  });

  it('builds the tool-result follow-up from the call, and stops when there was none', () => {
    const base = { model: 'm', messages: [{ role: 'user', content: 'Weather?' }], tools: [], tool_choice: 'any' };
    const next = toolResultFollowUp(base, [toolCallAnswer])!;
    expect(next.tool_choice).toBeUndefined();
    expect(next.messages).toEqual([
      { role: 'user', content: 'Weather?' },
      { role: 'assistant', content: '', tool_calls: [{ id: 'c1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } }] },
      { role: 'tool', tool_call_id: 'c1', name: 'get_weather', content: '{"city":"Paris","temperature":18,"unit":"celsius"}' },
    ]);
    expect(toolResultFollowUp(base, [jsonExchange(PROBE_OPS.chat, {}, completion([{ content: 'Sunny' }]))])).toBeUndefined();
  });
});
