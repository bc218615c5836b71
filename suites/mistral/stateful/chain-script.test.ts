import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LoadedSpec } from '../../openapi/load-spec.js';
import { executeCase } from '../../engine/execute-case.js';
import { toCurl } from '../../engine/transport/curl.js';
import { chainScript, substituteShellValue } from './chain-script.js';
import { statefulScenarios } from './scenarios/index.js';
import { pinnedSpec } from './test-support/check-context.js';
import { fakeHandlers } from './test-support/fake-handlers.js';
import { FakeStore } from './test-support/fake-store.js';
import { fetchSend } from './test-support/fetch-send.js';
import { serveHandlers } from './test-support/http-bridge.js';
import { testInfo } from './test-support/run-scenarios.js';

let spec: LoadedSpec;
beforeAll(async () => {
  spec = await pinnedSpec();
});

describe('substituteShellValue', () => {
  it.each([
    [`curl 'http://h/v1/files/ID'`, `curl 'http://h/v1/files/'"\${V}"''`],
    [`--data-raw '{"file_id":"ID"}'`, `--data-raw '{"file_id":"'"\${V}"'"}'`],
    [`echo "x ID"`, `echo "x \${V}"`],
    [`echo ID`, `echo "\${V}"`],
  ])('%s', (line, expected) => expect(substituteShellValue(line, 'ID', 'V')).toBe(expected));
});

describe('chainScript', () => {
  it('replays a whole files chain with curl and jq, ids flowing through shell variables', async () => {
    const recorded = new FakeStore();
    const live = new FakeStore();
    const server = await serveHandlers((base) => fakeHandlers(recorded, base));
    const replayServer = await serveHandlers((base) => fakeHandlers(live, base));
    try {
      const files = statefulScenarios({ info: testInfo, spec, seed: 3, readOnly: false, allowCostly: true }).find((c) => c.id.includes('files-lifecycle'))!;
      const send = fetchSend(server.url);
      const run = await executeCase(files, (r, step) => send(r, step));
      const script = chainScript(files, run.exchanges, replayServer.url, (r, base) => toCurl(r, base));
      expect(script).not.toContain('test-key');
      expect(script).toContain('$MISTRAL_API_KEY');
      expect(script).toMatch(/FILE_ID_0=\$\(printf '%s' "\$RESPONSE_0" \| jq -r '\.id'\)/);
      const dir = mkdtempSync(join(tmpdir(), 'mc-chain-'));
      writeFileSync(join(dir, 'chain.sh'), script);
      // Async: the fake answers from this very process, so its event loop must keep running.
      const { stdout: out } = await promisify(execFile)('bash', [join(dir, 'chain.sh')], {
        env: { PATH: process.env.PATH ?? '', MISTRAL_API_KEY: 'k' },
        encoding: 'utf8',
        timeout: 30_000,
      });
      // The replay created its own files, deleted them again, and saw the 404s of the original chain.
      expect([...live.files.values()].filter((f) => !f.preexisting)).toEqual([]);
      expect(out.match(/HTTP\/1\.1 404/g)?.length).toBe(4);
    } finally {
      await server.close();
      await replayServer.close();
    }
  });

  it('captures the fine-tuned model from the job answer that named it', async () => {
    const recorded = new FakeStore();
    const server = await serveHandlers((base) => fakeHandlers(recorded, base));
    try {
      const ft = statefulScenarios({ info: testInfo, spec, seed: 3, readOnly: false, allowCostly: true }).find((c) => c.id.includes('fine-tuning-lifecycle'))!;
      const send = fetchSend(server.url);
      const run = await executeCase(ft, (r, step) => send(r, step));
      const script = chainScript(ft, run.exchanges, 'http://target', (r, base) => toCurl(r, base));
      expect(script).toMatch(/MODEL_ID_\d+=\$\(printf '%s' "\$RESPONSE_\d+" \| jq -r '\.fine_tuned_model'\)/);
      expect(script).toMatch(/-X PATCH 'http:\/\/target\/v1\/fine_tuning\/models\/'"\$\{MODEL_ID_\d+\}"''/);
      expect(script).toContain(`'{"model":"open-mistral-7b","training_files":[{"file_id":"'"\${FILE_ID_0}"'"`);
    } finally {
      await server.close();
    }
  });
});
