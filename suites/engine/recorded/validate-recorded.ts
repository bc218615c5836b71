// Offline validation: recorded exchanges judged by the same checks as a live run, producing the same
// events (so every report format works). A recorded request body valid against the request schema is
// an `accept` case, an invalid one a `reject` case, an unknown one `any`.
import type { LoadedSpec } from '../../openapi/load-spec.js';
import type { Operation } from '../../openapi/model.js';
import { parseJsonBounded } from '../../openapi/json-depth.js';
import { createOperationMatcher, type OperationMatcher } from '../../openapi/operation-matcher.js';
import type { EventListener, SpecSummary } from '../events.js';
import { ResultsReducer, type RunResults } from '../results.js';
import { runChecks } from '../run-checks.js';
import { caseFinishedEvent, createEmitter, operationInfo, runFinishedEvent, runStartedEvent } from '../run/run-events.js';
import { sendContextFor } from '../send-context.js';
import { createRedactor, headerSecrets } from '../secrets/redactor.js';
import { readSseRecording } from '../transport/sse-reader.js';
import type { Check, Exchange, Expectation, RequestSpec, StatusPolicy, StreamFold, SuitePlugin, TestCase, Violation } from '../types.js';
import type { RecordedExchange } from './recorded-exchange.js';
import { recordedViolation } from './recorded-violation.js';

/** The operation a recorded request called, and the documented path it called it by. */
export function findOperation(matcher: OperationMatcher, method: string, url: string): { op: Operation; path: string } | undefined {
  const path = url.replace(/^[a-z]+:\/\/[^/]+/i, '').split('?')[0]!;
  const segments = path.split('/');
  // A gateway may put a prefix before the documented path: try dropping leading segments.
  for (let drop = 0; drop < segments.length - 1; drop++) {
    const candidate = drop === 0 ? path : `/${segments.slice(drop + 1).join('/')}`;
    const op = matcher.find(method, candidate);
    if (op) return { op, path: candidate };
  }
  return undefined;
}

function parseJson(text: string | undefined): { value?: unknown; error?: string } {
  if (text === undefined || text === '') return {};
  try {
    return { value: parseJsonBounded(text) };
  } catch (err) {
    return { error: (err as Error).message };
  }
}

/** Whether the recorded request was valid, and when it was not, the constraint it broke. */
function requestExpectation(spec: LoadedSpec, op: Operation, body: unknown): { expectation: Expectation; violation?: Violation } {
  if (body === undefined) return { expectation: 'any' };
  const media = op.requestBody?.content.find((m) => /json/i.test(m.mediaType));
  if (!media?.schemaPointer) return { expectation: 'any' };
  const result = spec.validators.validate(media.schemaPointer, body);
  if (result.valid) return { expectation: 'accept' };
  const violation = recordedViolation(result.issues, body);
  return violation ? { expectation: 'reject', violation } : { expectation: 'reject' };
}

export async function toExchange(rec: RecordedExchange, spec: LoadedSpec, op: Operation, folds: StreamFold[]): Promise<Exchange> {
  const req = parseJson(rec.requestBody);
  const contentType = rec.responseHeaders['content-type'] ?? '';
  const requestedStream = typeof req.value === 'object' && req.value !== null && (req.value as { stream?: unknown }).stream === true;
  const looksSse = /^\s*(data|event|id|:)/.test(rec.responseBody);
  // The recording's own credentials are redacted as the transport would, and searched in the answer.
  const redactor = createRedactor(headerSecrets(rec.requestHeaders));
  const responseBody = redactor.text(rec.responseBody);
  const reflected = [...redactor.reflectedInHeaders(rec.responseHeaders), ...(responseBody !== rec.responseBody ? ['body'] : [])];
  const exchange: Exchange = {
    request: {
      method: rec.method,
      url: redactor.text(rec.url),
      headers: redactor.headers(rec.requestHeaders),
      // Redacted whole, then cut (a key across the cut would leave its first characters).
      ...(rec.requestBody !== undefined ? { bodyText: redactor.text(rec.requestBody).slice(0, 16384) } : {}),
      ...(req.value !== undefined ? { json: redactor.value(req.value) } : {}),
    },
    response: {
      status: rec.status,
      headers: redactor.headers(rec.responseHeaders),
      contentType: redactor.text(contentType),
      bodyText: responseBody.slice(0, 16384),
      bytes: Buffer.byteLength(rec.responseBody),
      truncated: false,
      ...(reflected.length ? { reflectedSecret: reflected } : {}),
    },
    timing: { startedAt: rec.startedAt ? Date.parse(rec.startedAt) : 0, totalMs: rec.durationMs ?? 0 },
    retries: 0,
  };
  const res = exchange.response!;
  if (/text\/event-stream/i.test(contentType) || (requestedStream && looksSse)) {
    // Redacted again event by event: a key split across events is only found once they are joined.
    const read = readSseRecording(responseBody, { ...sendContextFor(spec, op, folds, false), redactor });
    res.sse = read.transcript;
    if (read.secretSeen && !reflected.includes('body')) (res.reflectedSecret ??= []).push('body');
  } else {
    const body = parseJson(responseBody);
    if (body.value !== undefined) res.json = body.value;
    else if (body.error) res.jsonError = body.error;
  }
  return exchange;
}

export interface ValidateRecordedInput {
  spec: LoadedSpec;
  specSummary: SpecSummary;
  records: RecordedExchange[];
  checks: Check[];
  plugins: SuitePlugin[];
  policy: StatusPolicy;
  listeners: EventListener[];
  tool: { name: string; version: string };
  source: string;
}

/** The case a recording stands for: its request as the spec names it, what its status may be. */
function recordedCase(
  rec: RecordedExchange,
  op: Operation,
  path: string,
  exchange: Exchange,
  judged: { expectation: Expectation; violation?: Violation },
  n: number,
): TestCase {
  const { expectation } = judged;
  const json = exchange.request.json;
  // A stream recorded without its request is still a stream: its events are judged one by one.
  const stream = (json as { stream?: unknown } | undefined)?.stream === true || (json === undefined && exchange.response?.sse !== undefined);
  const request: RequestSpec = {
    method: rec.method,
    path,
    query: [],
    headers: {},
    auth: { kind: 'default' },
    ...(json !== undefined ? { body: { kind: 'json' as const, value: json } } : {}),
    ...(stream ? { stream: true } : {}),
  };
  const tc: TestCase = {
    id: `${op.id}/recorded/${n}`,
    operationId: op.id,
    phase: 'recorded',
    expectation,
    description: rec.source,
    steps: [{ label: 'recorded', operationId: op.id, request }],
    // Unknown request: an error status may be legitimate (a bad key, an id that does not exist).
    meta: { situation: expectation === 'any' ? 'unknown' : expectation === 'reject' ? 'invalid-input' : 'valid' },
  };
  if (judged.violation) tc.violation = judged.violation;
  return tc;
}

export async function validateRecorded(input: ValidateRecordedInput): Promise<RunResults> {
  const { spec } = input;
  const reducer = new ResultsReducer();
  const emit = createEmitter(reducer, input.listeners);
  const checks = [...input.checks, ...input.plugins.flatMap((p) => p.checks ?? [])];
  const folds = input.plugins.flatMap((p) => p.streamFolds ?? []);
  const operations = new Map(spec.operations.map((o) => [o.id, o]));
  const matcher = createOperationMatcher(spec.operations);
  const matched = input.records.map((rec) => ({ rec, hit: findOperation(matcher, rec.method, rec.url) }));
  const startedAt = Date.now();
  emit(
    runStartedEvent({
      tool: input.tool,
      startedAt,
      target: `recording:${input.source}`,
      seed: 0,
      spec: input.specSummary,
      options: { mode: 'validate', source: input.source },
      checks,
      operations: [...new Set(matched.flatMap((m) => (m.hit ? [m.hit.op] : [])))].map(operationInfo),
    }),
  );
  let n = 0;
  for (const { rec, hit } of matched) {
    if (!hit) {
      emit({ type: 'log', level: 'warn', message: `${rec.source}: ${rec.method} ${rec.url} matches no operation of the spec; not judged` });
      continue;
    }
    const exchange = await toExchange(rec, spec, hit.op, folds);
    const tc = recordedCase(rec, hit.op, hit.path, exchange, requestExpectation(spec, hit.op, exchange.request.json), n++);
    const outcomes = runChecks({ spec, operations, testCase: tc, exchanges: [exchange], policy: input.policy, checks });
    // A recording has no event times: its stream gaps would all read 0.
    emit(caseFinishedEvent(tc, [exchange], outcomes, { streamGaps: false }));
  }
  emit(runFinishedEvent(startedAt, { requests: n, tokens: 0 }));
  return reducer.results();
}
