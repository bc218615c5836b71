// Reads the enums the stateful suite relies on from the spec document (job states, file purposes,
// batch endpoints, fine-tunable models), so a newer document with more states is honoured as written.
import type { LoadedSpec } from '../../openapi/load-spec.js';
import { getAtPointer } from '../../openapi/json-pointer.js';
import { isObject } from '../../openapi/is-object.js';

/** String enum values of the schema at `pointer`, following `$ref`, `allOf`, `anyOf`, `oneOf` and `const`. */
export function enumAt(doc: Record<string, unknown>, pointer: string): string[] {
  const out = new Set<string>();
  const seen = new Set<unknown>();
  const walk = (node: unknown): void => {
    if (!isObject(node) || seen.has(node)) return;
    seen.add(node);
    if (typeof node.$ref === 'string' && node.$ref.startsWith('#/')) walk(getAtPointer(doc, node.$ref));
    if (Array.isArray(node.enum)) for (const v of node.enum) if (typeof v === 'string') out.add(v);
    if (typeof node.const === 'string') out.add(node.const);
    for (const key of ['allOf', 'anyOf', 'oneOf']) {
      const list = node[key];
      if (Array.isArray(list)) list.forEach(walk);
    }
  };
  walk(getAtPointer(doc, pointer));
  return [...out];
}

export interface StatefulEnums {
  jobStatuses: string[];
  batchStatuses: string[];
  filePurposes: string[];
  batchEndpoints: string[];
  fineTuneableModels: string[];
}

const cache = new WeakMap<object, StatefulEnums>();

export function statefulEnums(spec: Pick<LoadedSpec, 'document'>): StatefulEnums {
  const hit = cache.get(spec.document);
  if (hit) return hit;
  const doc = spec.document;
  const enums: StatefulEnums = {
    jobStatuses: enumAt(doc, '/components/schemas/JobOut/properties/status'),
    batchStatuses: enumAt(doc, '/components/schemas/BatchJobStatus'),
    filePurposes: enumAt(doc, '/components/schemas/FilePurpose'),
    batchEndpoints: enumAt(doc, '/components/schemas/ApiEndpoint'),
    fineTuneableModels: enumAt(doc, '/components/schemas/FineTuneableModel'),
  };
  cache.set(doc, enums);
  return enums;
}
