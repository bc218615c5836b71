// Builds exchanges and check contexts for check tests (tables of conforming and faulty inputs).
import { loadSpec, type LoadedSpec } from '../../openapi/load-spec.js';
import { pinnedErrataPath, pinnedSpecPath } from '../../mistral/contracts.js';
import { createMistralStatusPolicy } from '../../mistral/status-policy.js';
import { runChecks } from '../../engine/run-checks.js';
import type { CheckOutcomeRecord } from '../../engine/events.js';
import type { AuthMode, Check, Exchange, ExchangeResponse, Expectation, StatusSituation, TestCase, Violation } from '../../engine/types.js';

let specs: Promise<{ fixed: LoadedSpec; literal: LoadedSpec }> | undefined;

export function pinnedSpecs(): Promise<{ fixed: LoadedSpec; literal: LoadedSpec }> {
  specs ??= (async () => {
    const fixed = await loadSpec(pinnedSpecPath(), { overlays: [pinnedErrataPath()] });
    const literal = await loadSpec(pinnedSpecPath());
    literal.corrected = fixed;
    return { fixed, literal };
  })();
  return specs;
}

export interface ResponseInit {
  status?: number;
  contentType?: string;
  json?: unknown;
  body?: string;
  headers?: Record<string, string>;
  reflectedSecret?: string[];
  truncated?: boolean;
}

export function response(init: ResponseInit): ExchangeResponse {
  const bodyText = init.body ?? (init.json !== undefined ? JSON.stringify(init.json) : '');
  const contentType = init.contentType ?? (init.json !== undefined ? 'application/json' : '');
  const res: ExchangeResponse = {
    status: init.status ?? 200,
    headers: { ...(contentType ? { 'content-type': contentType } : {}), ...(init.headers ?? {}) },
    contentType,
    bodyText,
    bytes: Buffer.byteLength(bodyText),
    truncated: init.truncated ?? false,
  };
  if (init.json !== undefined) res.json = init.json;
  else if (bodyText) {
    try {
      res.json = JSON.parse(bodyText);
    } catch (err) {
      res.jsonError = (err as Error).message;
    }
  }
  if (init.reflectedSecret) res.reflectedSecret = init.reflectedSecret;
  return res;
}

export function exchange(
  res: ExchangeResponse | undefined,
  request: { method?: string; path?: string; json?: unknown } = {},
  error?: Exchange['error'],
): Exchange {
  const ex: Exchange = {
    request: {
      method: request.method ?? 'POST',
      url: `http://127.0.0.1${request.path ?? '/'}`,
      headers: {},
      ...(request.json !== undefined ? { json: request.json, bodyText: JSON.stringify(request.json) } : {}),
    },
    timing: { startedAt: 0, totalMs: 1 },
    retries: 0,
  };
  if (res) ex.response = res;
  if (error) ex.error = error;
  return ex;
}

export interface CaseInit {
  operationId: string;
  expectation?: Expectation;
  auth?: AuthMode;
  violation?: Violation;
  situation?: StatusSituation;
  method?: string;
  path?: string;
}

export function testCase(init: CaseInit): TestCase {
  return {
    id: `${init.operationId}/test/0`,
    operationId: init.operationId,
    phase: init.expectation === 'reject' ? 'negative' : 'positive',
    expectation: init.expectation ?? 'accept',
    ...(init.violation ? { violation: init.violation } : {}),
    steps: [
      {
        label: 'test',
        operationId: init.operationId,
        request: { method: init.method ?? 'POST', path: init.path ?? '/', query: [], headers: {}, auth: init.auth ?? { kind: 'default' } },
      },
    ],
    ...(init.situation ? { meta: { situation: init.situation } } : {}),
  };
}

/** Runs one check on one exchange of a case and returns its outcome records. */
export async function judge(check: Check, tc: TestCase, ex: Exchange, opts: { literal?: boolean } = {}): Promise<CheckOutcomeRecord[]> {
  const { fixed, literal } = await pinnedSpecs();
  const spec = opts.literal ? literal : fixed;
  return runChecks({
    spec,
    operations: new Map(spec.operations.map((o) => [o.id, o])),
    testCase: tc,
    exchanges: [ex],
    policy: createMistralStatusPolicy(),
    checks: [check],
  });
}

export const CHAT = 'chat_completion_v1_chat_completions_post';

export const CHAT_BODY = {
  id: 'cmpl-1',
  object: 'chat.completion',
  created: 1,
  model: 'mistral-small-latest',
  usage: { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 },
  choices: [{ index: 0, message: { role: 'assistant', content: 'Hi there' }, finish_reason: 'stop' }],
};
