// `mistral-conformance contracts`: the Mistral contracts a run can name with --contract.
import { CONTRACTS, DEFAULT_CONTRACT_ID, type MistralContract } from '../../mistral/contracts.js';
import { parse } from '../args.js';
import { EXIT } from '../errors.js';

const HELP = `Usage: mistral-conformance contracts [--json]

Lists the Mistral contracts (a published OpenAPI document plus its own errata overlay) that run, validate,
serve and lint-spec accept as --contract NAME. Any other document: --spec PATH. --json prints them as JSON.
`;

export function renderContracts(contracts: readonly MistralContract[] = CONTRACTS): string {
  const lines = ['Mistral contracts (--contract NAME; any other document: --spec PATH)', ''];
  for (const c of contracts) {
    lines.push(`${c.id}${c.id === DEFAULT_CONTRACT_ID ? ' (default)' : ''}  published ${c.date}, ${c.operations} operations`);
    lines.push(`  ${c.title}`);
    lines.push(`  document ${c.spec} (info.version ${c.infoVersion}), errata ${c.errata}`);
    lines.push(`  from ${c.upstream.repository} ${c.upstream.path} @ ${c.upstream.commit.slice(0, 12)}`, '');
  }
  lines.push('What changed between them: mistral-conformance spec-diff 2024-11 2026-07 (and docs/CONTRACTS.md).');
  return lines.join('\n');
}

export async function contractsCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, { json: { type: 'boolean' } }, false);
  if (values.help) {
    process.stdout.write(HELP);
    return EXIT.pass;
  }
  if (values.json) {
    const out = CONTRACTS.map((c) => ({ ...c, default: c.id === DEFAULT_CONTRACT_ID }));
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    return EXIT.pass;
  }
  process.stdout.write(`${renderContracts()}\n`);
  return EXIT.pass;
}
