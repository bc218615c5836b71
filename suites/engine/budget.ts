// Run budgets: a ceiling on requests, tokens and wall time. The check and the count happen in one
// synchronous call, so concurrent workers can never overshoot (JavaScript runs one at a time between
// awaits). Token use is only known after a response: a request may declare an estimate, reserved
// until its real usage is recorded, so concurrent requests cannot together overspend.

export interface BudgetLimits {
  maxRequests?: number;
  maxTotalTokens?: number;
  maxDurationMs?: number;
}

export type Clock = (() => number) | { now(): number };

export type BudgetReason = 'budget:max-requests' | 'budget:max-total-tokens' | 'budget:max-duration';

export interface BudgetRemaining {
  /** undefined = no limit. */
  requests?: number;
  tokens?: number;
  durationMs?: number;
}

export interface Budget {
  /**
   * Counts a request and returns true when it fits; false (nothing counted) once a limit is reached.
   * `reserveRequests` are kept back for later clean-up: the request fits only if they still fit after
   * it, and a refusal for them ends the run as `budget:max-requests` (clean-up must never be starved).
   */
  beforeRequest(estimatedTokens?: number, reserveRequests?: number): boolean;
  /**
   * Counts a clean-up request: it fits while the request limit allows, even once the run was stopped
   * (by time, tokens or a signal), since undoing what the run created costs no tokens and must happen.
   */
  beforeCleanupRequest(): boolean;
  /** Records tokens a response used; pass the estimate given to beforeRequest to release it. */
  recordTokens(tokens: number, estimatedTokens?: number): void;
  /** The first limit reached (`budget:max-requests`, ...), or undefined while all fit. */
  exhausted(): BudgetReason | undefined;
  readonly remaining: BudgetRemaining;
  readonly used: { requests: number; tokens: number; durationMs: number };
  /** Requests refused so far (a run that was refused nothing completed within budget). */
  readonly refused: number;
}

function checkLimits(limits: BudgetLimits): void {
  for (const [key, value] of Object.entries(limits)) {
    if (value !== undefined && !(Number.isFinite(value) && value > 0))
      throw new Error(`[mistral-conformance] Failed to create budget: ${key} must be a number > 0 (got ${String(value)})`);
  }
}

function remainingOf(limits: BudgetLimits, used: { requests: number; tokens: number; durationMs: number }): BudgetRemaining {
  const r: BudgetRemaining = {};
  if (limits.maxRequests !== undefined) r.requests = Math.max(0, limits.maxRequests - used.requests);
  if (limits.maxTotalTokens !== undefined) r.tokens = Math.max(0, limits.maxTotalTokens - used.tokens);
  if (limits.maxDurationMs !== undefined) r.durationMs = Math.max(0, limits.maxDurationMs - used.durationMs);
  return r;
}

export function createBudget(limits: BudgetLimits, clock: Clock = Date.now): Budget {
  const now = typeof clock === 'function' ? clock : () => clock.now();
  checkLimits(limits);
  const startedAt = now();
  let requests = 0;
  let tokens = 0;
  let reserved = 0;
  let refused = 0;
  let reason: BudgetReason | undefined;

  const elapsed = (): number => Math.max(0, now() - startedAt);
  // Once a limit is reached it stays reached: a run does not resume after stopping for budget.
  const check = (): BudgetReason | undefined => {
    if (reason) return reason;
    if (limits.maxRequests !== undefined && requests >= limits.maxRequests) reason = 'budget:max-requests';
    else if (limits.maxTotalTokens !== undefined && tokens >= limits.maxTotalTokens) reason = 'budget:max-total-tokens';
    else if (limits.maxDurationMs !== undefined && elapsed() >= limits.maxDurationMs) reason = 'budget:max-duration';
    return reason;
  };

  return {
    beforeRequest(estimatedTokens = 0, reserveRequests = 0): boolean {
      const estimate = Math.max(0, estimatedTokens);
      if (!check() && limits.maxRequests !== undefined && requests + 1 + Math.max(0, reserveRequests) > limits.maxRequests) reason = 'budget:max-requests';
      if (check() || (limits.maxTotalTokens !== undefined && estimate > 0 && tokens + reserved + estimate > limits.maxTotalTokens)) {
        refused++;
        return false;
      }
      requests++;
      reserved += estimate;
      return true;
    },
    beforeCleanupRequest(): boolean {
      if (limits.maxRequests !== undefined && requests >= limits.maxRequests) {
        refused++;
        return false;
      }
      requests++;
      return true;
    },
    recordTokens(n: number, estimatedTokens = 0): void {
      if (Number.isFinite(n) && n > 0) tokens += n;
      reserved = Math.max(0, reserved - Math.max(0, estimatedTokens));
    },
    exhausted: check,
    get remaining(): BudgetRemaining {
      return remainingOf(limits, { requests, tokens, durationMs: elapsed() });
    },
    get used() {
      return { requests, tokens, durationMs: elapsed() };
    },
    get refused() {
      return refused;
    },
  };
}
