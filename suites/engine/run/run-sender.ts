// Every request of a run goes through here: counted against the budget (keeping back what clean-up
// will need), sent through the transport with what it needs to read the answer, and its tokens
// counted by the suites' own hook (the engine knows no API's usage block).
import type { Operation } from '../../openapi/model.js';
import { createOperationMatcher } from '../../openapi/operation-matcher.js';
import type { LoadedSpec } from '../../openapi/load-spec.js';
import type { Budget } from '../budget.js';
import { sendContextFor } from '../send-context.js';
import type { Transport } from '../transport/http-client.js';
import type { Exchange, RequestSpec, StreamFold, SuitePlugin } from '../types.js';
import type { StopState } from './stop-state.js';

const CREATING = new Set(['POST', 'PUT', 'PATCH']);

export interface RunSender {
  /** Sends if the budget allows (after what clean-up needs); otherwise a `budget` exchange, not sent. */
  send(request: RequestSpec, op?: Operation, keepRawBody?: boolean): Promise<Exchange>;
  /** Sends from the budget kept back for clean-up, even once the run was stopped. */
  sendCleanup(request: RequestSpec): Promise<Exchange>;
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

export function createRunSender({ spec, transport, plugins, folds, budget, stop }: RunSenderDeps): RunSender {
  const matcher = createOperationMatcher(spec.operations);
  const tokensOf = tokenCounter(plugins);
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

  const transmit = async (request: RequestSpec, op: Operation | undefined, keepRawBody: boolean): Promise<Exchange> => {
    requests++;
    const creating = CREATING.has(request.method);
    if (creating) creatingInFlight++;
    try {
      const ex = await transport.send(request, sendContextFor(spec, op, folds, keepRawBody));
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
      return transmit(request, op, keepRawBody);
    },
    sendCleanup: async (request) => (budget.beforeCleanupRequest() ? transmit(request, matcher.find(request.method, request.path), false) : notSent(request)),
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
