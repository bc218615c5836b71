// `compare` over three real runs: the conforming reference server, the same server with one fault
// (missing-required-field) and Stoplight Prism mocking the spec. The rows where targets differ come first,
// marked, and name the check and what each target did.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPrism, type PrismServer } from '../../../fixtures/prism/start-prism.js';
import { startReferenceServer, type ReferenceServer } from '../../../fixtures/reference-server/index.js';
import { runCli, SMALL_RUN, tempDir } from '../test-support.js';

const KEY = 'sk-compare-0123456789abcdef';
const CHAT = 'chat_completion_v1_chat_completions_post';
const MODELS = 'list_models_v1_models_get';
const NAMES = ['reference', 'reference+missing-required-field', 'prism'];

const servers: Array<ReferenceServer | PrismServer> = [];
const reports: string[] = [];
let markdown: string;
let html: string;

beforeAll(async () => {
  const reference = await startReferenceServer({ apiKey: KEY });
  const faulty = await startReferenceServer({ apiKey: KEY, fault: 'missing-required-field' });
  const prism = await startPrism();
  servers.push(reference, faulty, prism);
  const targets = [reference.url, faulty.url, prism.url];
  for (let i = 0; i < targets.length; i++) {
    const dir = tempDir(`compare-${i}`);
    const r = await runCli(
      [
        'run',
        '--target',
        targets[i]!,
        '--target-name',
        NAMES[i]!,
        ...SMALL_RUN,
        '--phases',
        'examples,positive',
        '--include',
        `${CHAT},${MODELS}`,
        '--report-dir',
        dir,
        '--format',
        'json',
      ],
      { MISTRAL_API_KEY: KEY },
    );
    expect(r.code, `${NAMES[i]}: ${r.stderr}`).toBe(i === 0 ? 0 : 1);
    reports.push(join(dir, 'report.json'));
  }
  const out = tempDir('compare-out');
  const md = await runCli(['compare', ...reports, '--out', join(out, 'compare.md')]);
  expect(md.code).toBe(0);
  markdown = readFileSync(join(out, 'compare.md'), 'utf8');
  const h = await runCli(['compare', ...reports, '--format', 'html']);
  expect(h.code).toBe(0);
  html = h.stdout;
}, 180_000);

afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

/** The matrix rows of the Markdown table: [marker, area, operation, check, ...cells]. */
function rows(md: string): string[][] {
  const lines = md.split('\n').filter((l) => l.startsWith('| ') || l.startsWith('| |'));
  const start = lines.findIndex((l) => l.includes('| area | operation | check |'));
  return lines.slice(start + 1).map((l) => l.split(' | ').map((c) => c.replace(/^\| ?|\s*\|$/g, '').trim()));
}

const unescapeText = (s: string): string => s.replace(/\\(.)/g, '$1');

describe('compare of reference, faulty reference and Prism', () => {
  it('names the three targets in the header and gives each a score', () => {
    for (const name of NAMES) expect(markdown).toContain(`| ${name.replace(/[+]/g, '+')} |`);
    expect(markdown).toMatch(/\| reference \| 100% \|/);
    expect(markdown).toMatch(/\| reference\+missing-required-field \| (?!100%)\d+(\.\d)?% \|/);
  });

  it('puts every differing row first, marked ≠, then the rows where all targets agree', () => {
    const matrix = rows(markdown).filter((r) => r.length >= 7);
    const marks = matrix.map((r) => r[0] === '**≠**');
    const firstSame = marks.indexOf(false);
    expect(marks.filter(Boolean).length).toBeGreaterThan(1);
    expect(firstSame).toBeGreaterThan(0);
    expect(marks.slice(firstSame).some(Boolean)).toBe(false);
    // The rows that differ really differ, and the others really agree.
    for (const r of matrix) {
      const statuses = new Set(r.slice(4).map((c) => c.replace(/\*/g, '').split(' · ')[0]));
      expect(statuses.size > 1, r.join(' | ')).toBe(r[0] === '**≠**');
    }
  });

  it('among differing rows, those where a target fails come before those that differ only in what ran', () => {
    const differing = rows(markdown).filter((r) => r[0] === '**≠**');
    const failing = differing.map((r) => r.slice(4).some((c) => c.includes('❌ fail') || c.includes('💥 error')));
    expect(failing[0]).toBe(true);
    const firstOther = failing.indexOf(false);
    if (firstOther >= 0) expect(failing.slice(firstOther)).not.toContain(true);
  });

  it('the fault shows in a differing row naming the check, with reference passing and the faulty target failing', () => {
    const matrix = rows(markdown);
    const row = matrix.find((r) => unescapeText(r[2] ?? '') === CHAT && unescapeText(r[3] ?? '') === 'response-schema-conformance');
    expect(row, markdown).toBeDefined();
    expect(row![0]).toBe('**≠**');
    expect(row![4]).toContain('✅ pass');
    expect(row![5]).toContain('❌ fail');
    // Prism (a mock) fails checks the reference servers pass: differences only Prism has.
    expect(matrix.some((r) => r[0] === '**≠**' && r[4]!.includes('✅ pass') && r[5]!.includes('✅ pass') && r[6]!.includes('❌ fail'))).toBe(true);
    // The first messages of differing rows say which target failed which check, and why.
    expect(markdown).toContain(`reference+missing-required-field · ${CHAT} › response-schema-conformance: Received:`);
  });

  it('the HTML matrix highlights the same rows first', () => {
    const body = html.slice(html.lastIndexOf('<tbody>'));
    const trs = [...body.matchAll(/<tr class="([^"]*)">/g)].map((m) => m[1]);
    const firstSame = trs.indexOf('');
    expect(trs.slice(0, firstSame).every((c) => c === 'differs')).toBe(true);
    expect(trs.slice(firstSame).includes('differs')).toBe(false);
    for (const name of NAMES) expect(html).toContain(`<th>${name}</th>`);
    expect(body.indexOf('response-schema-conformance')).toBeLessThan(body.indexOf('<tr class="">'));
  });
});
