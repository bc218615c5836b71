// Builds what lint rules read from one document: its schemas, operations and (lazily) validators
// over its 2020-12 normalisation.
import type { LintContext, Obj } from './lint-rules/types.js';
import { normaliseDocument } from './normalize.js';
import { buildOperations } from './operations.js';
import { documentSchemaRoots, walkSchema } from './schema-walk.js';
import { createValidators, type SchemaValidators } from './validation.js';

export function makeLintContext(doc: Obj, validators?: SchemaValidators): LintContext {
  const schemas: Array<[string, Obj]> = [];
  for (const [pointer, root] of documentSchemaRoots(doc)) walkSchema(root, pointer, (s, p) => schemas.push([p, s]));
  let compiled = validators;
  return {
    doc,
    is31: typeof doc.openapi === 'string' && doc.openapi.startsWith('3.1'),
    schemas,
    operations: buildOperations(doc),
    validators() {
      if (!compiled) {
        // Validate the literal document the way runs read it (2020-12), without touching it.
        const normalised = structuredClone(doc);
        normaliseDocument(normalised);
        compiled = createValidators(normalised);
      }
      return compiled;
    },
  };
}
