// The mutations one schema site offers: each breaks exactly one keyword of the value at that site.
import { isObject } from '../../openapi/is-object.js';
import { boundaryValues } from '../boundary-values.js';
import { boundaryConcrete } from '../concrete-value.js';
import type { PathStep, SchemaSite } from '../constraint-sites.js';
import type { GenerationContext } from '../context.js';
import { resolveSchema, schemaTypes, unionBranches, type JsonType } from '../resolve-schema.js';
import { sampleValue } from '../sample-value.js';
import type { Leaf } from '../value-path.js';
import { badFormatValue, offPatternValue, outsideEnum, wrongTypeValues } from './invalid-values.js';

export interface ValueMutation {
  constraint: string;
  /** Steps to the value the leaf changes. */
  steps: PathStep[];
  /** Keys of the broken place (the property itself for `required`, `additionalProperties`). */
  keys: Array<string | number>;
  /** `temperature = 2.7 (maximum 1.5)` without the location prefix. */
  detail: string;
  leaf: Leaf;
}

export const UNEXPECTED_PROPERTY = 'unexpected_property';

const show = (v: unknown) =>
  typeof v === 'string' && v.length > 24
    ? `"${v.slice(0, 6)}…" (${v.length} chars)`
    : Array.isArray(v) && v.length > 3
      ? `[${v.length} items]`
      : JSON.stringify(v);

/** Types a location allows across all its branches; undefined when some branch allows anything. */
export function allowedTypes(ctx: GenerationContext, raw: unknown): JsonType[] | undefined {
  const s = resolveSchema(ctx.document, raw);
  const union = unionBranches(ctx.document, s);
  if (union) {
    const all = new Set<JsonType>();
    for (const b of union.merged) {
      const t = allowedTypes(ctx, b);
      if (!t) return undefined;
      t.forEach((x) => all.add(x));
    }
    return [...all];
  }
  if ('const' in s) return s.const === null ? ['null'] : [typeof s.const as JsonType];
  if (Array.isArray(s.enum)) return [...new Set(s.enum.map((v) => (v === null ? 'null' : Array.isArray(v) ? 'array' : (typeof v as JsonType))))];
  return schemaTypes(s);
}

/** Where mutations of one site go, and how each is named. */
interface Emitter {
  site: SchemaSite;
  keys: Array<string | number>;
  name: (keys: Array<string | number>) => string;
  out: ValueMutation[];
  /** A mutation that replaces the site's value with `value`. */
  set(constraint: string, value: unknown, why: string): void;
}

export function siteMutations(ctx: GenerationContext, site: SchemaSite, textual: boolean, name: (keys: Array<string | number>) => string): ValueMutation[] {
  const out: ValueMutation[] = [];
  const keys = site.steps.map((p) => p.key);
  const label = name(keys);
  const e: Emitter = {
    site,
    keys,
    name,
    out,
    set: (constraint, value, why) => out.push({ constraint, steps: site.steps, keys, detail: `${label} = ${show(value)} (${why})`, leaf: () => value }),
  };
  if (!site.isBranch) {
    typeMutation(ctx, e, textual);
    discriminatorMutation(e);
  }
  valueMutations(ctx, e, textual);
  objectMutations(e);
  return out;
}

function typeMutation(ctx: GenerationContext, e: Emitter, textual: boolean): void {
  const allowed = allowedTypes(ctx, e.site.location);
  if (!allowed) return;
  const wrong = wrongTypeValues(allowed, textual)[0];
  if (wrong !== undefined) e.set('type', wrong, `type ${allowed.filter((t) => t !== 'null').join(' | ') || 'null'}`);
}

/** A discriminator value no branch maps, on the object already there (whatever its branch) or one shaped like the first branch. */
function discriminatorMutation({ site, keys, name, out }: Emitter): void {
  const d = site.discriminator;
  if (!d || d.branches.length === 0) return;
  const first = d.branches[0]!;
  const last = site.steps[site.steps.length - 1];
  const steps = last
    ? [
        ...site.steps.slice(0, -1),
        {
          key: last.key,
          schema: first.schema,
          branch: { discriminator: { property: d.property, value: first.value, accepts: d.branches.map((b) => b.value) } },
        },
      ]
    : site.steps;
  const bad = outsideEnum(d.branches.map((b) => b.value));
  out.push({
    constraint: 'discriminator',
    steps,
    keys: [...keys, d.property],
    detail: `${name([...keys, d.property])} = ${show(bad)} (discriminator: one of ${d.branches.map((b) => b.value).join(', ')})`,
    leaf: (cur) => (isObject(cur) ? { ...cur, [d.property]: bad } : cur),
  });
}

/** Values that break one keyword of the site's own schema: enum/const, bounds, pattern, format, multipleOf, uniqueItems. */
function valueMutations(ctx: GenerationContext, e: Emitter, textual: boolean): void {
  const s = e.site.schema;
  if (Array.isArray(s.enum) && s.enum.length > 0) e.set('enum', outsideEnum(s.enum), `enum ${s.enum.map((v) => JSON.stringify(v)).join(', ')}`);
  else if ('const' in s) e.set('const', outsideEnum([s.const]), `const ${JSON.stringify(s.const)}`);
  boundaryValues(s).forEach((b, i) => {
    if (b.inside || (textual && b.kind === 'array-length')) return;
    e.set(b.constraint, boundaryConcrete(ctx, s, b, 31 + i), `${b.constraint} ${b.bound}`);
  });
  if (typeof s.pattern === 'string') {
    const off = offPatternValue(s.pattern);
    if (off !== undefined) e.set('pattern', off, `pattern ${s.pattern}`);
  }
  if (typeof s.format === 'string') {
    const bad = badFormatValue(s.format);
    if (bad !== undefined) e.set('format', bad, `format ${s.format}`);
  }
  const types = schemaTypes(s) ?? [];
  if (typeof s.multipleOf === 'number' && s.multipleOf > 0 && types.some((t) => t === 'number' || t === 'integer')) {
    const m = s.multipleOf;
    e.set('multipleOf', Number.isInteger(m) && m > 1 ? m + 1 : m * 1.5, `multipleOf ${m}`);
  }
  if (s.uniqueItems === true && types.includes('array') && !textual) {
    const item = sampleValue(ctx, s.items ?? {}, 41);
    e.set('uniqueItems', [item, item], 'uniqueItems');
  }
}

/** An object without one of its required members, or with a member additionalProperties: false forbids. */
function objectMutations({ site, keys, name, out }: Emitter): void {
  const s = site.schema;
  const types = schemaTypes(s) ?? [];
  if (!types.includes('object') && !isObject(s.properties)) return;
  const required = Array.isArray(s.required) ? (s.required as string[]) : [];
  for (const prop of required) {
    out.push({
      constraint: 'required',
      steps: site.steps,
      keys: [...keys, prop],
      detail: `${name([...keys, prop])} missing (required)`,
      leaf: (cur, fresh) => dropKey(isObject(cur) ? cur : fresh(), prop),
    });
  }
  if (s.additionalProperties === false) {
    out.push({
      constraint: 'additionalProperties',
      steps: site.steps,
      keys: [...keys, UNEXPECTED_PROPERTY],
      detail: `${name([...keys, UNEXPECTED_PROPERTY])} present (additionalProperties: false)`,
      leaf: (cur, fresh) => ({ ...(isObject(cur) ? cur : (fresh() as object)), [UNEXPECTED_PROPERTY]: 'x' }),
    });
  }
}

function dropKey(obj: unknown, key: string): unknown {
  if (!isObject(obj)) return obj;
  const { [key]: _gone, ...rest } = obj;
  return rest;
}
