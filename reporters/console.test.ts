import { describe, expect, it } from 'vitest';
import type { RunResults } from '../suites/engine/results.js';
import { renderConsole } from './console.js';
import { verdictLine } from './summarize.js';
import { loadSample } from './test-support.js';

function passing(r: RunResults): RunResults {
  const p = structuredClone(r);
  for (const op of p.operations)
    for (const c of op.checks) {
      if (c.outcome === 'failed' || c.outcome === 'errored')
        Object.assign(c, { passed: c.passed + c.failed + c.errored, failed: 0, errored: 0, outcome: 'passed', failures: [] });
    }
  p.summary.checks.passed += p.summary.checks.failed + p.summary.checks.errored;
  p.summary.checks.failed = 0;
  p.summary.checks.errored = 0;
  p.summary.verdict = 'pass';
  return p;
}

describe('console summary', () => {
  it('lists failing checks with their first message and ends with the FAIL verdict', async () => {
    const { results } = await loadSample();
    const text = renderConsole(results, { color: false, reportPath: 'out/report.html' });
    expect(text).toContain(
      'chat_completion_v1_chat_completions_post › negative-data-rejection (Invalid data accepted): Received: 200 for a request that breaks the schema',
    );
    expect(text).toMatch(/FAIL 2 checks failed, 1 errored in 2 operations\nReport: out\/report\.html$/);
    expect(text).not.toContain('\u001b[');
  });

  it('PASS line counts operations and checks; colour only when asked', async () => {
    const { results } = await loadSample();
    const p = passing(results);
    expect(verdictLine(p)).toBe('PASS 3 operations, 44 checks (1 warning)');
    const text = renderConsole(p, { color: true });
    expect(text).toContain('\u001b[32mPASS 3 operations');
    expect(text).not.toContain('Failing checks');
  });

  it('says why an incomplete run fails when no check failed', async () => {
    const { results } = await loadSample();
    const p = passing(results);
    p.summary.verdict = 'fail';
    p.summary.stoppedBy = 'budget:max-requests';
    expect(verdictLine(p)).toBe('FAIL run incomplete (budget:max-requests)');
  });

  it('neutralises terminal control sequences from server messages', async () => {
    const { results } = await loadSample();
    const r = structuredClone(results);
    r.operations[1]!.checks.find((c) => c.outcome === 'failed')!.failures[0]!.message = 'evil \u001b[2J\u001b]0;title\u0007 text';
    const text = renderConsole(r, { color: false });
    expect(text).toContain('evil \\u001b[2J\\u001b]0;title\\u0007 text');
    expect(text).not.toContain('\u001b');
  });
});
