// Parameters cannot carry JSON null on the wire: generate them from the schema minus its null branch.
import type { GenerationContext } from './context.js';
import { resolveSchema, schemaTypes, unionBranches, type Schema } from './resolve-schema.js';

function isNullOnly(s: Schema): boolean {
  const types = schemaTypes(s);
  return (types?.length === 1 && types[0] === 'null') || s.const === null;
}

export function stripNull(ctx: GenerationContext, raw: unknown): Schema {
  const s = resolveSchema(ctx.document, raw);
  const union = unionBranches(ctx.document, s);
  if (union) {
    const rest = union.merged.filter((b) => !isNullOnly(b)).map((b) => stripNull(ctx, b));
    if (rest.length === 0 || rest.length === union.merged.length) return s;
    return rest.length === 1 ? rest[0]! : { [union.kind]: rest };
  }
  if (Array.isArray(s.type) && s.type.includes('null') && s.type.length > 1) {
    const type = s.type.filter((t) => t !== 'null');
    const out: Schema = { ...s, type: type.length === 1 ? type[0] : type };
    if (Array.isArray(s.enum)) out.enum = s.enum.filter((v) => v !== null);
    return out;
  }
  return s;
}
