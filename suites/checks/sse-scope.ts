// When the generic SSE checks apply: the request asked for a stream, the operation documents an
// event stream for a 2xx answer, and the answer is a 2xx. Error answers to stream requests are JSON
// by design and are judged by the status and error-body checks instead.
import { baseMediaType, type MediaTypeModel, type Operation, type ResponseModel } from '../../specs/lib/model.js';
import type { ExchangeContext } from '../engine/types.js';

export const EVENT_STREAM = 'text/event-stream';

/** The request asked for a server-sent-event stream (`stream: true` in the body, or the step says so). */
export function streamRequested(ctx: Pick<ExchangeContext, 'exchange' | 'testCase' | 'step'>): boolean {
  const body = ctx.exchange.request.json;
  if (body !== null && typeof body === 'object' && (body as Record<string, unknown>).stream === true) return true;
  const step = ctx.testCase.steps[ctx.step];
  return step !== undefined && typeof step.request === 'object' && step.request.stream === true;
}

function isSuccessStatus(status: string): boolean {
  return /^2(\d\d|XX)$/i.test(status);
}

/** The first 2xx response of the operation that documents `text/event-stream`, with that media type. */
export function documentedEventStream(op: Operation): { response: ResponseModel; media: MediaTypeModel } | undefined {
  for (const response of op.responses) {
    if (!isSuccessStatus(response.status)) continue;
    const media = response.content.find((m) => baseMediaType(m.mediaType) === EVENT_STREAM);
    if (media) return { response, media };
  }
  return undefined;
}

export function isSuccess(ctx: Pick<ExchangeContext, 'exchange'>): boolean {
  const status = ctx.exchange.response?.status;
  return status !== undefined && status >= 200 && status < 300;
}

/** All generic SSE checks share this scope. */
export function sseApplies(ctx: ExchangeContext): boolean {
  return isSuccess(ctx) && streamRequested(ctx) && documentedEventStream(ctx.operation) !== undefined;
}

/** The `x-sse-terminator` the document declares on the operation's event-stream media type. */
export function declaredTerminator(op: Operation): string | undefined {
  const value = documentedEventStream(op)?.media.extensions?.['x-sse-terminator'];
  return typeof value === 'string' ? value : undefined;
}

/** Ends that mean the transport cut the stream (the stream checks defer to sse-stream-completes). */
export function streamWasCut(end: string): boolean {
  return end === 'reset' || end === 'idle-timeout' || end === 'total-timeout' || end === 'too-large';
}
