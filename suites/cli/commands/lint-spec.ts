// `mistral-conformance lint-spec [PATH]`: defects of an OpenAPI document, and which errata fix them.
import { CONTRACT_IDS, contractLocation, DEFAULT_CONTRACT_ID } from '../../mistral/contracts.js';
import { runLintSpec } from '../lint-run.js';
import { list, parse } from '../args.js';
import { EXIT, UsageError } from '../errors.js';
import { contractChoice, contractFlagSpec } from '../options/contract-flags.js';

const HELP = `Usage: mistral-conformance lint-spec [PATH|URL | --contract NAME] [--errata OVERLAY]... [--no-errata] [--allow-remote-refs]

Finds defects in an OpenAPI 3.0/3.1 document: required properties never declared, constructs invalid
in JSON Schema 2020-12, examples that fail their own schema, discriminators not required, ...
Without PATH, lints a Mistral contract (--contract ${CONTRACT_IDS.join('|')}, default ${DEFAULT_CONTRACT_ID}) against its own errata.
Exit 1 when a defect is not fixed by errata.
--allow-remote-refs lets the document's $refs fetch http(s) documents from other origins (off by default).
`;

export async function lintSpecCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { ...contractFlagSpec() });
  if (values.help) {
    process.stdout.write(HELP);
    return EXIT.pass;
  }
  const choice = contractChoice(values);
  const spec = positionals[0] ?? choice.spec;
  if (positionals[0] && choice.spec) throw new UsageError('give the document once: as PATH or as --spec, not both');
  let named: ReturnType<typeof contractLocation>;
  try {
    named = contractLocation({ ...(spec ? { spec } : {}), ...(choice.contract ? { contract: choice.contract } : {}) });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const errata = values['no-errata'] ? [] : list(values, 'errata').length ? list(values, 'errata') : named.overlays;
  const r = await runLintSpec(named.location, { errata, ...(choice.allowRemoteRefs ? { allowRemoteRefs: true } : {}) });
  process.stdout.write(`${r.text}\n`);
  return r.exitCode;
}
