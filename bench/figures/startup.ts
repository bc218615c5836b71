// Start-up: from spawning `run` to the first request the target receives.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnCli } from '../cli-child.js';
import { startFirstRequestServer } from '../first-request-server.js';

export async function measureStartupMs(extraArgs: string[]): Promise<number> {
  const server = await startFirstRequestServer();
  const dir = await mkdtemp(join(tmpdir(), 'mc-bench-startup-'));
  const run = spawnCli(['run', '--target', server.url, '--quiet', '--report-dir', dir, '--format', 'json', ...extraArgs], { MISTRAL_API_KEY: 'bench-key' });
  try {
    const exited = run.done.then((r) => {
      throw new Error(
        `[mistral-conformance] Failed to measure start-up: the run exited (${r.code ?? r.signal}) before sending a request: ${r.stderr.trim().split('\n').pop() ?? ''}.`,
      );
    });
    const at = await Promise.race([server.firstRequest, exited]);
    return at - run.startedAt;
  } finally {
    // Only the start-up matters: end our own child now.
    run.child.kill('SIGKILL');
    await run.done.catch(() => undefined);
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
}
