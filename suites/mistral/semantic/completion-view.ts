// One view of a completion answer whether it came as JSON or as a stream (through the chunk fold),
// so the semantic checks judge streamed and non-streamed answers the same way.
import type { Exchange } from '../../engine/types.js';
import { contentText } from '../stream/chunk-fold.js';
import { chunkFoldOf } from '../stream/fold-of.js';
import { isObject } from '../../openapi/is-object.js';

export interface ToolCallView {
  id: unknown;
  name: unknown;
  arguments: unknown;
}

export interface ChoiceView {
  index: unknown;
  hasMessage: boolean;
  /** Text of the message (string, or text parts of content chunks); null when the server sent none. */
  content: string | null;
  toolCalls: ToolCallView[];
  finishReason: unknown;
}

export interface CompletionView {
  streamed: boolean;
  /** `choices` was not an array (JSON answers). */
  malformed: boolean;
  choices: ChoiceView[];
  usage: unknown;
  models: string[];
}

function toolCallsOf(raw: unknown): ToolCallView[] {
  if (!Array.isArray(raw)) return [];
  return raw.map((c) => {
    const fn = isObject(c) && isObject(c.function) ? c.function : {};
    return { id: isObject(c) ? c.id : undefined, name: fn.name, arguments: fn.arguments };
  });
}

function fromJson(body: unknown): CompletionView | undefined {
  if (!isObject(body)) return undefined;
  const raw = body.choices;
  const choices = Array.isArray(raw)
    ? raw.map((c): ChoiceView => {
        const message = isObject(c) && isObject(c.message) ? c.message : undefined;
        const content = message?.content;
        return {
          index: isObject(c) ? c.index : undefined,
          hasMessage: message !== undefined,
          content: typeof content === 'string' || Array.isArray(content) ? contentText(content) : null,
          toolCalls: toolCallsOf(message?.tool_calls),
          finishReason: isObject(c) ? c.finish_reason : undefined,
        };
      })
    : [];
  return { streamed: false, malformed: !Array.isArray(raw), choices, usage: body.usage, models: typeof body.model === 'string' ? [body.model] : [] };
}

/** The view of a 2xx completion answer; undefined when there is nothing to judge (no body, cut stream). */
export function completionView(exchange: Exchange): CompletionView | undefined {
  const response = exchange.response;
  if (!response) return undefined;
  const fold = chunkFoldOf(exchange);
  if (fold && response.sse) {
    const end = response.sse.end;
    if (end !== 'terminator' && end !== 'eof') return undefined;
    const sorted = [...fold.choices].sort((a, b) => a.index - b.index);
    return {
      streamed: true,
      malformed: false,
      choices: sorted.map((c) => ({
        index: c.index,
        hasMessage: true,
        content: c.content,
        toolCalls: c.toolCalls.map((t) => ({ id: t.id, name: t.name, arguments: t.arguments })),
        finishReason: c.finishReasons[c.finishReasons.length - 1]?.reason ?? null,
      })),
      usage: fold.usage[fold.usage.length - 1]?.value,
      models: fold.models,
    };
  }
  return fromJson(response.json);
}
