// `spec-diff OLD NEW`: which operations two versions of an OpenAPI document add, remove and rename,
// and per kept operation the changes that break a client or a server built on the old one. Operations
// are matched by method and path key (`#variant` suffixes kept, path parameter names ignored), never
// by operationId, which versions rename.
import type { Operation } from '../model.js';
import { diffOperation, type OperationChange } from './operation-diff.js';
import type { Party } from './schema-diff.js';

export interface DiffInput {
  /** The document as runs use it (errata applied, normalised): schemas are read from it. */
  document: unknown;
  operations: Operation[];
  info: { title: string; version: string; source: string };
}

export interface OperationRef {
  method: string;
  /** The path key as the document writes it (with any `#variant`). */
  path: string;
  operationId: string;
  tags: string[];
}

export interface ChangedOperation extends OperationRef {
  /** The operationId in the old document, when it was renamed. */
  oldOperationId?: string;
  changes: OperationChange[];
}

export interface SpecDiff {
  old: { title: string; version: string; source: string; operations: number };
  new: { title: string; version: string; source: string; operations: number };
  added: OperationRef[];
  removed: OperationRef[];
  /** Kept operations whose operationId changed. */
  renamed: Array<{ method: string; path: string; from: string; to: string }>;
  /** Kept operations with at least one change (breaking or not). */
  changed: ChangedOperation[];
  /** Kept operations with no change at all. */
  unchanged: number;
  summary: { kept: number; breaking: { client: number; server: number }; breakingOperations: number };
}

/** `post /v1/models/{}#stream`: method and path key with parameter names dropped. */
export function operationKey(op: Pick<Operation, 'method' | 'pathKey'>): string {
  return `${op.method} ${op.pathKey.replace(/\{[^}]*\}/g, '{}')}`;
}

const ref = (op: Operation): OperationRef => ({ method: op.method, path: op.pathKey, operationId: op.id, tags: op.tags });
const byKey = (a: OperationRef, b: OperationRef): number => a.path.localeCompare(b.path) || a.method.localeCompare(b.method);

export function diffSpecs(oldSpec: DiffInput, newSpec: DiffInput): SpecDiff {
  const next = new Map(newSpec.operations.map((op) => [operationKey(op), op]));
  const prev = new Map(oldSpec.operations.map((op) => [operationKey(op), op]));
  const removed: OperationRef[] = [];
  const renamed: SpecDiff['renamed'] = [];
  const changed: ChangedOperation[] = [];
  let unchanged = 0;
  for (const [k, a] of prev) {
    const b = next.get(k);
    if (!b) {
      removed.push(ref(a));
      continue;
    }
    if (a.id !== b.id) renamed.push({ method: b.method, path: b.pathKey, from: a.id, to: b.id });
    const changes = diffOperation({ doc: oldSpec.document, op: a }, { doc: newSpec.document, op: b });
    if (changes.length) changed.push({ ...ref(b), ...(a.id !== b.id ? { oldOperationId: a.id } : {}), changes });
    else unchanged++;
  }
  const added = newSpec.operations.filter((op) => !prev.has(operationKey(op))).map(ref);
  const count = (party: Party): number => changed.reduce((n, c) => n + c.changes.filter((x) => x.breaks.includes(party)).length, 0);
  return {
    old: { ...oldSpec.info, operations: oldSpec.operations.length },
    new: { ...newSpec.info, operations: newSpec.operations.length },
    added: added.sort(byKey),
    removed: removed.sort(byKey),
    renamed,
    changed: changed.sort(byKey),
    unchanged,
    summary: {
      kept: prev.size - removed.length,
      breaking: { client: count('client'), server: count('server') },
      breakingOperations: changed.filter((c) => c.changes.some((x) => x.breaks.length)).length,
    },
  };
}
