import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { calculateSummary, getSchema, validate as ctrfValidate, type Test } from 'ctrf';
import { describe, expect, it } from 'vitest';
import type { RunResults } from '../suites/engine/results.js';
import { CTRF_SPEC_VERSION, ctrfStatus, renderCtrf, toCtrf } from './ctrf.js';
import { applyBaseline, BASELINE_FORMAT } from './baseline.js';
import { loadSample } from './test-support.js';

// The schema as the `ctrf` package (0.3.0, the reference implementation) publishes it, compiled by our
// Ajv too: the package's own validate() could be lenient in ways the schema is not.
const ajv = new Ajv({ allErrors: true, strict: false });
(addFormats as unknown as (a: Ajv) => void)(ajv);
const validateSchema = ajv.compile(getSchema(CTRF_SPEC_VERSION));

function schemaErrors(doc: unknown): string[] {
  return validateSchema(doc) ? [] : (validateSchema.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}

describe('CTRF report', () => {
  it('is valid against the CTRF schema, and the reference implementation accepts it', async () => {
    const { results } = await loadSample();
    const doc = JSON.parse(renderCtrf(results)) as unknown;
    expect(schemaErrors(doc)).toEqual([]);
    expect(ctrfValidate(doc).valid).toBe(true);
  });

  it('has one test per (operation, check) and one per skipped operation; the summary counts them as CTRF would', async () => {
    const { results } = await loadSample();
    const doc = toCtrf(results);
    const checks = results.operations.reduce((n, op) => n + op.checks.length + (op.skipped ? 1 : 0), 0);
    expect(doc.results.tests).toHaveLength(checks);
    const { tests, passed, failed, skipped, pending, other } = calculateSummary(doc.results.tests as Test[]);
    expect({ tests, passed, failed, skipped, pending, other }).toEqual({
      tests: doc.results.summary.tests,
      passed: doc.results.summary.passed,
      failed: doc.results.summary.failed,
      skipped: doc.results.summary.skipped,
      pending: 0,
      other: doc.results.summary.other,
    });
    // The sample run: 2 failed and 1 errored check (JUnit's failures and errors), as CTRF failures.
    expect(doc.results.summary.failed).toBe(3);
    expect(doc.results.tests.filter((t) => t.rawStatus === 'errored').every((t) => t.status === 'failed')).toBe(true);
    expect(doc.results.summary.extra.verdict).toBe(results.summary.verdict);
  });

  it('keeps the failure message, the exchange and the curl reproduction of a failing check', async () => {
    const { results } = await loadSample();
    const test = toCtrf(results).results.tests.find((t) => t.status === 'failed' && t.labels?.checkId === 'response-schema-conformance')!;
    expect(test.message).toContain('Received: choices[0].message.content is 42');
    expect(test.trace).toContain("curl -sS -X POST 'http://127.0.0.1:8080/v1/chat/completions'");
    expect(test.suite).toEqual(['chat', 'POST /v1/chat/completions (chat_completion_v1_chat_completions_post)']);
    expect(test.tags).toEqual(['schema', 'high']);
  });

  it('says why a check or an operation was skipped', async () => {
    const { results } = await loadSample();
    const doc = toCtrf(results);
    expect(doc.results.tests.find((t) => t.labels?.checkId === 'seed-determinism')!).toMatchObject({
      status: 'skipped',
      message: 'target does not document random_seed',
    });
    expect(doc.results.tests.find((t) => t.testId.endsWith('/(operation)'))!).toMatchObject({ status: 'skipped', message: 'needs --agent-id' });
  });

  it('maps warnings, accepted failures, inconclusive and not-implemented outcomes to other, never to passed', async () => {
    const { results } = await loadSample();
    expect(['warning', 'accepted', 'inconclusive', 'not-implemented', 'something-new'].map(ctrfStatus)).toEqual(['other', 'other', 'other', 'other', 'other']);
    const accepted = applyBaseline(results, {
      format: BASELINE_FORMAT,
      version: 1,
      entries: [{ operationId: 'chat_completion_v1_chat_completions_post', checkId: 'response-schema-conformance' }],
    }).results;
    const test = toCtrf(accepted).results.tests.find(
      (t) => t.labels?.checkId === 'response-schema-conformance' && t.labels.operationId === 'chat_completion_v1_chat_completions_post',
    )!;
    expect(test).toMatchObject({ status: 'other', rawStatus: 'accepted' });
    const op = results.operations[1]!;
    const marked = {
      ...results,
      operations: [
        {
          ...op,
          capability: 'not-implemented',
          capabilityEvidence: 'POST answered 404 {"detail":"Not Found"}',
          inconclusive: { cases: 3, reasons: ['base refused'] },
        },
      ],
    } as unknown as RunResults;
    const doc = toCtrf(marked);
    expect(schemaErrors(doc)).toEqual([]);
    expect(doc.results.tests.find((t) => t.rawStatus === 'not-implemented')).toMatchObject({
      status: 'other',
      message: 'POST answered 404 {"detail":"Not Found"}',
    });
    expect(doc.results.tests.find((t) => t.rawStatus === 'inconclusive')).toMatchObject({ status: 'other' });
  });
});
