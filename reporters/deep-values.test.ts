// Values nested thousands of levels deep (a plugin's event, a hand-made log) render in every format:
// the sanitised copy stops at a depth limit with a note instead of overflowing the stack.
import { describe, expect, it } from 'vitest';
import { FILE_REPORTERS } from './write-reports.js';
import { sanitizeValue } from './sanitize.js';
import { loadSample } from './test-support.js';

function nest(n: number): unknown {
  let v: unknown = 'leaf';
  for (let i = 0; i < n; i++) v = [v];
  return v;
}

describe('deeply nested values', () => {
  it('are cut at the depth limit with a note', () => {
    const out = JSON.stringify(sanitizeValue({ deep: nest(50_000) }, []));
    expect(out).toContain('[nested deeper than 1024 levels]');
    expect(out).not.toContain('leaf');
    expect(JSON.stringify(sanitizeValue({ shallow: nest(100) }, []))).toContain('leaf');
  });

  it('render in every format', async () => {
    const { results } = await loadSample();
    const failure = results.operations.flatMap((o) => o.checks.flatMap((c) => c.failures)).find((f) => f.exchanges[0]?.response)!;
    failure.exchanges[0]!.response!.json = nest(50_000);
    (failure as unknown as Record<string, unknown>).extra = nest(50_000);
    for (const r of FILE_REPORTERS) expect(r.render(results, {}).length, r.format).toBeGreaterThan(100);
  });
});
