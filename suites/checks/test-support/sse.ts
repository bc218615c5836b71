// Test support for checks: builds Exchanges, SSE transcripts and check contexts without a server.
// Transcripts come from the engine's SSE reader, so tables can be written as raw `data:` lines or
// recorded stream bodies and still look exactly like what a run records.
import { loadSpec, type LoadedSpec } from '../../openapi/load-spec.js';
import type { Operation } from '../../openapi/model.js';
import { pinnedErrataPath, pinnedSpecPath } from '../../mistral/contracts.js';
import type {
  CaseContext,
  Exchange,
  ExchangeContext,
  ExchangeResponse,
  SseTranscript,
  StatusPolicy,
  StreamEnd,
  StreamFold,
  TestCase,
} from '../../engine/types.js';
import { SseAccumulator, type SseReadContext } from '../../engine/transport/sse-reader.js';
import { eventStreamMedia } from '../../engine/send-context.js';
import { declaredTerminator } from '../sse-scope.js';

let pinned: Promise<LoadedSpec> | undefined;

/** The pinned Mistral spec with errata, loaded once per test file. */
export function pinnedSpec(): Promise<LoadedSpec> {
  pinned ??= loadSpec(pinnedSpecPath(), { overlays: [pinnedErrataPath()] });
  return pinned;
}

export function operation(spec: LoadedSpec, id: string): Operation {
  const op = spec.operations.find((o) => o.id === id);
  if (!op) throw new Error(`no operation ${id} in the spec`);
  return op;
}

export const permissivePolicy: StatusPolicy = {
  undocumented: () => ({ verdict: 'pass', reason: 'test' }),
  describe: () => [],
};

export interface TranscriptOptions {
  /** Overrides how the stream ended (reset, timeouts); default: as the reader saw it. */
  end?: StreamEnd;
  /** Validates each JSON event against the operation's documented event schema, and takes its terminator. */
  validate?: { spec: LoadedSpec; op: Operation };
  folds?: StreamFold[];
  /** ms between events (deterministic timestamps). */
  stepMs?: number;
}

/**
 * Reads an SSE body with the engine's own reader (the SseAccumulator the transport uses), one event
 * block per `stepMs`, so checks are tested on the transcripts real runs produce.
 */
export function transcriptFromText(text: string, opts: TranscriptOptions = {}): SseTranscript {
  const ctx: SseReadContext = { folds: opts.folds ?? [], sseTerminator: '[DONE]' };
  if (opts.validate) {
    const { spec, op } = opts.validate;
    ctx.operation = op;
    const pointer = eventStreamMedia(op)?.schemaPointer;
    if (pointer) ctx.validateEvent = (chunk) => spec.validators.validate(pointer, chunk).issues.map((i) => `${i.instancePath || '/'} ${i.message}`);
    const terminator = declaredTerminator(op);
    if (terminator === undefined) delete ctx.sseTerminator;
    else ctx.sseTerminator = terminator;
  }
  const acc = new SseAccumulator(ctx);
  const stepMs = opts.stepMs ?? 10;
  const blocks = text.split(/(?<=\n\n)/);
  for (const [i, block] of blocks.entries()) acc.feed(block, (i + 1) * stepMs);
  const t = acc.finish(opts.end ?? 'closed');
  return t;
}

/** `data:` lines from values (objects are JSON-encoded, strings sent as-is). */
export function sseText(...events: unknown[]): string {
  return events.map((e) => `data: ${typeof e === 'string' ? e : JSON.stringify(e)}\n\n`).join('');
}

export interface ExchangeInit {
  requestJson?: unknown;
  method?: string;
  path?: string;
  status?: number;
  contentType?: string;
  json?: unknown;
  bodyText?: string;
  sse?: SseTranscript;
  totalMs?: number;
}

export function exchangeOf(init: ExchangeInit): Exchange {
  const status = init.status ?? 200;
  const contentType = init.contentType ?? (init.sse ? 'text/event-stream; charset=utf-8' : 'application/json');
  const bodyText = init.bodyText ?? (init.json !== undefined ? JSON.stringify(init.json) : '');
  const response: ExchangeResponse = { status, headers: { 'content-type': contentType }, contentType, bodyText, bytes: bodyText.length, truncated: false };
  if (init.json !== undefined) response.json = init.json;
  if (init.sse) response.sse = init.sse;
  const request: Exchange['request'] = {
    method: init.method ?? 'POST',
    url: `http://127.0.0.1:1${init.path ?? '/v1/chat/completions'}`,
    headers: { 'content-type': 'application/json' },
  };
  if (init.requestJson !== undefined) {
    request.json = init.requestJson;
    request.bodyText = JSON.stringify(init.requestJson);
  }
  return { request, response, timing: { startedAt: 0, ttfbMs: 5, totalMs: init.totalMs ?? 100 }, retries: 0 };
}

export function caseOf(operationId: string, init: Partial<TestCase> = {}): TestCase {
  return { id: `${operationId}/test/0`, operationId, phase: 'semantic', expectation: 'accept', steps: [], ...init };
}

export function exchangeContext(spec: LoadedSpec, operationId: string, exchange: Exchange, testCase?: TestCase, step = 0): ExchangeContext {
  return { spec, operation: operation(spec, operationId), testCase: testCase ?? caseOf(operationId), step, exchange, policy: permissivePolicy };
}

export function caseContext(spec: LoadedSpec, testCase: TestCase, exchanges: Exchange[]): CaseContext {
  return { spec, testCase, operations: new Map(spec.operations.map((o) => [o.id, o])), exchanges, policy: permissivePolicy };
}

/** Normalises an outcome to a list of failures (empty = pass), or the skip. */
export function failuresOf(outcome: unknown): { skip?: string; failures: Array<{ message: string; warning?: boolean; step?: number }> } {
  if (outcome === undefined || outcome === null) return { failures: [] };
  if (Array.isArray(outcome)) return { failures: outcome as Array<{ message: string }> };
  if (typeof outcome === 'object' && 'skip' in (outcome as object)) return { skip: (outcome as { skip: string }).skip, failures: [] };
  return { failures: [outcome as { message: string }] };
}
