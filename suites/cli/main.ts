#!/usr/bin/env node
// Entry point of the `mistral-conformance` command. Every failure to run ends in one line and exit 2.
import { EXIT, formatError, UsageError } from './errors.js';
import { cliSecrets } from './secrets.js';
import { toolVersion } from '../version.js';
import { COMMANDS, renderCommandsHelp } from './commands-table.js';

const HELP = `Usage: mistral-conformance <command> [options]

Commands
${renderCommandsHelp()}

Run "mistral-conformance <command> --help" for its options.
Exit codes: 0 passed, 1 failures found, 2 could not run, 130 interrupted (143 on SIGTERM).
`;

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(HELP);
    return name ? EXIT.pass : EXIT.usage;
  }
  if (name === '--version' || name === '-v') {
    process.stdout.write(`${toolVersion()}\n`);
    return EXIT.pass;
  }
  const load = COMMANDS.find((c) => c.name === name)?.load;
  if (!load) {
    process.stderr.write(`${formatError(new UsageError(`unknown command "${name}"`))}. Run mistral-conformance --help.\n`);
    return EXIT.usage;
  }
  try {
    return await (await load())(rest);
  } catch (err) {
    process.stderr.write(`${formatError(err, cliSecrets().values())}\n`);
    if (process.env.MISTRAL_CONFORMANCE_DEBUG && err instanceof Error && err.stack) process.stderr.write(`${cliSecrets().redactor().text(err.stack)}\n`);
    return EXIT.usage;
  }
}

// Run when executed directly (not when imported by tests).
const invoked = process.argv[1] ?? '';
if (invoked.endsWith('main.js') || invoked.endsWith('mistral-conformance')) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`${formatError(err, cliSecrets().values())}\n`);
      process.exitCode = EXIT.usage;
    },
  );
}
