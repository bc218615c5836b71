import { describe, expect, it } from 'vitest';
import { compareMatrix, contractLine, renderCompare, SCORE_DEFINITION } from './compare.js';
import { loadSample } from './test-support.js';

describe('compare', () => {
  it('same run twice: nothing differs and scores are equal', async () => {
    const { results } = await loadSample();
    const m = compareMatrix([results, results]);
    expect(m.targets).toEqual(['reference', 'reference #2']);
    expect(m.rows.some((r) => r.differs)).toBe(false);
    // 17 pairs, 1 skipped (seed-determinism): 16 ran; 3 failing/errored → 13 passed (a warning counts as passed).
    expect(m.scores[0]).toEqual({ name: 'reference', passed: 13, ran: 16, score: 13 / 16 });
  });

  it('rows where targets differ come first and are highlighted', async () => {
    const { results } = await loadSample();
    const b = structuredClone(results);
    b.targetName = 'vendor-b';
    const check = b.operations[0]!.checks.find((c) => c.checkId === 'status-code-conformance')!;
    Object.assign(check, { failed: 1, outcome: 'failed', failures: [] });
    b.operations = b.operations.filter((o) => !o.operationId.startsWith('embeddings'));
    const m = compareMatrix([results, b]);
    const differing = m.rows.filter((r) => r.differs);
    expect(m.rows.slice(0, differing.length)).toEqual(differing);
    expect(differing.map((r) => r.checkId)).toContain('status-code-conformance');
    expect(differing.find((r) => r.operationId.startsWith('embeddings'))!.cells[1]!.status).toBe('absent');
    const md = renderCompare([results, b], 'markdown');
    expect(md).toContain(SCORE_DEFINITION);
    expect(md).toMatch(/\| \*\*≠\*\* \| models \| list\\_models\\_v1\\_models\\_get \| status-code-conformance \| \*\*✅ pass/);
    const html = renderCompare([results, b], 'html');
    expect(html).toMatch(/<tr class="differs">/);
    expect(html).not.toContain('<script');
  });
});

describe('compare names the contract', () => {
  it('once when every target was judged against the same one, per target when they differ', async () => {
    const { results } = await loadSample();
    const a = structuredClone(results);
    a.spec.contract = '2026-07';
    const b = structuredClone(a);
    b.targetName = 'vendor-b';
    expect(renderCompare([a, b], 'markdown')).toContain('Contract: 2026-07.');
    expect(renderCompare([a, b], 'html')).toContain('<p>Contract: 2026-07.</p>');
    b.spec.contract = '2024-11';
    const line = contractLine(compareMatrix([a, b]));
    expect(line).toMatch(/different contracts \(reference: 2026-07, vendor-b: 2024-11\)/);
    delete b.spec.contract;
    expect(contractLine(compareMatrix([a, b]))).toContain('vendor-b: another document');
    delete a.spec.contract;
    expect(contractLine(compareMatrix([a, b]))).toBe('');
  });
});
