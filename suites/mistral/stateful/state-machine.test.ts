import { describe, expect, it } from 'vitest';
import { batchMachine, fineTuningMachine, sequenceProblems } from './state-machine.js';

const FT = ['QUEUED', 'STARTED', 'VALIDATING', 'VALIDATED', 'RUNNING', 'FAILED_VALIDATION', 'FAILED', 'SUCCESS', 'CANCELLED', 'CANCELLATION_REQUESTED'];
const BATCH = ['QUEUED', 'RUNNING', 'SUCCESS', 'FAILED', 'TIMEOUT_EXCEEDED', 'CANCELLATION_REQUESTED', 'CANCELLED'];

describe('fine-tuning lifecycle', () => {
  it.each([
    [['QUEUED', 'VALIDATING', 'VALIDATED', 'QUEUED', 'RUNNING', 'SUCCESS']],
    [['QUEUED', 'RUNNING', 'SUCCESS']], // auto_start, as the real API's events show
    [['QUEUED', 'QUEUED', 'VALIDATED', 'RUNNING']], // polls may miss states
    [['VALIDATING', 'CANCELLATION_REQUESTED', 'CANCELLED']],
    [['VALIDATING', 'FAILED_VALIDATION']],
    [['SUCCESS', 'SUCCESS']],
  ])('accepts %j', (states) => expect(sequenceProblems(fineTuningMachine, FT, states)).toEqual([]));

  it.each([
    [['QUEUED', 'PAUSED'], 'not documented'],
    [['SUCCESS', 'RUNNING'], 'left the final state SUCCESS'],
    [['CANCELLED', 'QUEUED'], 'left the final state'],
    [['RUNNING', 'VALIDATING'], 'RUNNING → VALIDATING'],
    [['CANCELLATION_REQUESTED', 'RUNNING'], 'CANCELLATION_REQUESTED → RUNNING'],
    [['VALIDATED', 'QUEUED', 'VALIDATING'], 'went back to VALIDATING after VALIDATED'],
  ])('rejects %j', (states, message) => {
    const problems = sequenceProblems(fineTuningMachine, FT, states);
    expect(problems.map((p) => p.message).join('\n')).toContain(message);
    expect(problems[0]!.at).toBe(states.length - 1);
  });
});

describe('batch lifecycle', () => {
  it('accepts queued → running → cancellation → cancelled, and a fast success', () => {
    expect(sequenceProblems(batchMachine, BATCH, ['QUEUED', 'RUNNING', 'CANCELLATION_REQUESTED', 'CANCELLED'])).toEqual([]);
    expect(sequenceProblems(batchMachine, BATCH, ['QUEUED', 'SUCCESS'])).toEqual([]);
  });
  it('rejects leaving a final state and going back to the queue', () => {
    expect(sequenceProblems(batchMachine, BATCH, ['TIMEOUT_EXCEEDED', 'RUNNING'])).toHaveLength(1);
    expect(sequenceProblems(batchMachine, BATCH, ['RUNNING', 'QUEUED'])).toHaveLength(1);
  });
  it('does not judge states the document adds but the graph does not know', () => {
    expect(sequenceProblems(batchMachine, [...BATCH, 'PAUSED'], ['RUNNING', 'PAUSED', 'RUNNING'])).toEqual([]);
  });
});
