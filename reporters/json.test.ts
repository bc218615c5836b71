import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { parseReport, renderJson } from './json.js';
import { loadSample } from './test-support.js';

const schema = JSON.parse(readFileSync(new URL('./report.schema.json', import.meta.url), 'utf8')) as object;

function validator() {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  (addFormats as unknown as (a: Ajv2020) => void)(ajv);
  return ajv.compile(schema);
}

describe('report.json', () => {
  it('validates against report.schema.json (Ajv 2020)', async () => {
    const { results } = await loadSample();
    const validate = validator();
    const report = JSON.parse(renderJson({ ...results, options: { ...results.options, apiKey: 'sk-secret-123' } })) as Record<string, unknown>;
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report.reportFormat).toBe(1);
    expect(report.options).not.toHaveProperty('apiKey');
  });

  it('the schema rejects a report missing its summary, or with an unknown outcome', async () => {
    const { results } = await loadSample();
    const validate = validator();
    const report = JSON.parse(renderJson(results)) as { summary?: unknown; operations: Array<{ checks: Array<{ outcome: string }> }> };
    const broken = structuredClone(report);
    broken.operations[0]!.checks[0]!.outcome = 'sort-of';
    expect(validate(broken)).toBe(false);
    delete report.summary;
    expect(validate(report)).toBe(false);
  });

  it('holds the failure with its exchange and reproduction, bodies as text only', async () => {
    const { results } = await loadSample();
    const report = parseReport(renderJson(results));
    const chat = report.operations.find((o) => o.operationId.startsWith('chat'))!;
    const f = chat.checks.find((c) => c.checkId === 'negative-data-rejection')!.failures[0]!;
    expect(f.violation?.location).toBe('body.temperature');
    expect(f.exchanges[0]!.response!.status).toBe(200);
    expect(f.reproduction?.curl[0]).toContain('curl');
    expect(f.reproduction?.seed).toBe(42);
    expect(report.spec.errata).toHaveLength(2);
    expect(report.summary.verdict).toBe('fail');
  });

  it('truncates huge bodies and drops binary data', async () => {
    const { results } = await loadSample();
    const r = structuredClone(results);
    const ex = r.operations.find((o) => o.operationId.startsWith('chat'))!.checks.find((c) => c.failures.length)!.failures[0]!.exchanges[0]!;
    ex.response!.bodyText = 'x'.repeat(100_000);
    ex.response!.raw = new Uint8Array([1, 2, 3]);
    const text = renderJson(r);
    expect(text.length).toBeLessThan(60_000);
    expect(text).toContain('[truncated');
    expect(text).not.toContain('"raw"');
  });

  it('parseReport rejects other files with one line', () => {
    expect(() => parseReport('{"a":1}', 'x.json')).toThrow(/^\[mistral-conformance\] Failed to read report x\.json: not a mistral-conformance report\.[^\n]*$/);
    expect(() => parseReport('nope')).toThrow(/not JSON/);
    expect(() => parseReport('{"reportFormat":9,"operations":[],"summary":{}}')).toThrow(/unsupported report format 9/);
  });
});
