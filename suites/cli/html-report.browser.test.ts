// The report.html of a real run (the CLI against reference servers, one with a fault) opens in
// Debian's headless Chromium without console errors or requests, shows every row, filters to the
// failures, and a failure opens to its request, response and curl line (key as $MISTRAL_API_KEY).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReferenceServer, type ReferenceServer } from '../../fixtures/reference-server/index.js';
import { parseReport } from '../../reporters/json.js';
import type { RunResults } from '../engine/results.js';
import { runCli, SMALL_RUN, tempDir } from './test-support.js';

const CHROMIUM = '/usr/bin/chromium';
// In CI the browser test must run: a missing Chromium there is a failure, not a skip.
const skip = !existsSync(CHROMIUM) && !process.env.CI;
if (skip) console.warn(`html-report.browser.test: skipped because ${CHROMIUM} is missing; CI never skips it`);

const KEY = 'sk-html-browser-0123456789abcdef';
const INCLUDE = 'chat_completion_v1_chat_completions_post,fim_completion_v1_fim_completions_post,list_models_v1_models_get';

interface Opened {
  page: Page;
  problems: string[];
}

describe.skipIf(skip)('report.html of a real run in Chromium', () => {
  let browser: Browser;
  const servers: ReferenceServer[] = [];
  const dirs: Record<string, string> = {};
  const reports: Record<string, RunResults> = {};

  beforeAll(async () => {
    for (const fault of ['accepts-out-of-range-temperature' as const, undefined]) {
      const server = await startReferenceServer({ apiKey: KEY, ...(fault ? { fault } : {}) });
      servers.push(server);
      const name = fault ?? 'conforming';
      dirs[name] = tempDir(`html-${name}`);
      const r = await runCli(
        ['run', '--target', server.url, ...SMALL_RUN, '--phases', 'examples,coverage,positive,negative', '--include', INCLUDE, '--report-dir', dirs[name]!],
        { MISTRAL_API_KEY: KEY },
      );
      expect(r.code).toBe(fault ? 1 : 0);
      reports[name] = parseReport(readFileSync(join(dirs[name]!, 'report.json'), 'utf8'));
    }
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
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await Promise.all(servers.map((s) => s.close()));
  });

  async function open(file: string): Promise<Opened> {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('request', (r) => {
      if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) problems.push(`request: ${r.url()}`);
    });
    await page.goto(pathToFileURL(file).href);
    await page.waitForSelector('html[data-ready="1"]');
    return { page, problems };
  }

  const rowCount = (r: RunResults): number => r.operations.reduce((n, o) => n + o.checks.length + (o.skipped ? 1 : 0), 0);

  it('a failing run: every row, the failures filter, a failure with its curl line, the constraint section; no console error', async () => {
    const report = reports['accepts-out-of-range-temperature']!;
    const { page, problems } = await open(join(dirs['accepts-out-of-range-temperature']!, 'report.html'));
    const total = await page.locator('#rows tr').count();
    expect(total).toBe(rowCount(report));
    expect(await page.locator('#verdict').textContent()).toMatch(/^FAIL /);
    const failing = report.operations.flatMap((o) => o.checks.filter((c) => c.outcome === 'failed'));
    expect(failing.length).toBeGreaterThan(0);
    await page.selectOption('#f-outcome', 'failed');
    await expect.poll(() => page.locator('#rows tr:visible').count()).toBe(failing.length);
    const row = page.locator('#rows tr:visible', { hasText: 'negative-data-rejection' }).first();
    await row.locator('summary').click();
    const failure = row.locator('.failure').first();
    await expect.poll(() => failure.locator('.request pre').textContent()).toMatch(/^POST http:\/\/127\.0\.0\.1:\d+\/v1\/(chat|fim)\/completions/);
    expect(await failure.locator('.response pre').textContent()).toMatch(/^200 /);
    const curl = await failure.locator('.reproduction pre.curl').textContent();
    expect(curl).toContain('$MISTRAL_API_KEY');
    expect(curl).not.toContain(KEY);
    expect(await page.locator('#by-constraint').isVisible()).toBe(true);
    expect(await page.locator('#by-constraint td code').first().textContent()).toBe('maximum');
    expect(await page.content()).not.toContain(KEY);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a passing run opens cleanly too, without a constraint section', async () => {
    const report = reports.conforming!;
    const { page, problems } = await open(join(dirs.conforming!, 'report.html'));
    expect(await page.locator('#rows tr').count()).toBe(rowCount(report));
    expect(await page.locator('#verdict').textContent()).toMatch(/^PASS /);
    expect(await page.locator('#by-constraint').count()).toBe(0);
    expect(await page.locator('#charts svg').count()).toBe(3);
    expect(problems).toEqual([]);
    await page.close();
  });
});
