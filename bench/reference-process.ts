// The reference server in its own process (`serve --port 0`), so that the suite and the server do not
// share one event loop and the figures say what the suite costs, not what both cost together.
import { spawnCli } from './cli-child.js';

export interface ReferenceProcess {
  url: string;
  pid: number;
  close(): Promise<void>;
}

const LISTENING = /listening on (http:\/\/\S+)/;

export async function startReferenceProcess(apiKey: string): Promise<ReferenceProcess> {
  const run = spawnCli(['serve', '--port', '0', '--api-key', apiKey]);
  const { child } = run;
  const url = await new Promise<string>((resolve, reject) => {
    let seen = '';
    const onData = (d: Buffer): void => {
      seen += d.toString();
      const m = LISTENING.exec(seen);
      if (m) {
        child.stdout!.off('data', onData);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', onData);
    run.done.then(
      (r) =>
        reject(
          new Error(
            `[mistral-conformance] Failed to start the reference server: it exited with ${r.code ?? r.signal} (${r.stderr.trim().split('\n').pop() ?? ''}). Run npm run build first.`,
          ),
        ),
      reject,
    );
  });
  return {
    url,
    pid: child.pid!,
    async close() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await run.done.catch(() => undefined);
    },
  };
}
