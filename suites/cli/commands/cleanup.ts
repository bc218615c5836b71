// `mistral-conformance cleanup --from events.ndjson`: undoes what a run created and did not clean up
// (it was killed with -9, its clean-up ran out of --cleanup-timeout, or a request failed). The log
// names every resource as soon as an answer named it; this deletes files and models and cancels jobs,
// rebuilding each request from the resource's kind and id (never sending a request the log spells
// out), with the key from the environment, to the target the log names unless --target says otherwise.
import { readEventLog } from '../../../reporters/ndjson.js';
import { escapeControls } from '../../../reporters/control-chars.js';
import type { RunStarted } from '../../engine/events.js';
import { pendingResources, type PendingResource } from '../../engine/pending-resources.js';
import { createSecretRegistry } from '../../engine/secrets/registry.js';
import { createTransport, type Transport } from '../../engine/transport/http-client.js';
import type { AuthHeaderConfig } from '../../engine/transport/build-request.js';
import { undoRequest } from '../../mistral/stateful/index.js';
import { DEFAULT_API_KEY_ENV } from '../../options/table.js';
import { tool } from '../../version.js';
import { parse, str } from '../args.js';
import { EXIT, UsageError } from '../errors.js';
import { cliSecrets } from '../secrets.js';

const HELP = `Usage: mistral-conformance cleanup --from events.ndjson [--target URL] [--api-key-env NAME] [--dry-run]

Deletes the files and models and cancels the jobs a run created and did not clean up (the run was
killed, or its clean-up was cut short by --cleanup-timeout). The run's event log lists each one as
soon as the target named it. The key is read from the environment (the run's --api-key-env, or the
one given) and sent to the target the log names, or to --target.

  --from FILE          the run's events.ndjson
  --target URL         the server to clean up (default: the run's target, as the log names it)
  --api-key-env NAME   environment variable holding the key (default: the run's, else MISTRAL_API_KEY)
  --dry-run            list what would be undone, send nothing

Exit codes: 0 nothing left, 1 some resources could not be undone, 2 could not run.
`;

/** One line of output: the log and the target's words may hold anything. */
const show = (text: string): string => escapeControls(cliSecrets().redactor().text(text));

function runOf(events: Awaited<ReturnType<typeof readEventLog>>, from: string): RunStarted {
  const started = events.find((e): e is RunStarted => e.type === 'run-started');
  if (!started) throw new UsageError(`${from} holds no run-started event: it is not the log of a run`);
  return started;
}

async function undo(transport: Transport, r: PendingResource): Promise<{ ok: boolean; line: string }> {
  const request = undoRequest(r.kind, r.id);
  if (!request) return { ok: false, line: `${r.kind} ${r.id}: not a kind this tool knows how to undo` };
  const ex = await transport.send(request);
  const status = ex.response?.status;
  const what = `${request.method} ${request.path}`;
  if (status !== undefined && status >= 200 && status < 300) return { ok: true, line: `${r.kind} ${r.id}: undone (${what} → ${status})` };
  if (status === 404) return { ok: true, line: `${r.kind} ${r.id}: already gone (${what} → 404)` };
  const why = ex.error ? `${ex.error.kind}: ${ex.error.message}` : `HTTP ${status}: ${ex.response?.bodyText.slice(0, 200) ?? ''}`;
  return { ok: false, line: `${r.kind} ${r.id}: could not undo (${what} → ${why})` };
}

export async function cleanupCommand(argv: string[]): Promise<number> {
  const { values } = parse(
    argv,
    { from: { type: 'string' }, target: { type: 'string' }, 'api-key-env': { type: 'string' }, 'dry-run': { type: 'boolean' } },
    false,
  );
  if (values.help) {
    process.stdout.write(HELP);
    return EXIT.pass;
  }
  const from = str(values, 'from');
  if (!from) throw new UsageError('cleanup needs --from events.ndjson (see --help)');
  const events = await readEventLog(from);
  const run = runOf(events, from);
  const pending = pendingResources(events);
  const target = str(values, 'target') ?? run.target;
  if (!pending.length) {
    process.stdout.write(`nothing to clean up: the run left nothing on ${show(target)}\n`);
    return EXIT.pass;
  }
  process.stdout.write(`${pending.length} resources to undo on ${show(target)}\n`);
  if (values['dry-run'] === true) {
    for (const r of pending) process.stdout.write(`  ${show(`${r.kind} ${r.id}`)}\n`);
    return EXIT.pass;
  }
  const keyEnv = str(values, 'api-key-env') ?? (typeof run.options.apiKeyEnv === 'string' ? run.options.apiKeyEnv : DEFAULT_API_KEY_ENV);
  const apiKey = process.env[keyEnv];
  if (!apiKey) throw new UsageError(`no key: set ${keyEnv} (or give --api-key-env NAME) to clean up ${target}`);
  cliSecrets().add(apiKey);
  const authHeader = run.options.authHeader as AuthHeaderConfig | undefined;
  const transport = createTransport({
    baseUrl: target,
    apiKey,
    ...(authHeader?.name ? { authHeader } : {}),
    userAgent: `mistral-conformance/${tool().version}`,
    timeoutMs: 30_000,
    maxResponseBytes: 1024 * 1024,
    streamIdleTimeoutMs: 15_000,
    streamTotalTimeoutMs: 30_000,
    maxStreamBytes: 1024 * 1024,
    secrets: createSecretRegistry([apiKey]).values(),
    retry: {},
  });
  let failed = 0;
  try {
    for (const r of pending) {
      const result = await undo(transport, r);
      if (!result.ok) failed++;
      process.stdout.write(`  ${show(result.line)}\n`);
    }
  } finally {
    await transport.close();
  }
  process.stdout.write(failed ? `${failed} of ${pending.length} could not be undone\n` : `all ${pending.length} undone\n`);
  return failed ? EXIT.fail : EXIT.pass;
}
