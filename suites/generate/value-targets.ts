// The parts of a request a schema governs: the body and each parameter. Coverage and negative
// generation work on one target at a time, through these helpers.
import type { Operation, ParameterModel } from '../openapi/model.js';
import { baseMediaType } from '../openapi/model.js';
import { requestMediaType } from './body-media.js';
import type { GenerationContext } from './context.js';
import { isGeneratedParameter } from './request-arbitrary.js';
import type { ParameterLocation, RequestValues } from './request-values.js';
import { DELETE, formatKeys } from './value-path.js';
import { isValidAt } from '../openapi/validation.js';

export interface ValueTarget {
  kind: 'body' | ParameterLocation;
  /** Parameter name (parameters only). */
  name?: string;
  schema: unknown;
  /** Pointer of the schema in the document, for validation. */
  pointer?: string;
  /** Values travel as text (multipart parts, parameters): a wrong JSON type cannot be expressed. */
  textual: boolean;
  parameter?: ParameterModel;
}

export function valueTargets(op: Operation): ValueTarget[] {
  const out: ValueTarget[] = [];
  const media = requestMediaType(op);
  if (media) {
    const t: ValueTarget = { kind: 'body', schema: media.schema ?? {}, textual: baseMediaType(media.mediaType) === 'multipart/form-data' };
    if (media.schemaPointer) t.pointer = media.schemaPointer;
    out.push(t);
  }
  for (const p of op.parameters) {
    if (!isGeneratedParameter(p)) continue;
    const t: ValueTarget = { kind: p.in, name: p.name, schema: p.schema ?? { type: 'string' }, textual: true, parameter: p };
    if (p.schemaPointer) t.pointer = p.schemaPointer;
    out.push(t);
  }
  return out;
}

export function targetValue(values: RequestValues, t: ValueTarget): unknown {
  return t.kind === 'body' ? values.body : values[t.kind][t.name!];
}

export function withTargetValue(values: RequestValues, t: ValueTarget, value: unknown): RequestValues {
  if (t.kind === 'body') {
    const out = { ...values };
    if (value === DELETE) delete out.body;
    else out.body = value;
    return out;
  }
  const group = { ...values[t.kind] };
  if (value === DELETE) delete group[t.name!];
  else group[t.name!] = value;
  return { ...values, [t.kind]: group };
}

/** `body.messages[0].role` and `['body', 'messages', 0, 'role']`; `query.page` and `['query', 'page']`. */
export function targetPlace(t: ValueTarget, keys: Array<string | number>): { location: string; expectedLoc: Array<string | number> } {
  const head = t.kind === 'body' ? ['body'] : [t.kind, t.name!];
  const location = head.join('.') + formatKeys(keys);
  return { location, expectedLoc: [...head, ...keys] };
}

/** Whether a target value is valid (undefined: no validator or pointer to ask). */
export function targetValid(ctx: GenerationContext, t: ValueTarget, value: unknown): boolean | undefined {
  if (!ctx.validators || !t.pointer) return undefined;
  return isValidAt(ctx.validators, t.pointer, value);
}
