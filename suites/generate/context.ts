// What every generator needs: the document the `$ref`s point into, an optional validator (oneOf
// exclusivity, hint filtering, negative verification), size limits, and per-location overrides
// (hints). Built once per spec and reused: arbitraries are cached per schema object.
import type * as fc from 'fast-check';
import type { SchemaValidators } from '../openapi/validation.js';

export interface SchemaArbitraryConstraints {
  /** Object/array nesting beyond which only required properties and minimal arrays are made. Default 4. */
  maxDepth?: number;
  /** Longest string made when the schema sets no larger `minLength`. Default 8. */
  maxStringLength?: number;
  /** Longest array made when the schema sets no larger `minItems`. Default 3. */
  maxArrayLength?: number;
  /** Extra keys for objects that allow them. Default 2. */
  maxAdditionalProperties?: number;
  /** Strings made only of URL- and header-safe characters (parameters). Default false. */
  safeStrings?: boolean;
  /**
   * Objects hold their required properties only (and those whose override says `include`): the
   * smallest valid request, which cause isolation builds every negative and boundary case on. Default false.
   */
  requiredOnly?: boolean;
}

/** Hint for one location (`body.model`, `body.max_tokens`, `query.page`). */
export interface LocationOverride {
  /** Values to pick from (only those the schema accepts are used). */
  fixed?: unknown[];
  /** Numeric cap: never above it, never null. */
  cap?: number;
  /** Kept in the smallest valid request (`requiredOnly`) although optional, e.g. `max_tokens` on a paid API. */
  include?: boolean;
}

export interface GenerationContext {
  document: Record<string, unknown>;
  validators?: SchemaValidators;
  constraints: Required<SchemaArbitraryConstraints>;
  overrides: Record<string, LocationOverride>;
  /** Cache of built arbitraries, per schema object and depth class. */
  cache: WeakMap<object, Map<string, fc.Arbitrary<unknown>>>;
}

export const DEFAULT_CONSTRAINTS: Required<SchemaArbitraryConstraints> = {
  maxDepth: 4,
  maxStringLength: 8,
  maxArrayLength: 3,
  maxAdditionalProperties: 2,
  safeStrings: false,
  requiredOnly: false,
};

export interface SpecLike {
  document: Record<string, unknown>;
  validators?: SchemaValidators;
}

export function createContext(
  spec: SpecLike,
  constraints: SchemaArbitraryConstraints = {},
  overrides: Record<string, LocationOverride> = {},
): GenerationContext {
  const ctx: GenerationContext = {
    document: spec.document,
    constraints: { ...DEFAULT_CONSTRAINTS, ...constraints },
    overrides,
    cache: new WeakMap(),
  };
  if (spec.validators) ctx.validators = spec.validators;
  return ctx;
}

/** Same document and validator, other limits or overrides (a fresh cache: arbitraries depend on them). */
export function deriveContext(
  ctx: GenerationContext,
  constraints: SchemaArbitraryConstraints,
  overrides?: Record<string, LocationOverride>,
): GenerationContext {
  return { ...ctx, constraints: { ...ctx.constraints, ...constraints }, overrides: overrides ?? ctx.overrides, cache: new WeakMap() };
}
