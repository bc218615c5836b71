import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { renderHtml } from './html.js';
import { CLIENT_SCRIPT } from './html-client.js';
import { escapeHtml, jsonForScript } from './html-escape.js';
import { loadSample } from './test-support.js';

describe('report.html (without a browser)', () => {
  it('embeds data so no untrusted text can close the script element', async () => {
    const { results } = await loadSample();
    const html = renderHtml(results);
    const data = /<script type="application\/json" id="report-data">([\s\S]*?)<\/script>/.exec(html)![1]!;
    expect(data).not.toMatch(/[<>]/);
    expect(JSON.stringify(JSON.parse(data))).toContain('</script><script>alert(1)</script>');
    // Exactly the two scripts we wrote.
    expect(html.match(/<script/g)).toHaveLength(2);
  });

  it('embeds bodies as text only, not their parsed copies', async () => {
    const { results } = await loadSample();
    const r = structuredClone(results);
    const ex = r.operations.flatMap((o) => o.checks.flatMap((c) => c.failures.flatMap((f) => f.exchanges)))[0]!;
    ex.request.json = { parsedRequestMarker: 1 };
    ex.response!.json = { parsedResponseMarker: 1 };
    const html = renderHtml(r);
    expect(html).not.toContain('parsedRequestMarker');
    expect(html).not.toContain('parsedResponseMarker');
    expect(r.operations.flatMap((o) => o.checks.flatMap((c) => c.failures.flatMap((f) => f.exchanges)))[0]!.request.json).toEqual({ parsedRequestMarker: 1 });
  });

  it('allows only its own script (CSP hash) and no network', async () => {
    const { results } = await loadSample();
    const html = renderHtml(results);
    const hash = createHash('sha256').update(CLIENT_SCRIPT).digest('base64');
    expect(html).toContain(`script-src 'sha256-${hash}'`);
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/\s(src|href)="(https?:)?\/\//);
  });

  it('escapes text in the server-rendered parts', async () => {
    const { results } = await loadSample();
    const r = structuredClone(results);
    r.targetName = '<img src=x onerror=alert(1)>';
    r.spec.errata[0]!.description = '</td><script>alert(2)</script>';
    r.operations[1]!.area = '"><svg onload=alert(3)>';
    const html = renderHtml(r);
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<script>alert(2)');
    expect(html).not.toContain('<svg onload');
  });

  it('escape helpers', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(jsonForScript({ s: '</script><!-- & \u2028' })).toBe('{"s":"\\u003c/script\\u003e\\u003c!-- \\u0026 \\u2028"}');
  });
});
