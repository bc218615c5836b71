// Deterministic semantic probe cases: specific requests that exercise each semantic property (the
// random cases rarely hit them). A family whose model or operation the target lacks emits no case;
// `skippedProbeFamilies` says which and why, for the run log. max_tokens stays at info.maxTokens,
// except JSON mode and tool calls, which get at least 64 tokens: a JSON object or a call's arguments
// cut at 16 tokens would be skipped (cut by the limit) rather than judged.
import type { Operation } from '../../openapi/model.js';
import type { CaseStep, Exchange, RequestSpec, TestCase } from '../../engine/types.js';
import { namesOf, type MistralTargetInfo } from '../target-info.js';
import { isObject } from '../../openapi/is-object.js';
import { MISTRAL_OPS } from '../operation-ids.js';
import { WEATHER_TOOL } from '../conversations.js';
import type { ProbeProperty } from '../case-meta.js';

export const PROBE_OPS = {
  chat: MISTRAL_OPS.chat,
  fim: MISTRAL_OPS.fim,
  agents: MISTRAL_OPS.agents,
  embeddings: MISTRAL_OPS.embeddings,
  moderations: MISTRAL_OPS.moderations,
  chatModerations: MISTRAL_OPS.chatModerations,
} as const;

/** Tokens for probes whose answer must be complete to be judged (JSON objects, tool arguments). */
const ROOM_FOR_STRUCTURE = 64;

const LONG_ANSWER = 'Write a detailed, multi-paragraph essay on the history of the Roman Empire, from its founding to its fall.';
const FILLER = 'The quick brown fox jumps over the lazy dog while the five boxing wizards jump quickly. ';

const TIME_TOOL = {
  type: 'function',
  function: {
    name: 'get_time',
    description: 'Get the current local time in a city.',
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  },
};
const WEATHER_QUESTION = [{ role: 'user', content: 'What is the weather in Paris right now? Use the tool.' }];

export interface SkippedProbeFamily {
  family: string;
  checks: string[];
  reason: string;
}

interface Family {
  name: string;
  checks: string[];
  operationId: string;
  model: (info: MistralTargetInfo) => string | undefined;
  build: (b: Builder) => TestCase[];
}

class Builder {
  constructor(
    readonly info: MistralTargetInfo,
    readonly op: Operation,
    readonly model: string,
    readonly seed: number,
  ) {}

  get k(): number {
    return Math.max(1, Math.floor(this.info.k));
  }

  post(body: Record<string, unknown>, stream = false): RequestSpec {
    const spec: RequestSpec = {
      method: 'POST',
      path: this.op.path,
      query: [],
      headers: {},
      body: { kind: 'json', value: stream ? { ...body, stream: true } : body },
      auth: { kind: 'default' },
    };
    if (stream) spec.stream = true;
    return spec;
  }

  step(label: string, request: CaseStep['request']): CaseStep {
    return { label, operationId: this.op.id, request };
  }

  probe(name: string, description: string, steps: CaseStep[], meta: { property: ProbeProperty; k?: number }, caseChecks: string[] = []): TestCase {
    return {
      id: `${this.op.id}/semantic/${name}`,
      operationId: this.op.id,
      phase: 'semantic',
      expectation: 'accept',
      description,
      steps,
      caseChecks,
      meta: { modelNames: namesOf(this.info, this.model), ...meta },
      generation: { seed: this.seed, path: name },
    };
  }

  repeat(times: number, label: string, body: Record<string, unknown>): CaseStep[] {
    return Array.from({ length: times }, (_, i) => this.step(`${label} ${i + 1}/${times}`, this.post(body)));
  }
}

/** The assistant message and tool answers that continue a conversation after a tool call. */
export function toolResultFollowUp(base: Record<string, unknown>, previous: Exchange[]): Record<string, unknown> | undefined {
  const body = previous[0]?.response?.json;
  const choice = isObject(body) && Array.isArray(body.choices) ? body.choices[0] : undefined;
  const message = isObject(choice) && isObject(choice.message) ? choice.message : undefined;
  const calls = Array.isArray(message?.tool_calls) ? message.tool_calls.filter(isObject) : [];
  if (calls.length === 0) return undefined;
  // Only the documented ToolCall fields go back (it forbids extra properties such as `index`).
  const sent = calls.map((c, i) => {
    const fn = isObject(c.function) ? c.function : {};
    return {
      id: typeof c.id === 'string' ? c.id : `call_${i}`,
      type: 'function',
      function: {
        name: typeof fn.name === 'string' ? fn.name : 'get_weather',
        arguments: typeof fn.arguments === 'string' ? fn.arguments : JSON.stringify(fn.arguments ?? {}),
      },
    };
  });
  const messages = [
    ...(Array.isArray(base.messages) ? base.messages : []),
    { role: 'assistant', content: '', tool_calls: sent },
    ...sent.map((c) => ({
      role: 'tool',
      tool_call_id: c.id,
      name: c.function.name,
      content: JSON.stringify({ city: 'Paris', temperature: 18, unit: 'celsius' }),
    })),
  ];
  const { tool_choice: _forced, ...rest } = base;
  return { ...rest, messages };
}

const ask = (content: string) => [{ role: 'user', content }];

function chatProbes(b: Builder): TestCase[] {
  return [...limitProbes(b), ...repetitionProbes(b), ...pairProbes(b)];
}

/** What caps or ends an answer: max_tokens, n, stop (a string and a list). */
function limitProbes(b: Builder): TestCase[] {
  const { model, info } = b;
  return [
    b.probe(
      'max-tokens',
      `max_tokens ${Math.min(5, info.maxTokens)} on a prompt asking for a long answer`,
      [b.step('long answer, tiny limit', b.post({ model, messages: ask(LONG_ANSWER), max_tokens: Math.min(5, info.maxTokens) }))],
      { property: 'max-tokens' },
    ),
    b.probe(
      'n-choices',
      'n = 3 choices',
      [b.step('n = 3', b.post({ model, messages: ask('Suggest a name for a cat.'), n: 3, temperature: 0.7, max_tokens: info.maxTokens }))],
      { property: 'n-choices' },
    ),
    b.probe(
      'stop-string',
      'stop sequence " the" on a prompt that uses it',
      [b.step('stop " the"', b.post({ model, messages: ask(LONG_ANSWER), stop: ' the', max_tokens: info.maxTokens }))],
      { property: 'stop' },
    ),
    b.probe(
      'stop-list',
      'stop sequences as a list',
      [
        b.step(
          'stop list',
          b.post({
            model,
            messages: ask('List five fruits, one per line, then describe each and explain why it is healthy.'),
            stop: ['\n', ' and'],
            max_tokens: info.maxTokens,
          }),
        ),
      ],
      { property: 'stop' },
    ),
  ];
}

/** Promises judged over k repetitions: JSON mode, and the same answer for the same random_seed. */
function repetitionProbes(b: Builder): TestCase[] {
  const { model, info } = b;
  const k = Math.max(2, b.k);
  return [
    b.probe(
      'json-mode',
      `JSON mode, ${b.k} repetition(s)`,
      b.repeat(b.k, 'json mode', {
        model,
        messages: [
          { role: 'system', content: 'You answer only with a JSON object, no prose.' },
          { role: 'user', content: 'Describe a fictional person as a JSON object with keys "name" (string) and "age" (integer).' },
        ],
        response_format: { type: 'json_object' },
        max_tokens: Math.max(info.maxTokens, ROOM_FOR_STRUCTURE),
      }),
      { property: 'json-mode', k: b.k },
      ['json-mode'],
    ),
    b.probe(
      'seed-determinism',
      `${k} identical requests with random_seed ${b.seed}`,
      b.repeat(k, 'seeded', { model, messages: ask('Write one sentence about the sea.'), temperature: 0.7, random_seed: b.seed, max_tokens: info.maxTokens }),
      { property: 'seed-determinism', k },
      ['seed-determinism'],
    ),
  ];
}

/** Pairs of requests compared with each other: a longer prompt counts more tokens; streamed equals not streamed. */
function pairProbes(b: Builder): TestCase[] {
  const { model, info } = b;
  const longPrompt = `Say hello. ${FILLER.repeat(12)}`;
  const seeded = { model, messages: ask('Name three colours, comma separated.'), temperature: 0, random_seed: b.seed, max_tokens: info.maxTokens };
  return [
    b.probe(
      'prompt-growth',
      'the same request with a longer user message counts more prompt tokens',
      [
        b.step('short prompt', b.post({ model, messages: ask('Say hello.'), max_tokens: Math.min(5, info.maxTokens) })),
        b.step('long prompt', b.post({ model, messages: ask(longPrompt), max_tokens: Math.min(5, info.maxTokens) })),
      ],
      { property: 'prompt-growth' },
      ['usage-arithmetic'],
    ),
    b.probe(
      'stream-equivalence',
      'temperature 0, seeded: streamed and non-streamed answers agree',
      [b.step('non-streamed', b.post(seeded)), b.step('streamed', b.post(seeded, true))],
      { property: 'stream-equivalence' },
      ['stream-equivalence'],
    ),
  ];
}

function toolProbes(b: Builder): TestCase[] {
  const { model, info } = b;
  const base = {
    model,
    messages: WEATHER_QUESTION,
    tools: [WEATHER_TOOL, TIME_TOOL],
    max_tokens: Math.max(info.maxTokens, ROOM_FOR_STRUCTURE),
    temperature: 0,
  };
  const forced = { ...base, tool_choice: 'any' };
  return [
    b.probe(
      'tool-choice-any',
      `tool_choice "any", ${b.k} repetition(s)`,
      b.repeat(b.k, 'tool_choice any', forced),
      { property: 'tool-choice-repeat', k: b.k },
      ['tool-calls'],
    ),
    b.probe(
      'tool-choice-named',
      'tool_choice names get_weather',
      [b.step('named tool', b.post({ ...base, tool_choice: { type: 'function', function: { name: 'get_weather' } } }))],
      { property: 'tool-choice-named' },
    ),
    b.probe('tool-choice-none', 'tool_choice "none" forbids calls', [b.step('no tools', b.post({ ...base, tool_choice: 'none' }))], {
      property: 'tool-choice-none',
    }),
    b.probe(
      'tool-result',
      'a forced tool call, then the tool result sent back',
      [
        b.step('forced call', b.post(forced)),
        b.step('tool result', (previous) => {
          const body = toolResultFollowUp(forced, previous);
          return body ? b.post(body) : undefined;
        }),
      ],
      { property: 'tool-result' },
      ['tool-calls'],
    ),
  ];
}

function fimProbes(b: Builder): TestCase[] {
  const { model, info } = b;
  const gap = {
    model,
    prompt: 'def fibonacci(n):\n    """Return the n-th Fibonacci number."""\n',
    suffix: '\n\nprint(fibonacci(10))\n',
    temperature: 0,
    random_seed: b.seed,
    max_tokens: info.maxTokens,
  };
  return [
    b.probe('fim-suffix', 'FIM with a suffix and min_tokens', [b.step('fill the gap', b.post({ ...gap, min_tokens: Math.min(4, info.maxTokens) }))], {
      property: 'fim',
    }),
    b.probe(
      'stream-equivalence',
      'FIM, temperature 0, seeded: streamed and non-streamed answers agree',
      [b.step('non-streamed', b.post(gap)), b.step('streamed', b.post(gap, true))],
      { property: 'stream-equivalence' },
      ['stream-equivalence'],
    ),
  ];
}

function embeddingProbes(b: Builder): TestCase[] {
  const a = 'The cat sat on the mat.';
  return [
    b.probe(
      'embeddings-repeat',
      'three inputs with a repeat, then the repeated text alone',
      [
        b.step('three inputs', b.post({ model: b.model, input: [a, 'Quantum computers use qubits.', a] })),
        b.step('one input', b.post({ model: b.model, input: [a] })),
      ],
      { property: 'embeddings' },
      ['embeddings-consistency'],
    ),
  ];
}

function moderationProbes(b: Builder): TestCase[] {
  return [
    b.probe(
      'moderations-list',
      'two texts, one result each',
      [b.step('two texts', b.post({ model: b.model, input: ['I love sunny days at the beach.', 'What is the capital of France?'] }))],
      { property: 'moderation' },
    ),
  ];
}

function chatModerationProbes(b: Builder): TestCase[] {
  const conversation = (text: string) => [
    { role: 'user', content: text },
    { role: 'assistant', content: 'Sure, happy to help.' },
  ];
  return [
    b.probe(
      'moderations-conversations',
      'two conversations, one result each',
      [b.step('two conversations', b.post({ model: b.model, input: [conversation('Can you recommend a good book?'), conversation('How do I bake bread?')] }))],
      { property: 'moderation' },
    ),
  ];
}

function agentProbes(b: Builder): TestCase[] {
  return [
    b.probe(
      'max-tokens',
      'agents: max_tokens on a prompt asking for a long answer',
      [
        b.step(
          'long answer, tiny limit',
          b.post({ agent_id: b.model, messages: [{ role: 'user', content: LONG_ANSWER }], max_tokens: Math.min(5, b.info.maxTokens) }),
        ),
      ],
      { property: 'max-tokens' },
    ),
  ];
}

const FAMILIES: Family[] = [
  {
    name: 'chat',
    checks: ['max-tokens-honoured', 'n-choices', 'stop-honoured', 'json-mode', 'seed-determinism', 'usage-arithmetic', 'stream-equivalence', 'model-echo'],
    operationId: PROBE_OPS.chat,
    model: (i) => i.chatModel,
    build: chatProbes,
  },
  { name: 'tools', checks: ['tool-calls'], operationId: PROBE_OPS.chat, model: (i) => i.toolModel, build: toolProbes },
  { name: 'fim', checks: ['fim-completion', 'stream-equivalence'], operationId: PROBE_OPS.fim, model: (i) => i.fimModel, build: fimProbes },
  { name: 'embeddings', checks: ['embeddings-consistency'], operationId: PROBE_OPS.embeddings, model: (i) => i.embedModel, build: embeddingProbes },
  { name: 'moderations', checks: ['moderation-consistency'], operationId: PROBE_OPS.moderations, model: (i) => i.moderationModel, build: moderationProbes },
  {
    name: 'chat-moderations',
    checks: ['moderation-consistency'],
    operationId: PROBE_OPS.chatModerations,
    model: (i) => i.moderationModel,
    build: chatModerationProbes,
  },
  // The agent id stands in for the model: agents completions take `agent_id` instead.
  { name: 'agents', checks: ['max-tokens-honoured'], operationId: PROBE_OPS.agents, model: (i) => i.agentId, build: agentProbes },
];

function resolve(f: Family, info: MistralTargetInfo, ops: Map<string, Operation>): { op: Operation; model: string } | { reason: string } {
  const op = ops.get(f.operationId);
  if (!op) return { reason: `the spec has no operation ${f.operationId}` };
  const model = f.model(info);
  if (!model)
    return {
      reason: f.name === 'agents' ? 'no agent id configured (--agent-id)' : `no ${f.name === 'tools' ? 'function-calling' : f.name} model known for the target`,
    };
  return { op, model };
}

/** Probe families that emit no case, and why (for the run log; their checks then have no probe). */
export function skippedProbeFamilies(info: MistralTargetInfo, ops: Map<string, Operation>): SkippedProbeFamily[] {
  return FAMILIES.flatMap((f) => {
    const r = resolve(f, info, ops);
    return 'reason' in r ? [{ family: f.name, checks: f.checks, reason: r.reason }] : [];
  });
}

export function semanticProbes(info: MistralTargetInfo, ops: Map<string, Operation>, opts: { seed: number }): TestCase[] {
  // random_seed must be a non-negative integer; derive it from the run seed so runs replay exactly.
  const seed = Math.abs(Math.trunc(opts.seed)) % 2_147_483_647;
  return FAMILIES.flatMap((f) => {
    const r = resolve(f, info, ops);
    return 'reason' in r ? [] : f.build(new Builder(info, r.op, r.model, seed));
  });
}
