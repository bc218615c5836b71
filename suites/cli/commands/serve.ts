// `mistral-conformance serve`: the reference server, for manual runs and other tools.
import { formatFaultList, listFaults, startReferenceServer } from '../../../fixtures/reference-server/index.js';
import { int, parse, str } from '../args.js';
import { EXIT, UsageError } from '../errors.js';

const HELP = `Usage: mistral-conformance serve [--port N] [--host H] [--fault NAME] [--api-key KEY] [--list-faults]

Starts the reference server: a conforming Mistral API on 127.0.0.1 (port 0 = any free port).
  --fault NAME     switch on one deviation (the suite must catch it; see --list-faults)
  --api-key KEY    accept only this key (also REFERENCE_SERVER_API_KEY); any non-empty key otherwise
  --list-faults    list the faults with the operations and the check expected to catch each
`;

export async function serveCommand(argv: string[]): Promise<number> {
  const { values } = parse(
    argv,
    { port: { type: 'string' }, host: { type: 'string' }, fault: { type: 'string' }, 'api-key': { type: 'string' }, 'list-faults': { type: 'boolean' } },
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
  const fault = str(values, 'fault');
  if (fault && !listFaults().some((f) => f.name === fault)) throw new UsageError(`unknown fault "${fault}" (see serve --list-faults)`);
  const apiKey = str(values, 'api-key');
  const server = await startReferenceServer({
    port: int(values, 'port', 0),
    host: str(values, 'host') ?? '127.0.0.1',
    ...(fault ? { fault } : {}),
    ...(apiKey ? { apiKey } : {}),
  });
  process.stdout.write(`reference server listening on ${server.url}${fault ? ` with fault ${fault}` : ''}\n`);
  await new Promise<void>((resolve) => {
    const stop = (): void => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  return EXIT.pass;
}
