// No format may print the API key: not from options, and not from exchanges where a buggy
// redaction upstream leaked it.
import { describe, expect, it } from 'vitest';
import type { RunResults } from '../suites/engine/results.js';
import { applyBaseline, makeBaseline } from './baseline.js';
import { renderCompare } from './compare.js';
import { renderConsole } from './console.js';
import { renderCtrf } from './ctrf.js';
import { diffRuns, renderDiff } from './diff.js';
import { renderHtml } from './html.js';
import { renderJson } from './json.js';
import { renderJunit } from './junit.js';
import { renderMarkdown } from './markdown.js';
import { redact } from './render-options.js';
import { loadSample } from './test-support.js';

const SECRET = 'sk-secret';

function everyFormat(r: RunResults, secrets?: string[]): Record<string, string> {
  const opts = secrets ? { secrets } : {};
  const applied = applyBaseline(r, makeBaseline(r)).results;
  return {
    json: renderJson(r, opts),
    junit: renderJunit(r, opts),
    ctrf: renderCtrf(r, opts),
    console: renderConsole(r, { ...opts, color: true }),
    markdown: renderMarkdown(r, opts),
    html: renderHtml(r, opts),
    baselined: renderHtml(applied, opts) + renderMarkdown(applied, opts),
    compare: renderCompare([r, r], 'markdown', opts) + renderCompare([r, r], 'html', opts),
    diff: renderDiff(diffRuns(r, r), 'text', opts) + renderDiff(diffRuns(r, r), 'markdown', opts),
  };
}

/** Puts the key where a faulty upstream redaction might leave it: headers, bodies, curl, messages. */
function leak(results: RunResults, key: string): RunResults {
  const r = structuredClone(results);
  const f = r.operations[1]!.checks.find((c) => c.outcome === 'failed')!.failures[0]!;
  const ex = f.exchanges[0]!;
  ex.request.headers.authorization = `Bearer ${key}`;
  ex.request.headers['x-debug'] = `key=${key}`;
  ex.request.bodyText = `{"api_key":"${key}"}`;
  ex.response!.bodyText = `{"error":"invalid key ${key}"}`;
  f.reproduction!.curl = [`curl -H 'Authorization: Bearer ${key}' http://127.0.0.1:8080/v1/models`];
  f.message = `Received: the key ${key} reflected`;
  r.logs.push({ level: 'warn', message: `using ${key}` });
  return r;
}

describe('secrets never reach any output', () => {
  it('drops apiKey-like options and redacts their values everywhere, even with no secrets passed', async () => {
    const { results } = await loadSample();
    const r = leak(results, SECRET);
    r.options = { ...r.options, apiKey: SECRET, api_key: SECRET, token: SECRET, extraHeaders: { Authorization: `Bearer ${SECRET}` } };
    for (const [format, text] of Object.entries(everyFormat(r))) {
      expect(text, format).not.toContain(SECRET);
      expect(text, format).not.toMatch(/"apiKey"/);
    }
  });

  it('redacts secrets passed in RenderOptions', async () => {
    const { results } = await loadSample();
    const r = leak(results, 'sk-passed-in-42');
    for (const [format, text] of Object.entries(everyFormat(r, ['sk-passed-in-42']))) expect(text, format).not.toContain('sk-passed-in-42');
  });

  it('the leak fixture really leaks when nothing names the secret (the test can fail)', async () => {
    const { results } = await loadSample();
    const text = renderJson(leak(results, 'sk-unnamed'));
    // Credential headers and Authorization lines are caught by shape; a bare key in a body is not.
    expect(text).toContain('invalid key sk-unnamed');
    expect(text).not.toContain('Bearer sk-unnamed');
  });

  it('redact keeps runnable placeholders and the scheme word', () => {
    expect(redact("-H 'Authorization: Bearer $MISTRAL_API_KEY'")).toBe("-H 'Authorization: Bearer $MISTRAL_API_KEY'");
    expect(redact("-H 'Authorization: Bearer abc.def'")).toBe("-H 'Authorization: Bearer [REDACTED]'");
    expect(redact('x-api-key: 1234abcd')).toBe('x-api-key: [REDACTED]');
    expect(redact('the key is sk-123456 here', ['sk-123456'])).toBe('the key is [REDACTED] here');
    // Too short to be a key: redacting it would mangle ordinary text.
    expect(redact('a b c', ['a'])).toBe('a b c');
  });
});

describe('which keys count as credentials', async () => {
  const { isSensitiveKey } = await import('./render-options.js');
  it.each([
    'apiKey',
    'api_key',
    'x-api-key',
    'Authorization',
    'proxy-authorization',
    'set-cookie',
    'token',
    'accessToken',
    'client_secret',
    'password',
    'credentials',
  ])('%s is sensitive', (k) => {
    expect(isSensitiveKey(k)).toBe(true);
  });
  it.each(['apiKeyEnv', 'maxTokens', 'tokens', 'authHeader', 'credential-reflection', 'ignored-auth', 'seed', 'target'])('%s is not', (k) => {
    expect(isSensitiveKey(k)).toBe(false);
  });
});
