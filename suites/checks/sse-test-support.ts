// Test support for checks: builds Exchanges, SSE transcripts and check contexts without a server.
// The transcript builder replays what the transport records (JSON parsing, per-event validation,
// terminator, folds) so tables can be written as raw `data:` lines or recorded stream bodies.
import { createParser } from 'eventsource-parser';
import { loadSpec, type LoadedSpec } from '../../specs/lib/load-spec.js';
import type { Operation } from '../../specs/lib/model.js';
import { pinnedErrataPath, pinnedSpecPath } from '../../specs/lib/paths.js';
import type { CaseContext, Exchange, ExchangeContext, ExchangeResponse, SseTranscript, StatusPolicy, StreamEnd, StreamFold, TestCase } from '../engine/types.js';
import { documentedEventStream } from './sse-scope.js';

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
  end?: StreamEnd;
  /** Validates each JSON event against the operation's documented event schema. */
  validate?: { spec: LoadedSpec; op: Operation };
  folds?: StreamFold[];
  terminator?: string;
  /** ms between events (deterministic timestamps). */
  stepMs?: number;
}

/** Parses an SSE body the way the transport does and records the transcript. */
export function transcriptFromText(text: string, opts: TranscriptOptions = {}): SseTranscript {
  const terminator = opts.terminator ?? '[DONE]';
  const raw: Array<{ data: string; event?: string; id?: string }> = [];
  const parser = createParser({ onEvent: (e) => raw.push({ data: e.data, ...(e.event ? { event: e.event } : {}), ...(e.id ? { id: e.id } : {}) }) });
  parser.feed(text);
  parser.reset({ consume: true });
  const stepMs = opts.stepMs ?? 10;
  const media = opts.validate ? documentedEventStream(opts.validate.op)?.media : undefined;
  const states = (opts.folds ?? []).map((f) => ({ fold: f, state: f.init() }));
  const t: SseTranscript = {
    events: [],
    eventCount: 0,
    nonJson: [],
    invalid: [],
    terminatorSeen: false,
    afterTerminator: 0,
    end: 'eof',
    folds: {},
    gapsMs: { median: stepMs, p95: stepMs, max: stepMs, count: Math.max(0, raw.length - 1) },
  };
  let jsonIndex = 0;
  raw.forEach((e, index) => {
    t.events.push({ ...e, atMs: (index + 1) * stepMs });
    t.eventCount++;
    if (t.terminatorSeen) {
      t.afterTerminator++;
      return;
    }
    if (e.data === terminator) {
      t.terminatorSeen = true;
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(e.data);
    } catch {
      t.nonJson.push({ index, data: e.data });
      return;
    }
    if (opts.validate && media?.schemaPointer) {
      const r = opts.validate.spec.validators.validate(media.schemaPointer, value);
      if (!r.valid) t.invalid.push({ index, issues: r.issues.map((i) => `${i.instancePath || '/'} ${i.message}`) });
    }
    for (const s of states) s.state = s.fold.step(s.state, value, jsonIndex);
    jsonIndex++;
  });
  t.end = opts.end ?? (t.terminatorSeen ? 'terminator' : 'eof');
  if (raw.length > 0) t.firstEventMs = stepMs;
  for (const s of states) t.folds[s.fold.id] = s.state;
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
  const request: Exchange['request'] = { method: init.method ?? 'POST', url: `http://127.0.0.1:1${init.path ?? '/v1/chat/completions'}`, headers: { 'content-type': 'application/json' } };
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
