// `mistral-conformance lint-spec [PATH]`: defects of an OpenAPI document, and which errata fix them.
import { runLintSpec } from '../lint-run.js';
import { pinnedErrataPath, pinnedSpecPath } from '../../mistral/contracts.js';
import { list, parse } from '../args.js';
import { EXIT } from '../errors.js';

const HELP = `Usage: mistral-conformance lint-spec [PATH|URL] [--errata OVERLAY]... [--no-errata] [--allow-remote-refs]

Finds defects in an OpenAPI 3.0/3.1 document: required properties never declared, constructs invalid
in JSON Schema 2020-12, examples that fail their own schema, discriminators not required, ...
Without PATH, lints the pinned Mistral spec against its errata. Exit 1 when a defect is not fixed by errata.
--allow-remote-refs lets the document's $refs fetch http(s) documents from other origins (off by default).
`;

export async function lintSpecCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    errata: { type: 'string', multiple: true },
    'no-errata': { type: 'boolean' },
    'allow-remote-refs': { type: 'boolean' },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return EXIT.pass;
  }
  const path = positionals[0] ?? pinnedSpecPath();
  const errata = values['no-errata'] ? [] : list(values, 'errata').length ? list(values, 'errata') : positionals[0] ? [] : [pinnedErrataPath()];
  const r = await runLintSpec(path, { errata, ...(values['allow-remote-refs'] ? { allowRemoteRefs: true } : {}) });
  process.stdout.write(`${r.text}\n`);
  return r.exitCode;
}
