// Issue 15: reproductions are data, not code. Arbitrary strings (line breaks, quotes, `$()`, backticks,
// NUL, `#`, redirections) from a target or a spec are fed into every writer of shell text (a curl line
// from every part of a request, the stateful chain's bash script with the ids it captures, the replay
// command), and the result is checked by bash itself: `bash -n` accepts it, and running it in an empty
// folder, with curl, jq and the tool replaced by stubs, runs only the stubs (a `pwned` command on PATH
// says when anything else ran), creates no file, and hands curl the very URL and body meant.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reproduction } from '../../engine/run/reproduction.js';
import { buildUrl } from '../../engine/transport/build-request.js';
import { toCurl } from '../../engine/transport/curl.js';
import type { Exchange, RequestSpec, RunOptions, TestCase } from '../../engine/types.js';
import { chainScript } from './chain-script.js';

const INJECTIONS = ['$(pwned)', '`pwned`', '\npwned\n', "'; pwned; '", '"; pwned; "', '${IFS}pwned', '|pwned', '&& pwned #', '>created', '<<EOF\n', '\\', '\0'];
const SPECIALS = [
  '\u0000',
  '\r',
  '\n',
  "'",
  '"',
  '$',
  '`',
  '\\',
  '#',
  ' ',
  '\u2028',
  '\u001b',
  '%s',
  '!',
  '*',
  '~',
  ';',
  '&',
  '|',
  '<',
  '>',
  '(',
  ')',
  '{',
  '}',
];
const hostile = fc
  .array(fc.oneof(fc.constantFrom(...INJECTIONS), fc.constantFrom(...SPECIALS), fc.string({ unit: 'binary', maxLength: 6 })), { maxLength: 6 })
  .map((parts) => parts.join(''));

let sandbox: string;
let bin: string;
let logs: string;

// Stubs: curl records its arguments (NUL-separated) and answers a JSON body with an id; jq prints that id.
beforeAll(() => {
  sandbox = mkdtempSync(join(tmpdir(), 'mc-repro-'));
  bin = join(sandbox, 'bin');
  logs = join(sandbox, 'logs');
  mkdirSync(bin);
  mkdirSync(logs);
  const stub = (name: string, body: string): void => {
    writeFileSync(join(bin, name), `#!/bin/bash\n${body}\n`);
    chmodSync(join(bin, name), 0o755);
  };
  stub('curl', `printf '%s\\0' "$@" >> "${logs}/curl"; printf '\\0\\n' >> "${logs}/curl"; cat > /dev/null; printf '{"id":"stub-id"}'`);
  stub('jq', 'cat > /dev/null; printf stub-id');
  stub('mistral-conformance', `printf '%s\\0' "$@" >> "${logs}/tool"`);
  stub('pwned', `touch "${logs}/PWNED"`);
});
afterAll(() => rmSync(sandbox, { recursive: true, force: true }));

/** Runs the script as a user would, in an empty folder; returns the curl calls' arguments. */
function runScript(script: string): string[][] {
  const work = join(sandbox, 'work');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work);
  for (const f of readdirSync(logs)) rmSync(join(logs, f));
  writeFileSync(join(work, 'repro.sh'), script);
  const syntax = spawnSync('/bin/bash', ['-n', join(work, 'repro.sh')], { encoding: 'utf8' });
  expect(syntax.status, `bash -n: ${syntax.stderr}\n${script}`).toBe(0);
  spawnSync('/bin/bash', [join(work, 'repro.sh')], { cwd: work, env: { PATH: bin, MISTRAL_API_KEY: 'k' }, stdio: 'ignore', timeout: 10_000 });
  expect(readdirSync(logs), script).not.toContain('PWNED');
  expect(readdirSync(work), script).toEqual(['repro.sh']);
  let calls: string;
  try {
    calls = readFileSync(join(logs, 'curl'), 'utf8');
  } catch {
    return [];
  }
  return calls
    .split('\0\0\n')
    .filter(Boolean)
    .map((c) => c.split('\0'));
}

const BASE = 'http://127.0.0.1:9/prefix';

describe('every writer of shell text, fed hostile strings', () => {
  it('curl lines from every part of a request: bash reads them as data, curl gets the URL and body meant', () => {
    fc.assert(
      fc.property(fc.array(hostile, { minLength: 12, maxLength: 12 }), fc.constantFrom('json', 'raw', 'multipart'), (h, kind) => {
        const req: RequestSpec = {
          method: 'POST',
          path: `/v1/files/${encodeURIComponent(h[0]!)}`,
          query: [[h[1]!, h[2]!]],
          headers: { [`x-${h[3]!}`]: h[4]! },
          auth: h[5]!.length % 2 ? { kind: 'invalid', value: h[5]! } : { kind: 'default' },
          body:
            kind === 'json'
              ? { kind: 'json', value: { [h[6]!]: h[7]! } }
              : kind === 'raw'
                ? { kind: 'raw', contentType: h[8]!, text: h[7]! }
                : {
                    kind: 'multipart',
                    parts: [
                      { name: h[6]!, value: h[7]! },
                      { name: h[9]!, value: Buffer.from(h[10]!, 'latin1'), filename: h[11]!, contentType: h[8]! },
                    ],
                  },
        };
        const calls = runScript(`${toCurl(req, BASE)}\n`);
        expect(calls).toHaveLength(1);
        expect(calls[0]).toContain(buildUrl(BASE, req.path, req.query));
        if (req.body?.kind === 'json') expect(calls[0]).toContain(JSON.stringify(req.body.value));
      }),
      { numRuns: 60, seed: 15 },
    );
  });

  it("the stateful chain's script: ids, labels and the case id from a target cannot run a command", () => {
    fc.assert(
      fc.property(hostile, hostile, hostile, hostile, (id, model, label, caseId) => {
        const created: Exchange = {
          request: { method: 'POST', url: `${BASE}/v1/files`, headers: {} },
          response: {
            status: 200,
            headers: {},
            contentType: 'application/json',
            bodyText: '',
            bytes: 0,
            truncated: false,
            json: { id, fine_tuned_model: model },
          },
          timing: { startedAt: 0, totalMs: 1 },
          retries: 0,
        };
        const read: Exchange = { ...created, request: { method: 'GET', url: `${BASE}/v1/files/x`, headers: {} } };
        const idOf = (exs: Exchange[]): string => String((exs[0]?.response?.json as { id?: string } | undefined)?.id ?? '');
        const tc: TestCase = {
          id: caseId,
          operationId: 'files_api_routes_upload_file',
          phase: 'stateful',
          expectation: 'accept',
          steps: [
            {
              operationId: 'files_api_routes_upload_file',
              label,
              request: { method: 'POST', path: '/v1/files', query: [], headers: {}, auth: { kind: 'default' } },
            },
            {
              operationId: 'files_api_routes_retrieve_file',
              label: `${label} again`,
              request: (exs) => ({
                method: 'GET',
                path: `/v1/files/${encodeURIComponent(idOf(exs))}`,
                query: [['model', model]],
                headers: {},
                auth: { kind: 'default' },
                body: { kind: 'json', value: { file_id: idOf(exs), model } },
              }),
            },
          ],
          meta: {
            stateful: {
              roles: [
                { role: 'create', resource: 'file' },
                { role: 'retrieve', resource: 'file', of: 0 },
              ],
            },
          },
        } as TestCase;
        const script = chainScript(tc, [created, read], BASE, (r, base) => toCurl(r, base));
        const calls = runScript(script);
        expect(calls).toHaveLength(2);
      }),
      { numRuns: 60, seed: 15 },
    );
  });

  it('the replay command: a hostile case id and target are arguments, nothing more', () => {
    fc.assert(
      fc.property(hostile, hostile, (caseId, target) => {
        const tc = { id: caseId, operationId: 'op', phase: 'positive', expectation: 'accept', steps: [] } as unknown as TestCase;
        const options = { target, apiKeyEnv: 'MISTRAL_API_KEY' } as RunOptions;
        const r = reproduction(tc, [], [], options, []);
        runScript(`${r.command}\n`);
        const args = readFileSync(join(logs, 'tool'), 'utf8').split('\0').slice(0, -1);
        expect(args).toEqual(['replay', '--report', 'report.json', '--case', caseId.replace(/\0/g, ''), '--target', target.replace(/\0/g, '')]);
      }),
      { numRuns: 40, seed: 15 },
    );
  });
});

it('bash is there to judge (the property tests above need it)', () => {
  expect(execFileSync('/bin/bash', ['-c', 'echo ok'], { encoding: 'utf8' })).toBe('ok\n');
});
