// The Mistral contracts by name: each is a published OpenAPI document plus its own errata overlay.
// This is the one place that knows which files make up a contract; everything else asks here
// (`contractById`, or the `pinnedSpecPath`/`pinnedErrataPath` aliases for the default contract).
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

/** The contract runs use when none is named (until the CLI offers `--contract`). */
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
