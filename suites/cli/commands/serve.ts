// `mistral-conformance serve`: the reference server, for manual runs and other tools.
import { formatFaultList, isFaultName, startReferenceServer, type FaultName } from '../../../fixtures/reference-server/index.js';
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
  const fault = faultFlag(str(values, 'fault'));
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

function faultFlag(name: string | undefined): FaultName | undefined {
  if (!name) return undefined;
  if (!isFaultName(name)) throw new UsageError(`unknown fault "${name}" (see serve --list-faults)`);
  return name;
}
