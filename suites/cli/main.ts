#!/usr/bin/env node
// Entry point of the `mistral-conformance` command. Every failure to run ends in one line and exit 2.
import { EXIT, formatError, UsageError } from './errors.js';
import { cliSecrets } from './secrets.js';
import { toolVersion } from '../version.js';
import { CONTRACT_IDS } from '../mistral/contracts.js';

const HELP = `Usage: mistral-conformance <command> [options]

Commands
  run         run the conformance suite against a target (or --embedded, or --config)
  serve       start the reference server (a conforming Mistral API, with optional faults)
  contracts   list the Mistral contracts (--contract NAME): ${CONTRACT_IDS.join(', ')}
  lint-spec   find defects in an OpenAPI document
  spec-diff   what changed between two versions of a document, and whom it breaks
  validate    check recorded traffic (HAR 1.2 or NDJSON) offline with the same checks
  report      rebuild reports from an events.ndjson log
  compare     put several reports side by side (vendor comparison)
  diff        compare a run with a baseline run (regressions)
  replay      re-run one failing case from a report
  merge       combine shard reports or event logs into one report
  cleanup     undo what a run created and left behind (from its events.ndjson)

Run "mistral-conformance <command> --help" for its options.
Exit codes: 0 passed, 1 failures found, 2 could not run, 130 interrupted (143 on SIGTERM).
`;

type Command = (argv: string[]) => Promise<number>;

const COMMANDS: Record<string, () => Promise<Command>> = {
  run: async () => (await import('./commands/run.js')).runCommand,
  serve: async () => (await import('./commands/serve.js')).serveCommand,
  contracts: async () => (await import('./commands/contracts.js')).contractsCommand,
  'lint-spec': async () => (await import('./commands/lint-spec.js')).lintSpecCommand,
  'spec-diff': async () => (await import('./commands/spec-diff.js')).specDiffCommand,
  validate: async () => (await import('./commands/validate.js')).validateCommand,
  report: async () => (await import('./commands/report.js')).reportCommand,
  compare: async () => (await import('./commands/compare.js')).compareCommand,
  diff: async () => (await import('./commands/diff.js')).diffCommand,
  replay: async () => (await import('./commands/replay.js')).replayCommand,
  merge: async () => (await import('./commands/merge.js')).mergeCommand,
  cleanup: async () => (await import('./commands/cleanup.js')).cleanupCommand,
};

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
  const load = COMMANDS[name];
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
