// The exchange-scope and case-scope forms of one id never both judge a case: random cases (no
// caseChecks) get the exchange form, probes naming the id get the case form.
import { describe, expect, it } from 'vitest';
import { runChecks } from '../../engine/run-checks.js';
import { mistralStreamChecks } from '../stream/index.js';
import { OPS, caseOf, completion, jsonExchange, permissivePolicy, pinnedSpec } from '../test-support/exchanges.js';
import { mistralSemanticChecks } from './index.js';

const spec = await pinnedSpec();
const operations = new Map(spec.operations.map((o) => [o.id, o]));
const checks = [...mistralSemanticChecks, ...mistralStreamChecks];
const notJson = () => jsonExchange(OPS.chat, { model: 'm', response_format: { type: 'json_object' } }, completion([{ content: 'prose' }]));

function outcomes(caseChecks: string[] | undefined, n: number) {
  const testCase = caseOf(OPS.chat, caseChecks ? { caseChecks } : {});
  return runChecks({ spec, operations, testCase, exchanges: Array.from({ length: n }, notJson), policy: permissivePolicy, checks });
}

describe('exchange and case forms of one check id', () => {
  it('a random case gets one exchange-scope verdict per exchange and no case-scope noise', () => {
    const out = outcomes(undefined, 1);
    expect(out.filter((o) => o.checkId === 'json-mode').map((o) => o.status)).toEqual(['failed']);
    expect(out.filter((o) => o.status === 'skipped').map((o) => o.checkId)).toEqual([]);
  });

  it('a probe naming the id gets one case-scope verdict over its k exchanges', () => {
    const out = outcomes(['json-mode'], 3).filter((o) => o.checkId === 'json-mode');
    expect(out).toHaveLength(1);
    expect(out[0]?.message).toMatch(/^0 of 3 held: pass@3 failed, pass\^3 failed/);
  });

  it('case-scope checks apply only to cases naming them', () => {
    for (const check of checks.filter((c) => c.scope === 'case')) {
      const ctx = { spec, testCase: caseOf(OPS.chat), operations, exchanges: [], policy: permissivePolicy };
      expect(check.applies?.(ctx as never), check.id).toBe(false);
      expect(check.applies?.({ ...ctx, testCase: caseOf(OPS.chat, { caseChecks: [check.id] }) } as never), check.id).toBe(true);
    }
  });
});
