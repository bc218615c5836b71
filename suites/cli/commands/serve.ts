// `mistral-conformance serve`: the reference server, for manual runs and other tools.
import { formatFaultList, isFaultName, startReferenceServer, type FaultName } from '../../../fixtures/reference-server/index.js';
import { int, parse, str } from '../args.js';
import { EXIT, UsageError } from '../errors.js';

/** The key `serve` enforces when none is given: the same as --embedded's, printed at start. */
export const DEFAULT_SERVE_KEY = 'reference-key';

const HELP = `Usage: mistral-conformance serve [--port N] [--host H] [--fault NAME] [--api-key KEY | --any-key] [--list-faults]

Starts the reference server: a conforming Mistral API on 127.0.0.1 (port 0 = any free port).
It enforces a key like the real API (the key is printed at start), so a run against it fails only
on the fault switched on.
  --fault NAME     switch on one deviation (the suite must catch it; see --list-faults)
  --api-key KEY    the key to accept (also REFERENCE_SERVER_API_KEY; default ${DEFAULT_SERVE_KEY})
  --any-key        accept any non-empty key (not conforming: the auth checks then fail)
  --list-faults    list the faults with the operations and the check expected to catch each
`;

export async function serveCommand(argv: string[]): Promise<number> {
  const { values } = parse(
    argv,
    {
      port: { type: 'string' },
      host: { type: 'string' },
      fault: { type: 'string' },
      'api-key': { type: 'string' },
      'any-key': { type: 'boolean' },
      'list-faults': { type: 'boolean' },
    },
    false,
  );
  if (values.help) {
    process.stdout.write(HELP);
    return EXIT.pass;
  }
  if (values['list-faults']) {
    process.stdout.write(`${formatFaultList()}\n`);
    return EXIT.pass;
  }
  const fault = faultFlag(str(values, 'fault'));
  const anyKey = values['any-key'] === true;
  const given = str(values, 'api-key') ?? (process.env.REFERENCE_SERVER_API_KEY || undefined);
  if (anyKey && given) throw new UsageError('--any-key and --api-key (or REFERENCE_SERVER_API_KEY) contradict each other: give one');
  const apiKey = anyKey ? undefined : (given ?? DEFAULT_SERVE_KEY);
  const server = await startReferenceServer({
    port: int(values, 'port', 0),
    host: str(values, 'host') ?? '127.0.0.1',
    ...(fault ? { fault } : {}),
    ...(apiKey ? { apiKey } : {}),
  });
  process.stdout.write(`reference server listening on ${server.url}${fault ? ` with fault ${fault}` : ''}\n`);
  // The key of a local test server is not a secret; a key the user chose is not repeated.
  if (apiKey === DEFAULT_SERVE_KEY) {
    process.stdout.write(`API key: ${apiKey}  (MISTRAL_API_KEY=${apiKey} mistral-conformance run --target ${server.url})\n`);
  } else if (apiKey) {
    process.stdout.write('API key: the one given with --api-key or REFERENCE_SERVER_API_KEY\n');
  } else {
    process.stdout.write('API key: any non-empty key is accepted (--any-key: ignored-auth will fail)\n');
  }
  await new Promise<void>((resolve) => {
    const stop = (): void => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  return EXIT.pass;
}

function faultFlag(name: string | undefined): FaultName | undefined {
  if (!name) return undefined;
  if (!isFaultName(name)) throw new UsageError(`unknown fault "${name}" (see serve --list-faults)`);
  return name;
}
