// The Mistral contracts by name: each is a published OpenAPI document plus its own errata overlay.
// This is the one place that knows which files make up a contract; everything else asks here
// (`contractById`, or the `pinnedSpecPath`/`pinnedErrataPath` aliases for the default contract).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../openapi/paths.js';

export interface MistralContract {
  /** Stable name, used on the command line and in reports: `2024-11`. */
  id: string;
  title: string;
  /** When upstream published the document (YYYY-MM-DD). */
  date: string;
  /** The document, relative to the package root (byte for byte the upstream file). */
  spec: string;
  /** Its errata overlay, relative to the package root. */
  errata: string;
  /** Operations in the document (a test checks it against the loaded document). */
  operations: number;
  /** `info.version` inside the document (upstream's own, unrelated to the file name). */
  infoVersion: string;
  /** Upstream origin, as recorded in specs/mistral/SOURCE.md. */
  upstream: { repository: string; path: string; commit: string };
}

const UPSTREAM = { repository: 'mistralai/platform-docs-public', path: 'openapi.yaml' };

export const CONTRACTS: readonly MistralContract[] = [
  {
    id: '2024-11',
    title: 'Mistral AI API, November 2024 (the pinned contract: chat, FIM, embeddings, moderations, files, fine-tuning, batch, agents completions)',
    date: '2024-11-18',
    spec: 'specs/mistral/openapi-0.0.100.yaml',
    errata: 'specs/mistral/errata.overlay.yaml',
    operations: 26,
    infoVersion: '0.0.2',
    upstream: { ...UPSTREAM, commit: '89abfa4879279981adde99e23c0cda8153da6eef' },
  },
  {
    id: '2026-07',
    title: 'Mistral AI API, July 2026 (the current API: conversations, agents, libraries, OCR, audio, classifiers, batch, workflows, connectors)',
    date: '2026-07-15',
    spec: 'specs/mistral/openapi-1.1.33.yaml',
    errata: 'specs/mistral/errata-2026-07.overlay.yaml',
    operations: 173,
    infoVersion: '1.0.0',
    upstream: { ...UPSTREAM, commit: '2f0dd463a706828e3af653bfe89c356ae8183605' },
  },
];

/** The contract names, for `--contract` and the config file. */
export const CONTRACT_IDS: readonly string[] = CONTRACTS.map((c) => c.id);

/** The contract runs use when none is named (and no other document is given with `--spec`). */
export const DEFAULT_CONTRACT_ID = '2024-11';

export function contractById(id: string): MistralContract | undefined {
  return CONTRACTS.find((c) => c.id === id);
}

/** The contract named `id`; throws naming the known ones when there is none. */
export function requireContract(id: string): MistralContract {
  const found = contractById(id);
  if (!found) throw new Error(`unknown contract "${id}" (known: ${CONTRACTS.map((c) => c.id).join(', ')})`);
  return found;
}

export const contractSpecPath = (c: MistralContract): string => join(packageRoot(), c.spec);
export const contractErrataPath = (c: MistralContract): string => join(packageRoot(), c.errata);

const defaultContract = (): MistralContract => requireContract(DEFAULT_CONTRACT_ID);

/** The default contract's document (the name predates the registry; many callers use it). */
export const pinnedSpecPath = (): string => contractSpecPath(defaultContract());
/** The default contract's errata overlay. */
export const pinnedErrataPath = (): string => contractErrataPath(defaultContract());

const shaCache = new Map<string, string>();
/** sha256 of a contract's document bytes (what a report's `spec.sha256` records). */
function documentSha256(c: MistralContract): string {
  let sha = shaCache.get(c.id);
  if (sha === undefined) {
    sha = createHash('sha256')
      .update(readFileSync(contractSpecPath(c)))
      .digest('hex');
    shaCache.set(c.id, sha);
  }
  return sha;
}

/**
 * The contract a report judged against: the one it names, else the contract whose document has the
 * report's sha256 (reports written before runs named their contract). Undefined for any other document.
 */
export function contractOfSpec(spec: { contract?: string; sha256?: string }): string | undefined {
  if (spec.contract) return spec.contract;
  if (!spec.sha256) return undefined;
  return CONTRACTS.find((c) => documentSha256(c) === spec.sha256)?.id;
}

/** The document, its default overlays and the contract's name (none for another document given by `spec`). */
export function contractLocation(opts: { contract?: string; spec?: string }): { location: string; overlays: string[]; contract?: string } {
  if (opts.spec !== undefined && opts.contract !== undefined)
    throw new Error(
      `[mistral-conformance] Failed to choose the contract: both a contract (${opts.contract}) and a spec (${opts.spec}) were given. Give --contract NAME for a Mistral contract, or --spec PATH for any other document`,
    );
  if (opts.spec !== undefined) return { location: opts.spec, overlays: [] };
  let named: MistralContract;
  try {
    named = requireContract(opts.contract ?? DEFAULT_CONTRACT_ID);
  } catch (err) {
    throw new Error(`[mistral-conformance] Failed to choose the contract: ${(err as Error).message}. Run mistral-conformance contracts`);
  }
  return { location: contractSpecPath(named), overlays: [contractErrataPath(named)], contract: named.id };
}
