import { describe, expect, it } from 'vitest';
import type { CaseFinished, RunEvent } from './events.js';
import { errorMessageOf, normaliseSignature } from './failure-cause.js';
import { MAX_CAUSES_PER_CHECK, reduceEvents } from './results.js';
import type { Exchange, Violation } from './types.js';

const OP = 'chat';

function exchange(status: number, body: unknown): Exchange {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return {
    request: { method: 'POST', url: 'http://t/v1/chat/completions', headers: {} },
    response: {
      status,
      headers: {},
      contentType: 'application/json',
      bodyText: text,
      bytes: text.length,
      truncated: false,
      ...(typeof body === 'string' ? {} : { json: body }),
    },
    timing: { startedAt: 0, totalMs: 1 },
    retries: 0,
  };
}

function failing(n: number, checkId: string, ex: Exchange, message: string, violation?: Violation): CaseFinished {
  return {
    type: 'case-finished',
    caseId: `${OP}/negative/${n}`,
    operationId: OP,
    phase: 'negative',
    expectation: 'reject',
    ...(violation ? { violation } : {}),
    outcomes: [{ checkId, status: 'failed', message }],
    exchanges: [ex],
    latency: { totalMs: 1, stream: false },
    requests: 1,
    retries: 0,
  };
}

const started: RunEvent = {
  type: 'run-started',
  version: 1,
  tool: { name: 't', version: '0' },
  runId: 'r',
  at: '',
  target: 'http://t',
  seed: 1,
  spec: { title: '', version: '', openapi: '', sha256: '', source: '', errataApplied: true, errata: [], lint: [] },
  options: {},
  checks: [],
  operations: [{ operationId: OP, method: 'POST', path: '/v1/chat/completions', tags: [], area: 'chat' }],
};

describe('failure causes', () => {
  it('keeps every distinct server error of one check, each with its count (llama.cpp: 49 causes, not 5)', () => {
    const events: RunEvent[] = [started];
    for (let i = 0; i < 49; i++)
      for (let rep = 0; rep < 2; rep++)
        events.push(
          failing(
            i * 2 + rep,
            'not-a-server-error',
            exchange(500, {
              error: { code: 500, message: `Unsupported param: p${String.fromCharCode(97 + (i % 26))}${Math.floor(i / 26) ? 'x' : ''}`, type: 'server_error' },
            }),
            'Received: 500',
          ),
        );
    const check = reduceEvents(events).operations[0]!.checks.find((c) => c.checkId === 'not-a-server-error')!;
    expect(check.failed).toBe(98);
    expect(check.failures).toHaveLength(49);
    expect(check.failures.every((f) => f.cause?.count === 2 && f.cause.status === 500)).toBe(true);
    expect(check.failures[0]!.cause!.signature).toBe('Unsupported param: pa');
  });

  it('one cause for the same error with other numbers and ids', () => {
    const events: RunEvent[] = [started];
    for (let i = 0; i < 7; i++)
      events.push(
        failing(
          i,
          'not-a-server-error',
          exchange(500, { message: `request 3f2a9c1e-0000-4000-8000-00000000000${i} failed after ${i * 10} ms` }),
          'Received: 500',
        ),
      );
    const check = reduceEvents(events).operations[0]!.checks[0]!;
    expect(check.failures).toHaveLength(1);
    expect(check.failures[0]!.cause).toMatchObject({ count: 7, signature: 'request <id> failed after <n> ms', status: 500 });
  });

  it('tells causes apart by broken constraint and status', () => {
    const temp: Violation = { constraint: 'maximum', location: 'body.temperature', detail: 'temperature = 1.51 (maximum 1.5)' };
    const topP: Violation = { constraint: 'maximum', location: 'body.top_p', detail: 'top_p = 1.01 (maximum 1)' };
    const events: RunEvent[] = [
      started,
      failing(0, 'negative-data-rejection', exchange(200, {}), 'sent temperature = 1.51 (maximum 1.5), got 200', temp),
      failing(1, 'negative-data-rejection', exchange(200, {}), 'sent temperature = 1.6 (maximum 1.5), got 200', temp),
      failing(2, 'negative-data-rejection', exchange(500, 'boom'), 'sent temperature = 1.51 (maximum 1.5), got 500', temp),
      failing(3, 'negative-data-rejection', exchange(200, {}), 'sent top_p = 1.01 (maximum 1), got 200', topP),
    ];
    const op = reduceEvents(events).operations[0]!;
    const causes = op.checks[0]!.failures.map((f) => [f.cause?.location, f.cause?.status, f.cause?.count]);
    expect(causes).toEqual([
      ['body.temperature', 200, 2],
      ['body.temperature', 500, 1],
      ['body.top_p', 200, 1],
    ]);
    // Every failing case counts in the broken-constraint tally, samples or not.
    expect(op.brokenConstraints).toEqual([
      { constraint: 'maximum', location: 'body.temperature', cases: 3, checks: ['negative-data-rejection'] },
      { constraint: 'maximum', location: 'body.top_p', cases: 1, checks: ['negative-data-rejection'] },
    ]);
  });

  it('counts the outcomes of causes past the cap instead of dropping them silently', () => {
    const events: RunEvent[] = [started];
    for (let i = 0; i < MAX_CAUSES_PER_CHECK + 3; i++)
      events.push(
        failing(i, 'c', exchange(500, { message: `reason ${'abcdefghijklmnopqrstuvwxyz'[i % 26]}${'abcdefghijklmnopqrstuvwxyz'[Math.floor(i / 26)]}` }), 'x'),
      );
    const check = reduceEvents(events).operations[0]!.checks[0]!;
    expect(check.failures).toHaveLength(MAX_CAUSES_PER_CHECK);
    expect(check.otherCauses).toBe(3);
    expect(check.failed).toBe(MAX_CAUSES_PER_CHECK + 3);
  });
});

describe('errorMessageOf and normaliseSignature', () => {
  it.each([
    [{ error: { message: 'Invalid tool_choice: any' } }, 'Invalid tool_choice: any'],
    [{ message: 'Unauthorized', request_id: 'x' }, 'Unauthorized'],
    [{ detail: 'Not Found' }, 'Not Found'],
    [{ detail: [{ loc: ['body', 'n'], msg: 'Input should be less than or equal to 1', type: 'x' }] }, 'Input should be less than or equal to 1'],
    [{ object: 'error', message: 'Invalid model: x', type: 'invalid_model' }, 'Invalid model: x'],
    ['upstream connect error\nmore', 'upstream connect error'],
    ['<html>oops</html>', undefined],
  ])('reads the message of %j', (body, message) => {
    expect(errorMessageOf(exchange(500, body))).toBe(message);
  });

  it('has no message for a success', () => {
    expect(errorMessageOf(exchange(200, { message: 'hi' }))).toBeUndefined();
  });

  it.each([
    ['context length 4096 exceeded by 12 tokens', 'context length <n> exceeded by <n> tokens'],
    ['file 9b2c7d3e-1111-4222-8333-444455556666 not found', 'file <id> not found'],
    ['job ftjob-abc123def456ghi789 failed', 'job <id> failed'],
    ['got "a very long quoted value that varies a lot"', 'got "…"'],
    ['Cannot use tools with stream', 'Cannot use tools with stream'],
    ['first line\nsecond line', 'first line'],
  ])('normalises %j', (text, signature) => {
    expect(normaliseSignature(text)).toBe(signature);
  });
});
