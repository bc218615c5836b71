import { it } from 'vitest';
import { runCli } from './test-support.js';

it('scratch', async () => {
  const cases = [
    ['frobnicate'], ['run', '--frob'], ['run'], ['run', '--target', 'http://127.0.0.1:1', '--spec', '/nope.yaml', '--report-dir', '/tmp/mc-scratch/a'],
    ['run', '--config', '/tmp/mc-scratch/broken.json', '--report-dir', '/tmp/mc-scratch/b'], ['run', '--target', 'http://127.0.0.1:1', '--quiet', '--report-dir', '/tmp/mc-scratch/c'],
    ['run', '--config', '/tmp/mc-scratch/none.json'], ['compare', 'a.json'], ['diff', '/nope.json', '/nope2.json'], ['report', '--from', '/nope.ndjson'], ['replay', '--report', '/nope.json'], ['validate', '/nope.har'], ['merge', '/nope.ndjson'], ['lint-spec', '/nope.yaml'], ['serve', '--fault', 'nope'], ['run', '--runs', 'x', '--target', 'http://x']
  ];
  for (const c of cases) {
    const r = await runCli(c, { MISTRAL_API_KEY: 'sk-scratch-key-0123456789' });
    console.log(JSON.stringify(c), r.code, JSON.stringify(r.stderr), JSON.stringify(r.stdout.slice(0, 200)));
  }
}, 120000);
