// Stream checks share one preamble: they judge a 2xx event stream the transport read, skip (and say
// why) when there is nothing to judge, and leave a stream the transport cut to sse-stream-completes.
// `defineStreamCheck` hands the check the transcript; `defineFoldCheck` the state of one of the
// suite's stream folds (see SuitePlugin.streamFolds), typed by the fold itself.
import type { CheckMeta, CheckOutcome, Exchange, ExchangeCheck, ExchangeContext, StreamFold, SseTranscript } from '../engine/types.js';
import { isObject } from '../openapi/is-object.js';
import { defineCheck, is2xx } from './define-check.js';
import { sseApplies, streamWasCut } from './sse-scope.js';

type Skip = { skip: string };

const notAStream: Skip = { skip: 'the answer is not an event stream (see sse-content-type)' };
const cut = (end: string): Skip => ({ skip: `the stream was cut (${end}); sse-stream-completes reports it` });

export interface StreamCheckDefinition extends CheckMeta {
  /** Narrows the common scope (a 2xx answer to a stream request where the operation documents a stream). */
  alsoApplies?(ctx: ExchangeContext): boolean;
  /** `judge`: the check looks at cut streams too (the events so far); `skip`: sse-stream-completes reports them. */
  cutStreams: 'judge' | 'skip';
  judge(sse: SseTranscript, ctx: ExchangeContext): CheckOutcome;
}

export function defineStreamCheck({ alsoApplies, cutStreams, judge, ...meta }: StreamCheckDefinition): ExchangeCheck {
  return defineCheck({
    // A stream answering an invalid request promises nothing; one recorded without its request is still judged.
    judges: 'not-invalid',
    ...meta,
    scope: 'exchange',
    applies: alsoApplies ? (ctx) => sseApplies(ctx) && alsoApplies(ctx) : sseApplies,
    run(ctx) {
      const sse = ctx.exchange.response?.sse;
      if (!sse) return notAStream;
      if (cutStreams === 'skip' && streamWasCut(sse.end)) return cut(sse.end);
      return judge(sse, ctx);
    },
  });
}

/** A stream fold that checks can read back: the transcript holds its state as plain JSON. */
export interface ReadableFold<S> extends StreamFold<S> {
  /** What messages call it ("chunk fold"). */
  name: string;
  /** Whether a value in a transcript is this fold's state. */
  isState(value: unknown): value is S;
}

/** The state the fold left for this exchange's stream, if it ran. */
export function foldStateOf<S>(exchange: Exchange, fold: ReadableFold<S>): S | undefined {
  const state = exchange.response?.sse?.folds[fold.id];
  return fold.isState(state) ? state : undefined;
}

/** Why the fold has no state for this stream: the reader replaces the state of a fold that threw with `{foldError, atIndex}`. */
export function foldFailureOf(exchange: Exchange, fold: ReadableFold<unknown>): string | undefined {
  const state = exchange.response?.sse?.folds[fold.id];
  if (!isObject(state) || typeof state.foldError !== 'string') return undefined;
  return `the ${fold.name} failed at event #${String(state.atIndex)}: ${state.foldError}`;
}

export interface FoldCheckDefinition<S> extends CheckMeta {
  fold: ReadableFold<S>;
  judge(state: S, ctx: ExchangeContext): CheckOutcome;
}

/** A check over a fold's state: applies to 2xx streams the fold read (or failed on); cut streams are skipped. */
export function defineFoldCheck<S>({ fold, judge, ...meta }: FoldCheckDefinition<S>): ExchangeCheck {
  return defineCheck({
    judges: 'not-invalid',
    ...meta,
    scope: 'exchange',
    applies: ({ exchange }) =>
      exchange.response !== undefined &&
      is2xx(exchange.response.status) &&
      (foldStateOf(exchange, fold) !== undefined || foldFailureOf(exchange, fold) !== undefined),
    run(ctx) {
      const state = foldStateOf(ctx.exchange, fold);
      if (state === undefined) return { skip: foldFailureOf(ctx.exchange, fold) ?? `no ${fold.name} for this stream` };
      const end = ctx.exchange.response?.sse?.end ?? 'eof';
      if (streamWasCut(end)) return cut(end);
      return judge(state, ctx);
    },
  });
}
