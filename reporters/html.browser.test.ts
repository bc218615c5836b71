// Opens report.html in Debian's Chromium: no console errors, no requests, filters hide and show rows,
// a failure opens to its request, response and reproduction, and a hostile response body stays text.
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from './html.js';
import { loadSample } from './test-support.js';
import type { RunResults } from '../suites/engine/results.js';

const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
// In CI the browser test must run: a missing Chromium there is a failure, not a skip.
const skip = !available && !process.env.CI;
if (skip) console.warn(`html.browser.test: skipped because ${CHROMIUM} is missing (install Debian's chromium); CI never skips it`);

/** Many operations and checks, to show the page stays usable with thousands of rows. */
function bigResults(base: RunResults, copies: number): RunResults {
  const r = structuredClone(base);
  const ops = [];
  for (let i = 0; i < copies; i++)
    for (const op of base.operations) ops.push({ ...structuredClone(op), operationId: `${op.operationId}_${i}`, area: `${op.area}` });
  r.operations = ops;
  return r;
}

describe.skipIf(skip)('report.html in Chromium', () => {
  let browser: Browser;
  const dir = mkdtempSync(join(tmpdir(), 'mc-html-'));
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--headless',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function open(file: string) {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('dialog', (d) => {
      problems.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    page.on('request', (r) => {
      if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) problems.push(`request: ${r.url()}`);
    });
    page.on('requestfailed', (r) => problems.push(`failed request: ${r.url()}`));
    await page.goto(pathToFileURL(file).href);
    await page.waitForSelector('html[data-ready="1"]');
    return { page, problems };
  }

  it('filters rows, opens a failure with its reproduction, runs no injected script', async () => {
    const { results } = await loadSample();
    const file = join(dir, 'report.html');
    writeFileSync(file, renderHtml(results));
    const { page, problems } = await open(file);
    const visible = () => page.locator('#rows tr:visible').count();
    const total = await page.locator('#rows tr').count();
    expect(total).toBe(results.operations.reduce((n, o) => n + o.checks.length + (o.skipped ? 1 : 0), 0));
    expect(await visible()).toBe(total);

    await page.selectOption('#f-outcome', 'failed');
    expect(await visible()).toBe(2);
    await page.selectOption('#f-outcome', '');
    await page.selectOption('#f-area', 'embeddings');
    expect(await visible()).toBe(5);
    await page.selectOption('#f-check', 'embeddings-consistency');
    expect(await visible()).toBe(1);
    await page.click('#f-reset');
    expect(await visible()).toBe(total);
    await page.selectOption('#f-op', 'list_models_v1_models_get');
    expect(await visible()).toBe(4);
    await page.click('#f-reset');
    await page.fill('#f-text', 'temperature');
    expect(await visible()).toBe(1);
    await expect.poll(() => page.locator('#shown').textContent()).toBe(`1 of ${total} rows`);
    await page.fill('#f-text', 'no row mentions this');
    expect(await visible()).toBe(0);
    await page.click('#f-reset');

    // Open the schema failure whose response body holds a script-injection attempt.
    const row = page.locator('#rows tr', { hasText: 'response-schema-conformance' }).filter({ hasText: 'failed' });
    await row.locator('summary').click();
    const failure = row.locator('.failure').first();
    await expect.poll(() => failure.locator('.request pre').textContent()).toContain('POST http://127.0.0.1:8080/v1/chat/completions');
    expect(await failure.locator('.response pre').textContent()).toContain('</script><script>alert(1)</script>');
    expect(await failure.locator('.reproduction pre.curl').textContent()).toContain("curl -sS -X POST 'http://127.0.0.1:8080/v1/chat/completions'");
    await failure.locator('button.copy').click();
    await expect.poll(() => failure.locator('button.copy').textContent()).not.toBe('Copy curl');
    expect(await page.locator('script').count()).toBe(2);
    expect(await page.locator('#spec-findings').textContent()).toContain('chat-response-data-not-required');
    expect(await page.locator('#charts svg').count()).toBe(3);

    await page.screenshot({ path: join(dir, 'report.png'), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('stays usable with thousands of rows', async () => {
    const { results } = await loadSample();
    const big = bigResults(results, 250);
    const file = join(dir, 'big.html');
    writeFileSync(file, renderHtml(big));
    const { page, problems } = await open(file);
    const total = await page.locator('#rows tr').count();
    expect(total).toBeGreaterThan(4000);
    await page.selectOption('#f-outcome', 'errored');
    await expect.poll(() => page.locator('#shown').textContent()).toBe(`250 of ${total} rows`);
    expect(problems).toEqual([]);
    await page.close();
  });
});
