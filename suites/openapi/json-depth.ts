// Nesting depth of JSON, measured without recursion. Values from a target or a spec may nest
// thousands of levels deep; every recursive walk over them (sanitising, validating, rendering)
// would overflow the stack. Readers check the depth once, iteratively, and refuse what is deeper
// than the limit, so every later walk may recurse.

/** Deepest nesting accepted in a response, stream event or recording (real APIs stay under 20). */
export const MAX_JSON_DEPTH = 512;

/** Deepest nesting accepted in a spec document (real OpenAPI documents stay under 40). */
export const MAX_SPEC_DEPTH = 256;

const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** Whether JSON text nests objects and arrays deeper than `max` (brackets inside strings do not count). */
export function jsonTextDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (++depth > max) return true;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) depth--;
  }
  return false;
}

/** Whether a value nests objects and arrays deeper than `max` (shared nodes count once per path; cycles count as too deep). */
export function valueDeeperThan(value: unknown, max: number): boolean {
  if (value === null || typeof value !== 'object') return false;
  const stack: Array<{ node: object; depth: number }> = [{ node: value, depth: 1 }];
  // Visits are bounded even for shared subtrees (YAML aliases): past this many nodes the value is
  // treated as too deep rather than walked for ever.
  let budget = 10_000_000;
  while (stack.length) {
    const { node, depth } = stack.pop()!;
    if (depth > max || --budget < 0) return true;
    const children = Array.isArray(node) ? node : Object.values(node);
    for (const child of children) if (child !== null && typeof child === 'object') stack.push({ node: child, depth: depth + 1 });
  }
  return false;
}

export class JsonTooDeepError extends Error {
  override name = 'JsonTooDeepError';
}

/** JSON.parse, refusing text nested deeper than `max` levels (the message says so, in one line). */
export function parseJsonBounded(text: string, max = MAX_JSON_DEPTH): unknown {
  if (jsonTextDeeperThan(text, max)) throw new JsonTooDeepError(`nested deeper than ${max} levels: not parsed`);
  return JSON.parse(text);
}
