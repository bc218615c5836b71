// Merges two schemas that must both hold (allOf, `$ref` with siblings) into one, taking the tighter
// bound of each pair. Constraints it cannot combine exactly (two patterns) keep the first; the
// validator remains the judge of generated values.
import { isObject } from '../openapi/is-object.js';

type Schema = Record<string, unknown>;

const MAX_KEYS = ['minimum', 'exclusiveMinimum', 'minLength', 'minItems', 'minProperties'];
const MIN_KEYS = ['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems', 'maxProperties'];

function intersectTypes(a: unknown, b: unknown): unknown {
  if (a === undefined) return b;
  if (b === undefined) return a;
  const la = Array.isArray(a) ? (a as string[]) : [a as string];
  const lb = Array.isArray(b) ? (b as string[]) : [b as string];
  const out = new Set<string>();
  for (const t of la) {
    if (lb.includes(t)) out.add(t);
    else if (t === 'integer' && lb.includes('number')) out.add('integer');
    else if (t === 'number' && lb.includes('integer')) out.add('integer');
  }
  const list = [...out];
  return list.length === 1 ? list[0] : list;
}

export function mergeSchemas(a: Schema, b: Schema): Schema {
  const out: Schema = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const prev = out[key];
    if (prev === undefined) {
      out[key] = value;
      continue;
    }
    if (key === 'type') out.type = intersectTypes(prev, value);
    else if (MAX_KEYS.includes(key) && typeof prev === 'number' && typeof value === 'number') out[key] = Math.max(prev, value);
    else if (MIN_KEYS.includes(key) && typeof prev === 'number' && typeof value === 'number') out[key] = Math.min(prev, value);
    else if (key === 'required' && Array.isArray(prev) && Array.isArray(value)) out.required = [...new Set([...prev, ...value])];
    else if (key === 'enum' && Array.isArray(prev) && Array.isArray(value)) {
      const keys = new Set(value.map((v) => JSON.stringify(v)));
      out.enum = prev.filter((v) => keys.has(JSON.stringify(v)));
    } else if (key === 'properties' && isObject(prev) && isObject(value)) {
      const props: Schema = { ...prev };
      for (const [name, s] of Object.entries(value)) props[name] = name in props ? { allOf: [props[name], s] } : s;
      out.properties = props;
    } else if ((key === 'items' || key === 'additionalProperties') && isObject(prev) && isObject(value)) {
      out[key] = { allOf: [prev, value] };
    } else if (key === 'additionalProperties' && (prev === false || value === false)) out[key] = false;
  }
  return out;
}
