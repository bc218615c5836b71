// When the generic SSE checks apply: the request asked for a stream, the operation documents an
// event stream for a 2xx answer, and the answer is a 2xx. Error answers to stream requests are JSON
// by design and are judged by the status and error-body checks instead.
import type { Operation } from '../openapi/model.js';
import { eventStreamMedia } from '../engine/send-context.js';
import type { ExchangeContext } from '../engine/types.js';
import { is2xx } from './define-check.js';

export const EVENT_STREAM = 'text/event-stream';

/** The request asked for a server-sent-event stream (`stream: true` in the body, or the step says so). */
export function streamRequested(ctx: Pick<ExchangeContext, 'exchange' | 'testCase' | 'step'>): boolean {
  const body = ctx.exchange.request.json;
  if (body !== null && typeof body === 'object' && (body as Record<string, unknown>).stream === true) return true;
  const step = ctx.testCase.steps[ctx.step];
  return step !== undefined && typeof step.request === 'object' && step.request.stream === true;
}

/** All generic SSE checks share this scope. */
export function sseApplies(ctx: ExchangeContext): boolean {
  const status = ctx.exchange.response?.status;
  return status !== undefined && is2xx(status) && streamRequested(ctx) && eventStreamMedia(ctx.operation) !== undefined;
}

/** The `x-sse-terminator` the document declares on the operation's event-stream media type. */
export function declaredTerminator(op: Operation): string | undefined {
  const value = eventStreamMedia(op)?.extensions['x-sse-terminator'];
  return typeof value === 'string' ? value : undefined;
}

/** Ends that mean the transport cut the stream (the stream checks defer to sse-stream-completes). */
export function streamWasCut(end: string): boolean {
  return end === 'reset' || end === 'idle-timeout' || end === 'total-timeout' || end === 'too-large';
}
