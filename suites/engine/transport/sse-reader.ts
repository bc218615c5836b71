// Reads a server-sent-event stream as it arrives (eventsource-parser does the line protocol: CRLF, comments,
// multi-line data, event/id fields) and folds it into a bounded SseTranscript: each event is JSON-parsed,
// validated and fed to the suite's folds at once, so memory stays flat however long the stream runs.
import { createParser, type EventSourceMessage, type EventSourceParser } from 'eventsource-parser';
import { parseJsonBounded } from '../../openapi/json-depth.js';
import type { Operation } from '../../openapi/model.js';
import type { SseEvent, SseTranscript, StreamEnd, StreamFold } from '../types.js';
import type { ByteSource } from './byte-source.js';
import { GapStats } from './gap-stats.js';
import { REDACTED, type Redactor, type SecretScanner } from '../secrets/redactor.js';
import { SplitSecretScanner } from '../secrets/split-scanner.js';

export interface SseReadContext {
  operation?: Operation;
  /** Schema issues of one chunk (empty when valid). */
  validateEvent?: (chunk: unknown) => string[];
  /** Data of the event that ends the stream (`[DONE]`). */
  sseTerminator?: string;
  folds?: StreamFold[];
  /** Removes secrets from event data before anything else sees it. */
  redactor?: Redactor;
  /** Characters kept of each sampled event's data (default 16 KiB). */
  reportBodyLimit?: number;
  /** Bound on buffered, not yet complete, event text (default unbounded). */
  maxBufferChars?: number;
}

const FIRST_KEPT = 50;
const LAST_KEPT = 10;
const MAX_PROBLEMS = 20;
const NON_JSON_CHARS = 200;

/** Incremental state of one stream. Feed decoded text with its arrival time, then finish. */
export class SseAccumulator {
  private readonly parser: EventSourceParser;
  private readonly head: SseEvent[] = [];
  private readonly tail: SseEvent[] = [];
  /** Index in the stream of each kept event (same order as head, and as the tail's ring). */
  private readonly headIndex: number[] = [];
  private readonly tailIndex: number[] = [];
  private readonly split: SplitSecretScanner | undefined;
  /** A secret came back in this stream (in an event, or in pieces across events). */
  secretSeen = false;
  /** ...in pieces across events (known once finished). */
  secretSplit = false;
  private tailNext = 0;
  private eventCount = 0;
  private nonJsonCount = 0;
  private invalidCount = 0;
  private readonly nonJson: SseTranscript['nonJson'] = [];
  private readonly invalid: SseTranscript['invalid'] = [];
  private readonly folds: StreamFold[];
  private readonly foldState: Record<string, unknown> = {};
  private readonly foldFailed = new Set<string>();
  private readonly gaps = new GapStats();
  private readonly dataLimit: number;
  private firstEventMs: number | undefined;
  private lastEventMs = 0;
  private now = 0;
  /** ms (same clock as feed's atMs) of the last event or comment: what the idle timeout measures. */
  lastActivityMs = 0;
  terminatorSeen = false;
  terminatorAtMs: number | undefined;
  private afterTerminator = 0;
  /** The parser's buffer bound was exceeded (an endless line or event). */
  overflow = false;

  constructor(private readonly ctx: SseReadContext = {}) {
    this.dataLimit = ctx.reportBodyLimit ?? 16 * 1024;
    this.folds = (ctx.folds ?? []).filter((f) => !ctx.operation || f.appliesTo(ctx.operation));
    this.split = ctx.redactor && !ctx.redactor.empty ? new SplitSecretScanner(ctx.redactor) : undefined;
    for (const f of this.folds) this.foldState[f.id] = f.init();
    this.parser = createParser({
      onEvent: (e) => this.onEvent(e),
      onComment: () => this.onNonEvent(false),
      onError: (err) => {
        if (err.type === 'max-buffer-size-exceeded') this.overflow = true;
        // A line that is no SSE field: ignored by the protocol, but text after the terminator.
        else if (err.type === 'unknown-field') this.onNonEvent(true);
      },
      maxBufferSize: ctx.maxBufferChars,
    });
  }

  feed(text: string, atMs: number): void {
    if (this.overflow) return;
    this.now = atMs;
    this.parser.feed(text);
  }

  private onNonEvent(content: boolean): void {
    this.lastActivityMs = this.now;
    if (this.terminatorSeen && content) this.afterTerminator++;
  }

  private onEvent(msg: EventSourceMessage): void {
    const at = this.now;
    const index = this.eventCount++;
    this.lastActivityMs = at;
    if (index === 0) this.firstEventMs = at;
    else this.gaps.add(at - this.lastEventMs);
    this.lastEventMs = at;

    const data = this.redacted(msg.data);
    this.keep(data, msg, at, index);

    if (this.terminatorSeen) {
      if (data.trim() !== '') this.afterTerminator++;
      return;
    }
    const term = this.ctx.sseTerminator;
    if (term !== undefined && (data === term || (data.length < term.length + 8 && data.trim() === term))) {
      this.terminatorSeen = true;
      this.terminatorAtMs = at;
      return;
    }
    let chunk: unknown;
    try {
      chunk = parseJsonBounded(data);
    } catch {
      this.split?.add(index, data);
      this.nonJsonCount++;
      if (this.nonJson.length < MAX_PROBLEMS) this.nonJson.push({ index, data: data.length > NON_JSON_CHARS ? `${data.slice(0, NON_JSON_CHARS)}…` : data });
      return;
    }
    this.split?.add(index, chunk);
    const validate = this.ctx.validateEvent;
    if (validate) {
      const issues = validate(chunk);
      if (issues.length) {
        this.invalidCount++;
        if (this.invalid.length < MAX_PROBLEMS) this.invalid.push({ index, issues: issues.slice(0, 10) });
      }
    }
    for (let i = 0; i < this.folds.length; i++) {
      const fold = this.folds[i]!;
      if (this.foldFailed.has(fold.id)) continue;
      try {
        this.foldState[fold.id] = fold.step(this.foldState[fold.id], chunk, index);
      } catch (err) {
        // A broken fold must not break the stream; its checks see why it stopped.
        this.foldFailed.add(fold.id);
        this.foldState[fold.id] = { foldError: err instanceof Error ? err.message : String(err), atIndex: index };
      }
    }
  }

  /** Text from the server with any secret removed (and noted). */
  private redacted(text: string): string {
    const redactor = this.ctx.redactor;
    if (!redactor || redactor.empty || !redactor.has(text)) return text;
    this.secretSeen = true;
    return redactor.text(text);
  }

  private keep(data: string, msg: EventSourceMessage, atMs: number, index: number): void {
    const headFull = this.head.length >= FIRST_KEPT;
    const ev: SseEvent = { data: data.length > this.dataLimit ? `${data.slice(0, this.dataLimit)}…` : data, atMs: round(atMs) };
    // The event's name and id are the server's words too.
    if (msg.event !== undefined) ev.event = this.redacted(msg.event);
    if (msg.id !== undefined) ev.id = this.redacted(msg.id);
    if (!headFull) {
      this.head.push(ev);
      this.headIndex.push(index);
    } else if (this.tail.length < LAST_KEPT) {
      this.tail.push(ev);
      this.tailIndex.push(index);
    } else {
      this.tail[this.tailNext] = ev;
      this.tailIndex[this.tailNext] = index;
      this.tailNext = (this.tailNext + 1) % LAST_KEPT;
    }
  }

  /**
   * A secret sent in pieces across events: the kept copies of those events lose the pieces (the value
   * at that path, or the whole data when it cannot be edited), and what the folds joined is redacted.
   */
  private redactSplit(): void {
    const findings = this.split?.finish() ?? [];
    if (findings.length) this.secretSeen = this.secretSplit = true;
    for (const { path, events } of findings) {
      const hit = new Set(events);
      const edit = (ev: SseEvent): void => void (ev.data = withoutValueAt(ev.data, path));
      this.head.forEach((ev, i) => hit.has(this.headIndex[i]!) && edit(ev));
      this.tail.forEach((ev, i) => hit.has(this.tailIndex[i]!) && edit(ev));
      for (const n of this.nonJson) if (hit.has(n.index)) n.data = REDACTED;
    }
    const redactor = this.ctx.redactor;
    if (redactor && !redactor.empty) for (const id of Object.keys(this.foldState)) this.foldState[id] = redactor.value(this.foldState[id]);
  }

  /** The transcript; `end` is how the stream stopped (a clean close maps to terminator or eof). */
  finish(end: StreamEnd | 'closed'): SseTranscript {
    this.redactSplit();
    // Text after the last blank line is an event the server never completed: the protocol drops it.
    const tail = this.tail.length < LAST_KEPT ? this.tail : [...this.tail.slice(this.tailNext), ...this.tail.slice(0, this.tailNext)];
    const transcript: SseTranscript = {
      events: this.head.concat(tail),
      eventCount: this.eventCount,
      nonJson: this.nonJson,
      invalid: this.invalid,
      terminatorSeen: this.terminatorSeen,
      afterTerminator: this.afterTerminator,
      end: end === 'closed' ? (this.terminatorSeen ? 'terminator' : 'eof') : end,
      folds: this.foldState,
      gapsMs: this.gaps.summary(),
      nonJsonCount: this.nonJsonCount,
      invalidCount: this.invalidCount,
    };
    if (this.firstEventMs !== undefined) transcript.firstEventMs = round(this.firstEventMs);
    return transcript;
  }
}

/** The event's data with the string at `path` replaced by [REDACTED]; all of it when that cannot be done. */
function withoutValueAt(data: string, path: Array<string | number>): string {
  if (path.length === 0) return REDACTED;
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return REDACTED;
  }
  let parent: unknown = value;
  for (const key of path.slice(0, -1)) parent = (parent as Record<string | number, unknown> | undefined)?.[key];
  const last = path[path.length - 1]!;
  if (parent === null || typeof parent !== 'object' || typeof (parent as Record<string | number, unknown>)[last] !== 'string') return REDACTED;
  (parent as Record<string | number, unknown>)[last] = REDACTED;
  return JSON.stringify(value);
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

/** Reads a recorded stream offline (replays, recordings): same transcript as a live read, no timing. */
export function readSseText(text: string, ctx: SseReadContext = {}): SseTranscript {
  return readSseRecording(text, ctx).transcript;
}

/** As readSseText, and whether a secret of `ctx.redactor` came back (in an event, or split across events). */
export function readSseRecording(text: string, ctx: SseReadContext = {}): { transcript: SseTranscript; secretSeen: boolean } {
  const acc = new SseAccumulator(ctx);
  acc.feed(text, 0);
  const transcript = acc.finish(acc.overflow ? 'too-large' : 'closed');
  return { transcript, secretSeen: acc.secretSeen };
}

export interface SseStreamOptions {
  /** Clock in ms, same origin as the exchange (performance.now() - start). */
  elapsed: () => number;
  idleTimeoutMs: number;
  /** Elapsed ms at which the whole stream must be over. */
  deadlineMs: number;
  maxBytes: number;
  /** How long to wait for the connection to close after the terminator before stopping anyway. */
  afterTerminatorGraceMs?: number;
  /** Called to tear the connection down (timeouts, size cap). */
  abort: () => void;
  /** Keeps the first characters of the stream for the report (raw: the caller redacts, then cuts). */
  headChars: number;
  /** Searches the whole stream as it arrives, comments and fields no event keeps included. */
  scanner?: SecretScanner;
}

export interface SseStreamResult {
  transcript: SseTranscript;
  bytes: number;
  bodyHead: string;
  /** The read failed (reset or abort from outside). */
  error?: unknown;
}

/** Pulls a live stream through an accumulator, enforcing idle/total timeouts and the size cap. */
export async function readSseStream(source: ByteSource, acc: SseAccumulator, opts: SseStreamOptions): Promise<SseStreamResult> {
  const decoder = new TextDecoder();
  let bytes = 0;
  let bodyHead = '';
  let stopped: StreamEnd | 'closed' | undefined;
  let error: unknown;
  const grace = opts.afterTerminatorGraceMs ?? Math.min(opts.idleTimeoutMs, 2000);
  acc.lastActivityMs = opts.elapsed();

  const stop = (why: StreamEnd | 'closed'): void => {
    if (stopped) return;
    stopped = why;
    opts.abort();
    void source.cancel();
  };
  // One timer, re-armed from the last activity instead of reset per event (keeps the hot path free).
  let timer: NodeJS.Timeout | undefined;
  const check = (): void => {
    const t = opts.elapsed();
    if (t >= opts.deadlineMs) return stop('total-timeout');
    const idleAt = acc.terminatorSeen ? (acc.terminatorAtMs ?? t) + grace : acc.lastActivityMs + opts.idleTimeoutMs;
    // After the terminator a client stops listening: a connection left open is not a timeout.
    if (t >= idleAt) return stop(acc.terminatorSeen ? 'closed' : 'idle-timeout');
    timer = setTimeout(check, Math.max(1, Math.min(idleAt, opts.deadlineMs) - t));
  };
  check();

  try {
    for (;;) {
      let chunk: Uint8Array | undefined;
      try {
        chunk = await source.next();
      } catch (err) {
        if (!stopped) {
          error = err;
          stopped = 'reset';
        }
        break;
      }
      if (!chunk || stopped) break;
      bytes += chunk.byteLength;
      const text = decoder.decode(chunk, { stream: true });
      if (bodyHead.length < opts.headChars) bodyHead += text.slice(0, opts.headChars - bodyHead.length);
      opts.scanner?.push(text);
      acc.feed(text, opts.elapsed());
      if (bytes > opts.maxBytes || acc.overflow) {
        stop('too-large');
        break;
      }
    }
  } finally {
    if (timer) clearTimeout(timer);
  }
  if (!stopped || stopped === 'closed') {
    const rest = decoder.decode();
    if (rest) {
      opts.scanner?.push(rest);
      acc.feed(rest, opts.elapsed());
    }
  }
  const result: SseStreamResult = { transcript: acc.finish(stopped ?? 'closed'), bytes, bodyHead };
  if (error !== undefined) result.error = error;
  return result;
}
