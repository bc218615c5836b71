// The kinds of value an option takes. Each says how a flag's text becomes the value, what the value
// looks like in a config file (JSON Schema, from which config.schema.json and the config validator are
// built) and, as a phantom type, what TypeScript type the config types derive for it.
//
// Schemas carry two annotations the config validator reads (config/schema-messages.ts): `errorMessage`
// (the message for a failing keyword of that very node; editors such as VS Code show it too) and
// `writeOnly` (a value never echoed in messages: it may be a secret pasted by mistake).

export type JsonSchema = { [keyword: string]: unknown };

/** What node:util parseArgs gives for a flag. */
export type FlagInput = string | boolean | string[];

export interface ValueType<C, O = C> {
  /** JSON Schema of the value in a config file. */
  readonly schema: JsonSchema;
  /** The flag takes no argument. */
  readonly switch?: boolean;
  /** The flag's text (texts, when repeatable) as the run option's value; undefined when empty. Throws a one-line message. */
  fromFlag(input: FlagInput, flag: string): O | undefined;
  /**
   * A rule on a string value that the schema cannot state (a URL with credentials): the problem, or
   * undefined. `showValue`: the message may quote the value; a problem that may not replaces the schema's message.
   */
  check?(value: C): { message: string; showValue?: boolean } | undefined;
  /** The config value as the run option's value, when they differ (`auth` → `authHeader`). */
  toOption?(value: C): O;
  /** The run option's value in config terms (flags given in the run API's names). */
  fromOption?(value: O): C;
  /** How a later layer (defaults ← target ← flags) combines with an earlier one, when it does not simply replace it. */
  merge?(earlier: C, later: C): C;
  /** Phantoms: the config value's and the run option's TypeScript types. */
  readonly __config?: C;
  readonly __option?: O;
}

const fail = (flag: string, what: string, input: FlagInput): never => {
  throw new Error(`--${flag} must be ${what} (got "${String(input)}")`);
};

const text1 = (input: FlagInput): string | undefined => (typeof input === 'string' ? input : Array.isArray(input) ? input.at(-1) : undefined);

/** Comma lists, repeatable or not: `--include a,b --include c`. */
export function listOf(input: FlagInput): string[] {
  const items = Array.isArray(input) ? input : typeof input === 'string' ? [input] : [];
  return items
    .flatMap((s) => s.split(','))
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Larger numbers lose precision in JSON. */
const MAX_INTEGER = Number.MAX_SAFE_INTEGER;

export function integer(min: number): ValueType<number> {
  return {
    schema: { type: 'integer', minimum: min, maximum: MAX_INTEGER },
    fromFlag(input, flag) {
      const raw = text1(input);
      if (raw === undefined) return undefined;
      const n = Number(raw);
      return Number.isSafeInteger(n) && n >= min ? n : fail(flag, `an integer ≥ ${min}`, raw);
    },
  };
}

/** A number > 0; `unit` words the flag's message ("requests per second"). */
export function positiveNumber(unit: string): ValueType<number> {
  return {
    schema: { type: 'number', exclusiveMinimum: 0 },
    fromFlag(input, flag) {
      const raw = text1(input);
      if (raw === undefined) return undefined;
      const n = Number(raw);
      return n > 0 && Number.isFinite(n) ? n : fail(flag, `a positive number of ${unit}`, raw);
    },
  };
}

/** A flag without argument that switches something on. */
export function onSwitch(): ValueType<boolean> {
  return { schema: { type: 'boolean' }, switch: true, fromFlag: (input) => (input === true ? true : undefined) };
}

/** A non-empty string. */
export function text(): ValueType<string> {
  return { schema: { type: 'string', pattern: '\\S' }, fromFlag: (input) => text1(input) || undefined };
}

/** A list of non-empty strings (comma lists on the command line). */
export function textList(): ValueType<string[]> {
  return {
    schema: { type: 'array', items: { type: 'string', pattern: '\\S' } },
    fromFlag: (input) => {
      const items = listOf(input);
      return items.length ? items : undefined;
    },
  };
}

/** A non-empty list of known words (`phases`); `noun` is the singular ("phase"). */
export function choiceList<T extends string>(values: readonly T[], noun: string): ValueType<T[]> {
  return {
    schema: { type: 'array', minItems: 1, items: { enum: [...values] }, errorMessage: `must be a non-empty array of ${noun}s` },
    fromFlag(input, flag) {
      const items = listOf(input);
      if (!items.length) return undefined;
      const bad = items.filter((p) => !(values as readonly string[]).includes(p));
      if (bad.length) throw new Error(`--${flag}: unknown ${noun} ${bad.join(', ')} (known: ${values.join(', ')})`);
      return items as T[];
    },
  };
}

/** One of known words (`--contract 2026-07`); `noun` names it in the message ("contract"). */
export function oneOf<T extends string>(values: readonly T[], noun: string): ValueType<T> {
  return {
    schema: { enum: [...values], errorMessage: `must be a known ${noun} (${values.join(', ')})` },
    fromFlag(input, flag) {
      const raw = text1(input);
      if (!raw) return undefined;
      if (!(values as readonly string[]).includes(raw)) throw new Error(`--${flag}: unknown ${noun} "${raw}" (known: ${values.join(', ')})`);
      return raw as T;
    },
  };
}

/** An http(s) base URL, without credentials (they would end up in reports and curl lines). */
export function baseUrl(): ValueType<string> {
  return {
    schema: { type: 'string', pattern: '^[Hh][Tt][Tt][Pp][Ss]?://', title: 'the base URL of the server', errorMessage: 'must be an http(s) URL' },
    fromFlag: (input) => text1(input) || undefined,
    check: baseUrlProblem,
  };
}

export function baseUrlProblem(value: string): { message: string; showValue?: boolean } | undefined {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  // Credentials first: a URL carrying them is never quoted back.
  if (url && (url.username || url.password))
    return { message: 'must not carry credentials: set apiKeyEnv to the name of an environment variable holding the key' };
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) return { message: 'must be an http(s) URL', showValue: true };
  return undefined;
}

/** The NAME of an environment variable; never echoed, since users sometimes paste the key itself. */
export function envName(): ValueType<string> {
  return {
    schema: {
      type: 'string',
      pattern: '^[A-Za-z_][A-Za-z0-9_]*$',
      writeOnly: true,
      errorMessage: 'must be the NAME of an environment variable (letters, digits and _, e.g. "MISTRAL_API_KEY")',
    },
    fromFlag: (input) => text1(input) || undefined,
    check: (value) =>
      looksLikeKey(value)
        ? { message: 'looks like an API key, not the name of a variable: put the key in an environment variable and give its name here' }
        : undefined,
  };
}

/** Long mixed-case alphanumeric strings without `_` are keys (Mistral keys are 32 such characters), not names. */
export function looksLikeKey(value: string): boolean {
  return value.length >= 20 && !value.includes('_') && /[a-z]/.test(value) && /[A-Z]/.test(value) && /[0-9]/.test(value);
}

/** JSON Schema's if/then/else: a value judged by the branch its shape picks (clearer errors than anyOf). */
export function ifThenElse(condition: JsonSchema, then: JsonSchema, otherwise: JsonSchema): JsonSchema {
  return { if: condition, then, else: otherwise };
}
