// Every request of a run goes through here: counted against the budget (keeping back what clean-up
// will need), sent through the transport with what it needs to read the answer, and its tokens
// counted by the suites' own hook (the engine knows no API's usage block).
import type { Operation } from '../../openapi/model.js';
import { createOperationMatcher } from '../../openapi/operation-matcher.js';
import type { LoadedSpec } from '../../openapi/load-spec.js';
import type { Budget } from '../budget.js';
import { sendContextFor } from '../send-context.js';
import type { RunEvent } from '../events.js';
import type { SendContext, Transport } from '../transport/http-client.js';
import type { RunAbort } from './run-abort.js';
import type { Exchange, RequestSpec, StreamFold, SuitePlugin } from '../types.js';
import type { StopState } from './stop-state.js';

const CREATING = new Set(['POST', 'PUT', 'PATCH']);

type Signals = Pick<SendContext, 'signal' | 'streamSignal'>;

export interface RunSender {
  /** Sends if the budget allows (after what clean-up needs); otherwise a `budget` exchange, not sent. */
  send(request: RequestSpec, op?: Operation, keepRawBody?: boolean): Promise<Exchange>;
  /** Sends from the budget kept back for clean-up, even once the run was stopped; `signal` bounds its time. */
  sendCleanup(request: RequestSpec, signal?: AbortSignal): Promise<Exchange>;
  /** The operation a request calls, if the spec documents it. */
  operationOf(request: RequestSpec): Operation | undefined;
  /** Requests the budget must keep back if this one is sent (see below). */
  reserveFor(request: RequestSpec): number;
  tokensOf(exchange: Exchange): number;
  /** Counts requests sent by a suite's own client (after-cases work). */
  countExternal(requests: number): void;
  readonly requests: number;
  readonly tokens: number;
}

export interface RunSenderDeps {
  spec: LoadedSpec;
  transport: Transport;
  plugins: SuitePlugin[];
  folds: StreamFold[];
  budget: Budget;
  stop: StopState;
  /** Ends streams and requests in flight when the run stops now. */
  abort?: RunAbort;
  /** Where the suites' resource changes go, as soon as an answer is in. */
  emit?: (event: RunEvent) => void;
}

/** The first plugin that knows how many tokens an exchange used says; 0 without one. */
function tokenCounter(plugins: SuitePlugin[]): (exchange: Exchange) => number {
  return (exchange) => {
    for (const p of plugins) {
      const t = p.tokensOf?.(exchange);
      if (t !== undefined) return t;
    }
    return 0;
  };
}

/** Tells the suites about an answer at once, and logs what they say was created or removed. */
function observer(plugins: SuitePlugin[], emit: ((event: RunEvent) => void) | undefined): (op: Operation | undefined, ex: Exchange) => void {
  return (op, ex) => {
    if (!op) return;
    for (const p of plugins) {
      const changes = p.observe?.(op, ex);
      if (!changes || !emit) continue;
      for (const c of changes.created ?? [])
        emit({ type: 'resource-created', kind: c.kind, id: c.id, operationId: op.id, undo: { method: c.undo.method, path: c.undo.path }, order: c.order });
      for (const r of changes.removed ?? []) emit({ type: 'resource-removed', kind: r.kind, id: r.id });
    }
  };
}

export function createRunSender({ spec, transport, plugins, folds, budget, stop, abort, emit }: RunSenderDeps): RunSender {
  const observe = observer(plugins, emit);
  const matcher = createOperationMatcher(spec.operations);
  const tokensOf = tokenCounter(plugins);
  const running: Signals = abort ? { signal: abort.requests, streamSignal: abort.streams } : {};
  let requests = 0;
  let tokens = 0;
  // Requests in flight that may create something (POST, PUT, PATCH): each may need a clean-up request.
  let creatingInFlight = 0;

  // A request budget keeps back what clean-up will need: what the suites already must undo, plus one
  // per creating request in flight (and the one about to start). At most `concurrency` requests of the
  // budget go unused this way, and the run never sends more than the budget, clean-up included.
  const reserveFor = (request: RequestSpec): number =>
    plugins.reduce((n, p) => n + (p.pendingCleanup?.() ?? 0), 0) + creatingInFlight + (CREATING.has(request.method) ? 1 : 0);

  const notSent = (request: RequestSpec): Exchange => ({
    request: { method: request.method, url: request.path, headers: {} },
    error: { kind: 'budget', message: `not sent: ${budget.exhausted() ?? 'budget exhausted'}` },
    timing: { startedAt: Date.now(), totalMs: 0 },
    retries: 0,
  });

  const transmit = async (request: RequestSpec, op: Operation | undefined, keepRawBody: boolean, signals: Signals): Promise<Exchange> => {
    requests++;
    const creating = CREATING.has(request.method);
    if (creating) creatingInFlight++;
    try {
      const ex = await transport.send(request, { ...sendContextFor(spec, op, folds, keepRawBody), ...signals });
      const t = tokensOf(ex);
      tokens += t;
      budget.recordTokens(t);
      return ex;
    } finally {
      if (creating) creatingInFlight--;
    }
  };

  return {
    async send(request, op, keepRawBody = false) {
      if (!budget.beforeRequest(0, reserveFor(request))) {
        stop.shouldStop();
        return notSent(request);
      }
      const ex = await transmit(request, op, keepRawBody, running);
      observe(op, ex);
      return ex;
    },
    // Clean-up runs after a stop: not under the run's stop signals, under its own deadline.
    sendCleanup: async (request, signal) =>
      budget.beforeCleanupRequest() ? transmit(request, matcher.find(request.method, request.path), false, signal ? { signal } : {}) : notSent(request),
    operationOf: (request) => matcher.find(request.method, request.path),
    reserveFor,
    tokensOf,
    countExternal(n) {
      requests += n;
    },
    get requests() {
      return requests;
    },
    get tokens() {
      return tokens;
    },
  };
}
