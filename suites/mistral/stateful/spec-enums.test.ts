import { describe, expect, it } from 'vitest';
import { enumAt, statefulEnums } from './spec-enums.js';
import { pinnedSpec } from './test-support/check-context.js';

describe('statefulEnums', () => {
  it('reads the job states, purposes, endpoints and models of the pinned spec', async () => {
    const e = statefulEnums(await pinnedSpec());
    expect(e.jobStatuses).toEqual([
      'QUEUED',
      'STARTED',
      'VALIDATING',
      'VALIDATED',
      'RUNNING',
      'FAILED_VALIDATION',
      'FAILED',
      'SUCCESS',
      'CANCELLED',
      'CANCELLATION_REQUESTED',
    ]);
    expect(e.batchStatuses).toContain('TIMEOUT_EXCEEDED');
    expect(e.filePurposes).toEqual(['fine-tune', 'batch']);
    expect(e.batchEndpoints).toContain('/v1/chat/completions');
    expect(e.fineTuneableModels).toContain('open-mistral-7b');
  });
  it('follows $ref and anyOf', () => {
    const doc = { components: { schemas: { S: { enum: ['A'] }, T: { anyOf: [{ $ref: '#/components/schemas/S' }, { type: 'null' }, { const: 'B' }] } } } };
    expect(enumAt(doc, '/components/schemas/T')).toEqual(['A', 'B']);
  });
});
