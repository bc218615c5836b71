import { describe, expect, it } from 'vitest';
import { codeBlock, GITHUB_COMMENT_LIMIT, mdText, renderMarkdown } from './markdown.js';
import { loadSample } from './test-support.js';

describe('Markdown summary', () => {
  it('states the verdict, counts, spec findings apart from failures, and folds reproductions', async () => {
    const { results } = await loadSample();
    const md = renderMarkdown(results);
    expect(md.startsWith('## ❌ FAIL 2 checks failed, 1 errored in 2 operations')).toBe(true);
    expect(md).toContain('| 3 | 11 | 40 | 2 | 1 | 1 | 1 |');
    const failures = md.indexOf('### Failing checks');
    const spec = md.indexOf('### Spec findings');
    expect(failures).toBeGreaterThan(0);
    expect(spec).toBeGreaterThan(failures);
    expect(md.slice(spec)).toContain('chat-response-data-not-required');
    expect(md.slice(failures, spec)).not.toContain('chat-response-data-not-required');
    // Three folded reproductions, and the spec's lint findings folded too.
    expect(md.match(/<details>/g)).toHaveLength(4);
    expect(md.match(/<\/details>/g)).toHaveLength(4);
    expect(md).toMatch(/<details><summary>\d+ lint findings on the spec/);
  });

  it('never lets a response body inject HTML outside a code block', async () => {
    const { results } = await loadSample();
    const r = structuredClone(results);
    r.operations[1]!.checks.find((c) => c.outcome === 'failed')!.failures[0]!.message = '<img src=x onerror=alert(1)> </details> ```';
    const md = renderMarkdown(r);
    const outsideCode = md.replace(/(`{3,})[^\n]*\n[\s\S]*?\n\1/g, '');
    expect(outsideCode).not.toContain('<img');
    expect(outsideCode.match(/<\/details>/g)?.length).toBe(outsideCode.match(/<details>/g)?.length);
  });

  it('stays under the GitHub comment limit with a note when there are many failures', async () => {
    const { results } = await loadSample();
    const r = structuredClone(results);
    const chat = r.operations[1]!;
    const template = chat.checks.find((c) => c.outcome === 'failed')!;
    for (let i = 0; i < 400; i++) chat.checks.push({ ...structuredClone(template), checkId: `check-${i}` });
    const md = renderMarkdown(r);
    expect(md.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
    expect(md).toMatch(/\d+ more failing checks not shown/);
    expect(md).toContain('### Spec findings');
  });

  it('names a failing check whose details alone would overflow the comment', async () => {
    const { results } = await loadSample();
    const r = structuredClone(results);
    const failed = r.operations[1]!.checks.find((c) => c.outcome === 'failed')!;
    const template = failed.failures[0]!;
    failed.failures = Array.from({ length: 5 }, (_, i) => ({
      ...structuredClone(template),
      message: `huge ${i}`,
      reproduction: { curl: [`curl -d '${'x'.repeat(15_000)}'`] },
    }));
    const md = renderMarkdown(r);
    expect(md.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
    expect(md).toContain(`- **${failed.checkId}**`);
  });

  it('helpers: fences outgrow backtick runs, text is escaped', () => {
    expect(codeBlock('a ```` b')).toBe('`````\na ```` b\n`````');
    expect(mdText('a|b <x> *y*\nz')).toBe('a\\|b &lt;x&gt; \\*y\\* z');
  });
});
