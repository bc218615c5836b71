// The project's validator interface: JSON Schema 2020-12 (Ajv) over the bundled document, one
// compiled function per schema pointer, compiled once. Defaults are never filled and the body is
// never changed: a validator that fills defaults hides missing required fields (`UsageInfo {}`).
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { pointerToFragment } from './json-pointer.js';
import { ajvRegExpEngine } from './safe-pattern.js';

// ajv-formats ships CommonJS with a default export; under NodeNext it arrives wrapped.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2020) => Ajv2020;

export interface ValidationIssue {
  /** JSON pointer into the validated value, e.g. `/choices/0/finish_reason`. */
  instancePath: string;
  /** Where in the document the failing keyword is, e.g. `#/components/schemas/UsageInfo/required`. */
  schemaPath: string;
  keyword: string;
  message: string;
}

export interface ValidationResult {
  valid: boolean;
  issues: ValidationIssue[];
}

const DOC_ID = 'https://openapi.invalid/document.json';

function makeAjv(allErrors: boolean): Ajv2020 {
  const ajv = new Ajv2020({
    strict: false,
    allErrors,
    useDefaults: false,
    coerceTypes: false,
    removeAdditional: false,
    validateFormats: true,
    discriminator: false,
    // OpenAPI documents carry many non-schema keywords (`example`, `xml`, `x-*`); they are annotations.
    validateSchema: false,
    // Each referenced schema is compiled once into its own function and shared by every validator
    // that refers to it, instead of being inlined again into each: compiling the validators of a
    // whole document (lint checks every example) then costs one compilation per schema.
    inlineRefs: false,
    // Ajv's optimiser passes made compiling 2-3x dearer for a small gain in speed (4-6 M validations/s
    // without them): every run compiles hundreds of validators (lint validates each example).
    // Patterns from the spec run on a linear-time matcher: `^(a+)+$` must not hang a validation.
    code: { optimize: false, regExp: ajvRegExpEngine },
  });
  addFormats(ajv);
  // OpenAPI's own formats: int32/int64 ranges are real constraints; the others are annotations.
  ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= -2147483648 && n <= 2147483647 });
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
  ajv.addFormat('float', { type: 'number', validate: () => true });
  ajv.addFormat('double', { type: 'number', validate: () => true });
  ajv.addFormat('byte', /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/);
  for (const f of ['binary', 'password', 'textarea', 'path', 'ulid']) ajv.addFormat(f, true);
  return ajv;
}

function toIssue(e: ErrorObject): ValidationIssue {
  let message = e.message ?? 'invalid';
  if (e.keyword === 'additionalProperties') message = `has unexpected property "${String((e.params as { additionalProperty?: string }).additionalProperty)}"`;
  if (e.keyword === 'enum') message = `must be one of ${JSON.stringify((e.params as { allowedValues?: unknown }).allowedValues)}`;
  if (e.keyword === 'const') message = `must be ${JSON.stringify((e.params as { allowedValue?: unknown }).allowedValue)}`;
  return { instancePath: e.instancePath, schemaPath: e.schemaPath.replace(DOC_ID, ''), keyword: e.keyword, message };
}

export interface SchemaValidators {
  /** Validates `value` against the schema at `pointer` (a JSON pointer into the document). */
  validate(pointer: string, value: unknown): ValidationResult;
  /** Validates against a schema given inline (its `$ref`s resolve against the document). */
  validateSchema(schema: unknown, value: unknown): ValidationResult;
  /** Compiles ahead of time; throws with a clear reason if the schema cannot be compiled. */
  prepare(pointer: string): void;
  /** Only whether `value` is valid at `pointer`: no error list is built (cheap on invalid values). */
  isValid?(pointer: string, value: unknown): boolean;
  /** Only whether `value` is valid against an inline schema (as `validateSchema`, without errors). */
  isValidSchema?(schema: unknown, value: unknown): boolean;
}

/** `validate(pointer, value).valid`, through the cheaper `isValid` when the validators have it. */
export function isValidAt(v: SchemaValidators, pointer: string, value: unknown): boolean {
  return v.isValid ? v.isValid(pointer, value) : v.validate(pointer, value).valid;
}

/** `validateSchema(schema, value).valid`, through the cheaper `isValidSchema` when the validators have it. */
export function isValidAgainst(v: SchemaValidators, schema: unknown, value: unknown): boolean {
  return v.isValidSchema ? v.isValidSchema(schema, value) : v.validateSchema(schema, value).valid;
}

export class SchemaCompileError extends Error {
  override name = 'SchemaCompileError';
}

/** A fast function that stops at the first error, and a thorough one compiled only to explain a failure. */
interface Compiled {
  fast: ValidateFunction;
  thorough: () => ValidateFunction;
}

function compileWith(ajv: Ajv2020, schema: object, label: string): ValidateFunction {
  try {
    return ajv.compile(schema);
  } catch (err) {
    throw new SchemaCompileError(`cannot compile schema ${label}: ${(err as Error).message}`);
  }
}

/** The validators of one document: two Ajv engines (fast, thorough), each schema compiled once. */
class CompiledSchemas {
  readonly #fast = makeAjv(false);
  readonly #thorough = makeAjv(true);
  readonly #byPointer = new Map<string, Compiled>();
  readonly #byInline = new WeakMap<object, Compiled>();

  constructor(doc: Record<string, unknown>) {
    this.#fast.addSchema(doc, DOC_ID);
    this.#thorough.addSchema(doc, DOC_ID);
  }

  #compile(schema: object, label: string): Compiled {
    let thorough: ValidateFunction | undefined;
    return { fast: compileWith(this.#fast, schema, label), thorough: () => (thorough ??= compileWith(this.#thorough, schema, label)) };
  }

  at(pointer: string): Compiled {
    let fns = this.#byPointer.get(pointer);
    if (!fns) {
      fns = this.#compile({ $ref: DOC_ID + pointerToFragment(pointer) }, pointer);
      this.#byPointer.set(pointer, fns);
    }
    return fns;
  }

  /** Inline schemas (e.g. a tool's parameters) may use local refs into the document. */
  inline(schema: object): Compiled {
    let fns = this.#byInline.get(schema);
    if (!fns) {
      fns = this.#compile(rewriteLocalRefs(schema), 'inline');
      this.#byInline.set(schema, fns);
    }
    return fns;
  }
}

function run(fns: Compiled, value: unknown): ValidationResult {
  if (fns.fast(value)) return { valid: true, issues: [] };
  const thorough = fns.thorough();
  thorough(value);
  return { valid: false, issues: (thorough.errors ?? []).map(toIssue) };
}

export function createValidators(doc: Record<string, unknown>): SchemaValidators {
  const schemas = new CompiledSchemas(doc);
  return {
    validate: (pointer, value) => run(schemas.at(pointer), value),
    prepare: (pointer) => void schemas.at(pointer),
    // Generation asks "still valid?" of many values meant to be invalid: the fast function answers
    // that alone, without compiling and running the thorough one.
    isValid: (pointer, value) => schemas.at(pointer).fast(value),
    isValidSchema: (schema, value) => (typeof schema === 'boolean' ? schema : schemas.inline(schema as object).fast(value)),
    validateSchema(schema, value) {
      if (typeof schema === 'boolean')
        return schema
          ? { valid: true, issues: [] }
          : { valid: false, issues: [{ instancePath: '', schemaPath: '', keyword: 'false', message: 'no value is allowed' }] };
      return run(schemas.inline(schema as object), value);
    },
  };
}

function rewriteLocalRefs(node: unknown): object {
  return JSON.parse(JSON.stringify(node), (k, v) => (k === '$ref' && typeof v === 'string' && v.startsWith('#/components') ? DOC_ID + v : v)) as object;
}
