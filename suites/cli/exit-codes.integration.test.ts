// What a user sees when the command line cannot run: exit 2 and exactly one line on stderr starting
// with [mistral-conformance], never a stack trace; --help works on every command; and the API key
// from the environment appears nowhere: not on stdout or stderr, not in any report file, even when
// the server echoes it back (fault key-echoed).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReferenceServer, type ReferenceServer } from '../../fixtures/reference-server/index.js';
import { parseReport } from '../../reporters/json.js';
import { COMMANDS } from './commands-table.js';
import { filesUnder, runCli, SMALL_RUN, tempDir, type CliResult } from './test-support.js';
import { readFileSync } from 'node:fs';

const KEY = 'sk-exit-codes-0123456789abcdef';
const dir = tempDir('exit');

function expectOneLineError(r: CliResult, pattern?: RegExp): void {
  expect(r.code, r.stderr).toBe(2);
  const lines = r.stderr.split('\n');
  expect(lines, r.stderr).toHaveLength(2);
  expect(lines[1]).toBe('');
  expect(lines[0]).toMatch(/^\[mistral-conformance\] \S/);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(r.stderr + r.stdout).not.toContain(KEY);
  if (pattern) expect(lines[0]).toMatch(pattern);
}

describe('could not run: exit 2, one line', () => {
  const broken = join(dir, 'broken.config.json');
  beforeAll(() => {
    writeFileSync(broken, '{ "targets": [ { "name": "a", ');
  });
  const cases: Array<[string, () => string[], RegExp]> = [
    ['unknown command', () => ['frobnicate'], /unknown command "frobnicate"/],
    ['unknown flag', () => ['run', '--target', 'http://127.0.0.1:9', '--frobnicate'], /--frobnicate/],
    ['unknown flag of another command', () => ['diff', '--nope', 'a', 'b'], /--nope/],
    ['missing target', () => ['run', '--quiet'], /no target/],
    ['unreadable spec', () => ['run', '--target', 'http://127.0.0.1:1', '--spec', '/nope.yaml', '--report-dir', join(dir, 'spec')], /\/nope\.yaml/],
    ['broken config file', () => ['run', '--config', broken, '--report-dir', join(dir, 'config')], /broken\.config\.json/],
    ['missing config file', () => ['run', '--config', join(dir, 'absent.json')], /absent\.json/],
    ['unreachable target', () => ['run', '--target', 'http://127.0.0.1:1', ...SMALL_RUN, '--report-dir', join(dir, 'unreachable')], /127\.0\.0\.1:1/],
    ['bad number', () => ['run', '--target', 'http://127.0.0.1:1', '--runs', 'many'], /--runs/],
    ['unknown phase', () => ['run', '--target', 'http://127.0.0.1:1', '--phases', 'examples,nope'], /nope/],
    ['compare with one report', () => ['compare', join(dir, 'a.json')], /two reports/],
    ['diff of missing reports', () => ['diff', join(dir, 'a.json'), join(dir, 'b.json')], /a\.json/],
    ['report without --from', () => ['report'], /--from/],
    ['report of a missing log', () => ['report', '--from', join(dir, 'none.ndjson')], /none\.ndjson/],
    ['replay without --report', () => ['replay'], /--report/],
    ['validate of a missing file', () => ['validate', join(dir, 'none.har')], /none\.har/],
    ['merge of nothing', () => ['merge'], /merge needs/],
    ['lint-spec of a missing document', () => ['lint-spec', '/nope.yaml'], /\/nope\.yaml/],
    ['serve with an unknown fault', () => ['serve', '--fault', 'nope'], /unknown fault "nope"/],
  ];
  for (const [name, argv, pattern] of cases) {
    it(name, async () => {
      expectOneLineError(await runCli(argv(), { MISTRAL_API_KEY: KEY }), pattern);
    });
  }

  it('a key in an error message is redacted', async () => {
    // A user who pastes the key into a URL gets it back redacted.
    const r = await runCli(['run', '--target', `http://127.0.0.1:1/${KEY}`, ...SMALL_RUN, '--report-dir', join(dir, 'in-url')], { MISTRAL_API_KEY: KEY });
    expectOneLineError(r, /\[REDACTED\]/);
  });

  it('no command prints the help and exits 2', async () => {
    const r = await runCli([]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('Usage: mistral-conformance <command>');
  });
});

describe('--help', () => {
  it('exits 0 on the top level and on every command it lists', async () => {
    const top = await runCli(['--help']);
    expect(top.code).toBe(0);
    const block = top.stdout.split('Commands\n')[1]!.split('\n\n')[0]!;
    const commands = block
      .split('\n')
      .map((l) => l.trim().split(/\s+/)[0]!)
      .filter(Boolean);
    expect(commands).toEqual(COMMANDS.map((c) => c.name));
    for (const c of commands) {
      for (const flag of ['--help', '-h']) {
        const r = await runCli([c, flag]);
        expect(r.code, `${c} ${flag}`).toBe(0);
        expect(r.stdout, `${c} ${flag}`).toMatch(new RegExp(`^Usage: mistral-conformance ${c}\\b`));
        expect(r.stderr).toBe('');
      }
    }
  });
  it('--version prints the version', async () => {
    const r = await runCli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('the API key never leaves the process', () => {
  let server: ReferenceServer;
  let run: CliResult;
  const reportDir = join(dir, 'key-echoed');
  beforeAll(async () => {
    server = await startReferenceServer({ apiKey: KEY, fault: 'key-echoed' });
    mkdirSync(reportDir, { recursive: true });
    run = await runCli(
      [
        'run',
        '--target',
        server.url,
        ...SMALL_RUN,
        '--phases',
        'examples,negative,auth',
        '--include',
        'chat_completion_v1_chat_completions_post,list_models_v1_models_get',
        '--report-dir',
        reportDir,
      ],
      { MISTRAL_API_KEY: KEY },
    );
  }, 120_000);
  afterAll(async () => server?.close());

  it('the server did echo it (so this test can fail) and the suite caught it', () => {
    expect(run.code).toBe(1);
    const report = parseReport(readFileSync(join(reportDir, 'report.json'), 'utf8'));
    const reflection = report.operations.flatMap((o) => o.checks.filter((c) => c.checkId === 'credential-reflection' && c.failed > 0));
    expect(reflection.length).toBeGreaterThan(0);
  });

  it('is not on stdout, stderr, or in any file of the report directory, and every format was written', async () => {
    expect(run.stdout + run.stderr).not.toContain(KEY);
    const files = filesUnder(reportDir);
    expect(files.map((f) => f.path.slice(reportDir.length + 1)).sort()).toEqual([
      '.mistral-conformance',
      'events.ndjson',
      'junit.xml',
      'report.html',
      'report.json',
      'summary.md',
    ]);
    for (const f of files) expect(f.text.includes(KEY), f.path).toBe(false);
    // Nor a recognisable part of it (a report that cut the key in two would still leak most of it).
    for (const f of files) expect(f.text.includes(KEY.slice(3, 20)), f.path).toBe(false);
    // Rebuilt reports and diffs read the redacted log: nothing to leak there either.
    const rebuilt = join(dir, 'key-rebuilt');
    const r = await runCli(['report', '--from', join(reportDir, 'events.ndjson'), '--out', rebuilt]);
    expect(r.code).toBe(0);
    for (const f of filesUnder(rebuilt)) expect(f.text.includes(KEY), f.path).toBe(false);
    const d = await runCli(['diff', join(reportDir, 'report.json'), join(reportDir, 'events.ndjson'), '--format', 'markdown']);
    expect(d.stdout + d.stderr).not.toContain(KEY);
  });
});
