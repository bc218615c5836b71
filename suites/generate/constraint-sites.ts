// Every place inside a schema where a value sits (the root, each property, each array item, each
// branch of a union), with the steps that lead there. Coverage and negative generation set or break
// values at these places.
import { isObject } from '../openapi/is-object.js';
import { resolveSchema, schemaTypes, unionBranches, type Schema } from './resolve-schema.js';
import { discriminatorValues } from './union-arbitrary.js';

export interface PathStep {
  key: string | number;
  /** Schema of the value at this step (one branch, when the step enters a union branch). */
  schema: unknown;
  /**
   * The step enters a union branch: an existing value of that branch is kept, another is replaced by
   * one of that branch. `accepts`: other discriminator values whose existing value is kept too (a
   * mutation of the discriminator itself may start from any branch).
   */
  branch?: { discriminator?: { property: string; value: string; accepts?: string[] } };
}

export interface SchemaSite {
  steps: PathStep[];
  /** The resolved schema at the site (a branch's, for branch sites). */
  schema: Schema;
  /** The raw schema at the location with all its branches (what a wrong-type value must escape). */
  location: unknown;
  /** Site of one union branch (several sites share the location). */
  isBranch: boolean;
  /** Discriminator of the union at this location, when it has one (on the location site). */
  discriminator?: { property: string; branches: Array<{ value: string; schema: Schema }> };
}

export const ADDITIONAL_KEY = 'extra_key';

export function schemaSites(document: Record<string, unknown>, root: unknown, maxDepth = 6): SchemaSite[] {
  const out: SchemaSite[] = [];
  const walk = (raw: unknown, steps: PathStep[], depth: number, location: unknown, isBranch: boolean): void => {
    if (depth > maxDepth) return;
    const s = resolveSchema(document, raw);
    const union = unionBranches(document, s);
    if (union && !isBranch) {
      const site: SchemaSite = { steps, schema: s, location, isBranch: false };
      const disc = discriminatorValues(s, union.raw);
      if (disc) {
        site.discriminator = {
          property: disc.property,
          branches: union.merged.flatMap((b, i) => (disc.values[i] === undefined ? [] : [{ value: disc.values[i]!, schema: b }])),
        };
      }
      out.push(site);
      union.merged.forEach((b, i) => {
        // A branch its siblings exclude (`null` under a part that says `boolean`) has no values to set.
        if (schemaTypes(b)?.length === 0) return;
        const value = disc?.values[i];
        const branch: PathStep['branch'] = disc && value !== undefined ? { discriminator: { property: disc.property, value } } : {};
        const last = steps[steps.length - 1];
        const branchSteps = last ? [...steps.slice(0, -1), { key: last.key, schema: b, branch }] : steps;
        walk(b, branchSteps, depth, location, true);
      });
      return;
    }
    out.push({ steps, schema: s, location, isBranch });
    if (isObject(s.properties)) {
      for (const [name, sub] of Object.entries(s.properties)) if (sub !== false) walk(sub, [...steps, { key: name, schema: sub }], depth + 1, sub, false);
    }
    if (isObject(s.additionalProperties))
      walk(s.additionalProperties, [...steps, { key: ADDITIONAL_KEY, schema: s.additionalProperties }], depth + 1, s.additionalProperties, false);
    if (Array.isArray(s.prefixItems)) s.prefixItems.forEach((p, i) => walk(p, [...steps, { key: i, schema: p }], depth + 1, p, false));
    else if (s.items !== undefined && s.items !== false) walk(s.items, [...steps, { key: 0, schema: s.items }], depth + 1, s.items, false);
  };
  walk(root, [], 0, root, false);
  return out;
}
