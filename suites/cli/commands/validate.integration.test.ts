// `validate FILE`: recorded traffic judged offline, from HAR 1.2 (as browsers and proxies export it) and
// from our NDJSON form, with the same checks and reports as a live run.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../openapi/paths.js';
import { runCli, tempDir } from '../test-support.js';

const REC = join(packageRoot(), 'fixtures', 'recordings', 'real-responses');
const rec = (name: string) => JSON.parse(readFileSync(join(REC, name), 'utf8'));

function harEntry(r: ReturnType<typeof rec>, base = 'https://api.mistral.ai') {
  const text = r.body_text ?? JSON.stringify(r.body);
  const headers = Object.entries(r.headers ?? { 'Content-Type': 'application/json' }).map(([name, value]) => ({ name, value: String(value) }));
  return {
    startedDateTime: '2025-09-13T10:31:30.000Z',
    time: 120,
    request: {
      method: r.method,
      url: base + r.path,
      httpVersion: 'HTTP/1.1',
      headers: [{ name: 'Authorization', value: 'Bearer sk-recorded-secret-1' }],
      queryString: [],
      cookies: [],
      headersSize: -1,
      bodySize: -1,
      ...(r.request_body ? { postData: { mimeType: 'application/json', text: JSON.stringify(r.request_body) } } : {}),
    },
    response: {
      status: r.status,
      statusText: '',
      httpVersion: 'HTTP/1.1',
      headers,
      cookies: [],
      content: {
        size: text.length,
        mimeType: headers.find((h) => h.name.toLowerCase() === 'content-type')?.value ?? 'application/json',
        text: Buffer.from(text).toString('base64'),
        encoding: 'base64',
      },
      redirectURL: '',
      headersSize: -1,
      bodySize: -1,
    },
    cache: {},
    timings: { send: 0, wait: 100, receive: 20 },
  };
}

describe('validate', () => {
  it('judges a HAR of real traffic (base64 bodies, a stream) and passes it', async () => {
    const dir = tempDir('validate-har-');
    const har = {
      log: {
        version: '1.2',
        creator: { name: 'test', version: '1' },
        entries: [
          'chat_completions__basic_2025-09__openllmetry.json',
          'chat_completions__stream_2025-09__openllmetry.json',
          'embeddings__batch_input_2025-09__openllmetry.json',
        ].map((n) => harEntry(rec(n))),
      },
    };
    const file = join(dir, 'traffic.har');
    writeFileSync(file, JSON.stringify(har));
    const r = await runCli(['validate', file, '--report-dir', join(dir, 'report'), '--quiet']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(readFileSync(join(dir, 'report', 'report.json'), 'utf8'));
    expect(report.summary.cases).toBe(3);
    expect(JSON.stringify(report)).not.toContain('sk-recorded-secret-1');
  });

  it('fails a recording that breaks the contract, naming operation and check', async () => {
    const dir = tempDir('validate-ndjson-');
    const bad = rec('chat_completions__basic_2025-09__openllmetry.json');
    bad.body.choices[0].finish_reason = 'done';
    const file = join(dir, 'traffic.ndjson');
    writeFileSync(file, `${JSON.stringify(bad)}\n`);
    const r = await runCli(['validate', file, '--report-dir', join(dir, 'report'), '--quiet']);
    expect(r.code).toBe(1);
    const md = readFileSync(join(dir, 'report', 'summary.md'), 'utf8');
    expect(md).toContain('chat_completion_v1_chat_completions_post');
    expect(md).toContain('response-schema-conformance');
  });

  it('judges against the contract named: a thinking answer fails 2024-11 for the version gap and passes 2026-07', async () => {
    const dir = tempDir('validate-contract-');
    const file = join(dir, 'traffic.ndjson');
    writeFileSync(file, `${JSON.stringify(rec('chat_completions__thinking_content_chunks__pydantic-ai.json'))}\n`);
    const old = await runCli(['validate', file, '--contract', '2024-11', '--report-dir', join(dir, 'old'), '--quiet', '--format', 'json']);
    expect(old.code).toBe(1);
    const now = await runCli(['validate', file, '--contract', '2026-07', '--report-dir', join(dir, 'now'), '--quiet', '--format', 'json']);
    expect(now.stderr).toBe('');
    expect(now.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'now', 'report.json'), 'utf8')).spec.contract).toBe('2026-07');
    const both = await runCli(['validate', file, '--contract', '2026-07', '--spec', file, '--report-dir', join(dir, 'both')]);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/^\[mistral-conformance\] Failed to choose the contract: both a contract \(2026-07\) and a spec/);
  });

  it('refuses a file that is neither HAR nor NDJSON in one line (exit 2)', async () => {
    const dir = tempDir('validate-bad-');
    const file = join(dir, 'x.ndjson');
    writeFileSync(file, 'not json\n');
    const r = await runCli(['validate', file, '--report-dir', join(dir, 'report')]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^\[mistral-conformance\] .*x\.ndjson:1: not JSON/);
  });
});
