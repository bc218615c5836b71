// `mistral-conformance spec-diff OLD NEW`: operations added, removed and renamed between two versions of
// an OpenAPI document, and the changes of kept operations that break a client or a server.
import { writeFile } from 'node:fs/promises';
import { renderSpecDiffMarkdown } from '../../../reporters/spec-diff.js';
import { contractById, contractErrataPath, contractSpecPath } from '../../mistral/contracts.js';
import { loadSpec } from '../../openapi/load-spec.js';
import { diffSpecs, type SpecDiff } from '../../openapi/spec-diff/spec-diff.js';
import { list, parse, str } from '../args.js';
import { EXIT, UsageError } from '../errors.js';

const HELP = `Usage: mistral-conformance spec-diff OLD NEW [--format markdown|json] [--output FILE]
                                     [--old-errata OVERLAY]... [--new-errata OVERLAY]... [--no-errata] [--allow-remote-refs]

Compares two versions of an OpenAPI document. OLD and NEW are documents (path or URL) or contract names
(2024-11, 2026-07: the shipped document with its errata). Operations are matched by method and path
(#variant keys kept, path parameter names ignored), not by operationId. Lists operations added, removed
and renamed, and per kept operation the request and response changes that break a client (a required
field added, an enum value or a property removed, new values in answers) or a server (new request
fields, response members now required, a status no longer documented).
  --old-errata, --new-errata   overlays applied to a document given by path (a contract brings its own)
  --no-errata                  compare the documents as published, contracts included
Exit 0 when the diff was written.
`;

interface Side {
  location: string;
  overlays: string[];
}

function side(arg: string, errata: string[], noErrata: boolean): Side {
  const contract = contractById(arg);
  if (contract) return { location: contractSpecPath(contract), overlays: noErrata ? [] : [contractErrataPath(contract), ...errata] };
  return { location: arg, overlays: noErrata ? [] : errata };
}

export async function computeSpecDiff(
  oldArg: string,
  newArg: string,
  opts: { oldErrata?: string[]; newErrata?: string[]; noErrata?: boolean; allowRemoteRefs?: boolean } = {},
): Promise<SpecDiff> {
  const [a, b] = [side(oldArg, opts.oldErrata ?? [], opts.noErrata === true), side(newArg, opts.newErrata ?? [], opts.noErrata === true)];
  const load = (s: Side) => loadSpec(s.location, { overlays: s.overlays, ...(opts.allowRemoteRefs ? { allowRemoteRefs: true } : {}) });
  const [x, y] = await Promise.all([load(a), load(b)]);
  return diffSpecs(x, y);
}

export async function specDiffCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    format: { type: 'string' },
    output: { type: 'string' },
    'old-errata': { type: 'string', multiple: true },
    'new-errata': { type: 'string', multiple: true },
    'no-errata': { type: 'boolean' },
    'allow-remote-refs': { type: 'boolean' },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return EXIT.pass;
  }
  if (positionals.length !== 2) throw new UsageError('spec-diff needs OLD and NEW (documents or contract names, see --help)');
  const format = str(values, 'format') ?? 'markdown';
  if (format !== 'markdown' && format !== 'json') throw new UsageError(`--format must be markdown or json (got "${format}")`);
  const diff = await computeSpecDiff(positionals[0]!, positionals[1]!, {
    oldErrata: list(values, 'old-errata'),
    newErrata: list(values, 'new-errata'),
    noErrata: values['no-errata'] === true,
    allowRemoteRefs: values['allow-remote-refs'] === true,
  });
  const text = format === 'json' ? `${JSON.stringify(diff, null, 2)}\n` : renderSpecDiffMarkdown(diff);
  const output = str(values, 'output');
  if (output) await writeFile(output, text);
  else process.stdout.write(text);
  return EXIT.pass;
}
