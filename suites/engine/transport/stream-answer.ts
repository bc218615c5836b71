// An answer that is an event stream: recognised by its content type, or (when a stream was asked for)
// by how its first bytes look, then read event by event through the SSE reader under the stream's own
// limits. How the stream ended becomes the exchange's error, if it was not a clean end.
import type { Exchange, ExchangeResponse, SseTranscript } from '../types.js';
import type { AttemptGuard } from './attempt-guard.js';
import { concat, type ByteSource } from './byte-source.js';
import { classifyError } from './classify-error.js';
import type { SendContext, TransportOptions } from './http-client.js';
import type { Redactor } from '../secrets/redactor.js';
import { readSseStream, SseAccumulator } from './sse-reader.js';

const SSE_START = /^(?::|data:|event:|id:|retry:)/;
const PEEK_BYTES = 16;

function baseType(ct: string): string {
  return ct.split(';')[0]!.trim().toLowerCase();
}

/** Reads just enough of a body to see whether it starts like SSE, then puts it back. */
async function peekStart(source: ByteSource): Promise<{ text: string; error?: unknown }> {
  const chunks: Uint8Array[] = [];
  let length = 0;
  let text = '';
  try {
    while (text.length < PEEK_BYTES) {
      const chunk = await source.next();
      if (!chunk) break;
      chunks.push(chunk);
      length += chunk.byteLength;
      text = new TextDecoder().decode(concat(chunks, length)).trimStart();
    }
  } catch (error) {
    return { text, error };
  }
  for (let i = chunks.length - 1; i >= 0; i--) source.unshift(chunks[i]!);
  return { text };
}

/** Whether to read the answer as a stream; `error` when the body broke while peeking at it. */
export async function isEventStream(contentType: string, streamRequested: boolean, source: ByteSource): Promise<{ sse: boolean; error?: unknown }> {
  if (baseType(contentType) === 'text/event-stream') return { sse: true };
  if (!streamRequested) return { sse: false };
  const peek = await peekStart(source);
  return peek.error !== undefined ? { sse: false, error: peek.error } : { sse: SSE_START.test(peek.text) };
}

export interface StreamReadContext {
  opts: TransportOptions;
  ctx: SendContext;
  redactor: Redactor;
  bodyLimit: number;
  guard: AttemptGuard;
  /** ms since the request started. */
  elapsed(): number;
}

/** The stream's head as the kept (redacted) events: the raw head would still hold the pieces of a split key. */
function keptEventsText(transcript: SseTranscript, limit: number): string {
  return transcript.events
    .map((e) => `${e.event !== undefined ? `event: ${e.event}\n` : ''}data: ${e.data}\n\n`)
    .join('')
    .slice(0, limit);
}

/** Why the stream's end is an error of the exchange, if it is one. */
function streamError(end: string, events: number, error: unknown, s: StreamReadContext): Exchange['error'] {
  const { opts } = s;
  if (s.guard.outerAborted() && end === 'reset') return { kind: 'aborted', message: 'stream aborted: the run was stopped' };
  if (end === 'reset' && classifyError(error).kind === 'too-large')
    return { kind: 'too-large', message: `stream cut off after ${events} events: ${classifyError(error).message}` };
  if (end === 'reset') return { kind: 'reset', message: s.redactor.text(`stream broke after ${events} events: ${classifyError(error).message}`) };
  if (end === 'idle-timeout') return { kind: 'timeout', message: `stream idle for ${opts.streamIdleTimeoutMs} ms after ${events} events` };
  if (end === 'total-timeout') return { kind: 'timeout', message: `stream still open after ${opts.streamTotalTimeoutMs} ms (${events} events)` };
  if (end === 'too-large') return { kind: 'too-large', message: `stream exceeded ${opts.maxStreamBytes} bytes after ${events} events; cut off` };
  return undefined;
}

/** Reads the stream into `response`; returns how it ended, as an error of the exchange if it was one. */
export async function readStreamAnswer(source: ByteSource, response: ExchangeResponse, s: StreamReadContext): Promise<Exchange['error']> {
  const { opts, redactor } = s;
  s.guard.stopHeaderTimer();
  // The run stopping now ends an open stream at once (other requests get a grace).
  s.guard.follow(s.ctx.streamSignal);
  const acc = new SseAccumulator({ ...s.ctx, redactor, reportBodyLimit: s.bodyLimit, maxBufferChars: opts.maxStreamBytes });
  const scanner = redactor.empty ? undefined : redactor.scanner();
  const r = await readSseStream(source, acc, {
    elapsed: s.elapsed,
    idleTimeoutMs: opts.streamIdleTimeoutMs,
    deadlineMs: opts.streamTotalTimeoutMs,
    maxBytes: opts.maxStreamBytes,
    abort: () => s.guard.abort(),
    // Redacted before it is cut: a key across the cut must not leave its first characters behind.
    headChars: s.bodyLimit + redactor.maxFormLength,
    ...(scanner ? { scanner } : {}),
  });
  response.sse = r.transcript;
  response.bytes = r.bytes;
  // Anywhere in the stream, however long: in an event, a comment, a field, or in pieces across events.
  if (acc.secretSeen || scanner?.found) (response.reflectedSecret ??= []).push('body');
  response.bodyText = acc.secretSplit ? keptEventsText(r.transcript, s.bodyLimit) : redactor.text(r.bodyHead).slice(0, s.bodyLimit);
  response.truncated = r.transcript.end === 'too-large';
  return streamError(r.transcript.end, r.transcript.eventCount, r.error, s);
}
