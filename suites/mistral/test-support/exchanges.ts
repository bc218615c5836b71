// Test support for the Mistral checks: builders for completion bodies and streams, and the recorded
// real API exchanges (copied from shared/real-responses into fixtures/recordings/real-responses, sources kept in each file).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LoadedSpec } from '../../openapi/load-spec.js';
import { exchangeOf, operation, sseText, transcriptFromText, type ExchangeInit } from '../../checks/test-support/sse.js';
import type { Exchange, StreamEnd } from '../../engine/types.js';
import { chunkFold } from '../stream/chunk-fold.js';
import { MISTRAL_OPS } from '../operation-ids.js';

export * from '../../checks/test-support/sse.js';

export const OPS = MISTRAL_OPS;

const PATHS: Record<string, string> = {
  [OPS.chat]: '/v1/chat/completions',
  [OPS.fim]: '/v1/fim/completions',
  [OPS.agents]: '/v1/agents/completions',
  [OPS.embeddings]: '/v1/embeddings',
  [OPS.moderations]: '/v1/moderations',
  [OPS.chatModerations]: '/v1/chat/moderations',
};

export function pathOf(operationId: string): string {
  return PATHS[operationId] ?? '/';
}

export interface ChoiceInit {
  content?: string | null;
  tool_calls?: unknown;
  finish_reason?: string | null;
  index?: number;
}

/** A chat.completion body; one choice per entry. */
export function completion(
  choices: ChoiceInit[],
  usage: unknown = { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
  model = 'mistral-small-latest',
): Record<string, unknown> {
  return {
    id: 'cmpl-1',
    object: 'chat.completion',
    created: 1,
    model,
    choices: choices.map((c, i) => ({
      index: c.index ?? i,
      message: { role: 'assistant', content: c.content === undefined ? 'Hello.' : c.content, tool_calls: c.tool_calls ?? null },
      finish_reason: c.finish_reason === undefined ? 'stop' : c.finish_reason,
    })),
    usage,
  };
}

/** A non-streamed exchange on an operation. */
export function jsonExchange(operationId: string, requestJson: unknown, json: unknown, init: Partial<ExchangeInit> = {}): Exchange {
  return exchangeOf({ path: pathOf(operationId), requestJson, json, ...init });
}

/** A streamed exchange: chunks (objects or raw strings) then `[DONE]`, folded like the transport does. */
export function streamExchange(
  spec: LoadedSpec,
  operationId: string,
  requestJson: unknown,
  chunks: unknown[],
  opts: { end?: StreamEnd; terminator?: boolean } = {},
): Exchange {
  const body = sseText(...chunks, ...(opts.terminator === false ? [] : ['[DONE]']));
  const sse = transcriptFromText(body, { validate: { spec, op: operation(spec, operationId) }, folds: [chunkFold], ...(opts.end ? { end: opts.end } : {}) });
  return exchangeOf({ path: pathOf(operationId), requestJson, sse, bodyText: body.slice(0, 200) });
}

/** A chunk of a chat stream. */
export function chunk(choices: unknown[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { id: 'cmpl-s', object: 'chat.completion.chunk', created: 1, model: 'mistral-small-latest', choices, ...extra };
}

export interface Recording {
  name: string;
  method: string;
  path: string;
  status: number;
  headers?: Record<string, string>;
  request_body?: unknown;
  body?: unknown;
  body_text?: string;
  notes?: string;
}

const RECORDINGS = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'fixtures', 'recordings', 'real-responses');

export function readRecording(name: string): Recording {
  return { name, ...(JSON.parse(readFileSync(join(RECORDINGS, `${name}.json`), 'utf8')) as Omit<Recording, 'name'>) };
}

/**
 * The recorded real exchange as the transport would have recorded it. `request` replaces the request
 * body when the recorder did not keep it (request_body null).
 */
export function recordedExchange(spec: LoadedSpec, operationId: string, name: string, request?: unknown): Exchange {
  const rec = readRecording(name);
  const requestJson = request ?? rec.request_body ?? undefined;
  const contentType = Object.entries(rec.headers ?? {}).find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? 'application/json';
  if (rec.body_text !== undefined) {
    const sse = transcriptFromText(rec.body_text, { validate: { spec, op: operation(spec, operationId) }, folds: [chunkFold] });
    return exchangeOf({ path: rec.path, status: rec.status, requestJson, contentType, sse, bodyText: rec.body_text.slice(0, 200) });
  }
  return exchangeOf({ path: rec.path, status: rec.status, requestJson, contentType, json: rec.body });
}
