// Authentication cases: for every operation that requires credentials, the first request the plan
// expects to succeed is sent again without credentials and with invalid ones.
import type { Operation } from '../openapi/model.js';
import type { TestCase } from './types.js';

export const INVALID_KEY = 'mc-invalid-key-0000000000000000';

/**
 * The operation cannot be called without credentials: it has security requirements and none of the
 * alternatives is the empty one (`security: [{}, {ApiKey: []}]` makes authentication optional).
 */
export function requiresCredentials(op: Pick<Operation, 'security'>): boolean {
  return op.security.length > 0 && op.security.every((req) => Object.keys(req).length > 0);
}

export function planAuthCases(op: Operation, planned: TestCase[]): TestCase[] {
  if (!requiresCredentials(op)) return [];
  const base = planned.find((c) => c.expectation !== 'reject' && c.steps.length === 1 && typeof c.steps[0]!.request === 'object');
  if (!base) return [];
  const request = base.steps[0]!.request;
  if (typeof request === 'function') return [];
  const variants = [
    { suffix: 'no-credentials' as const, auth: { kind: 'none' } as const, description: 'sent without credentials' },
    { suffix: 'invalid-credentials' as const, auth: { kind: 'invalid', value: INVALID_KEY } as const, description: 'sent with an invalid API key' },
  ];
  return variants.map((v) => ({
    id: `${op.id}/auth/${v.suffix}`,
    operationId: op.id,
    phase: 'auth',
    expectation: 'any',
    description: v.description,
    steps: [{ label: v.suffix, operationId: op.id, request: { ...request, auth: v.auth } }],
    meta: { situation: v.suffix },
  }));
}
