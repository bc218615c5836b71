// Matching a spec's `pattern` without catastrophic backtracking. A spec is input from someone else:
// `^(a+)+$` against a 34-character value blocks a backtracking engine (V8's) for minutes, and no
// timeout can interrupt a RegExp. Every pattern therefore runs on a linear-time matcher: RE2's
// algorithm (re2js, pure JavaScript: no native build), except the simple anchored shapes that
// V8 provably runs in linear time (`^[a-z0-9_-]{1,64}$`), which keep V8's speed. A pattern RE2
// cannot run (lookaround, backreference: JSON Schema does not recommend them) is not checked at all:
// `skipped` says why, lint reports it, and the matcher accepts every string.
import { RE2JS } from 're2js';

export interface PatternMatcher {
  /** The pattern as written in the spec. */
  readonly source: string;
  /** Whether `text` contains a match (RegExp.prototype.test semantics). Always true when skipped. */
  test(text: string): boolean;
  /** Why the pattern is not checked, when it is not. */
  readonly skipped?: string;
  /** Which engine runs it. */
  readonly engine: 'v8-linear' | 're2' | 'skipped';
}

// JavaScript's \s (ECMA-262 WhiteSpace and LineTerminator); RE2's is only [\t\n\f\r ].
const JS_SPACE = '\\t\\n\\x0B\\f\\r \\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}';
// JavaScript's `.` without the s flag; RE2's excludes only \n.
const JS_DOT = '[^\\n\\r\\x{2028}\\x{2029}]';

/**
 * One atom (a character, an escape, a class or `.`) with an optional quantifier. A pattern that is
 * `^` followed by such atoms, with at most one quantifier whose count varies, backtracks at most
 * over that one count: V8 runs it in linear time.
 */
const ATOM = String.raw`(?:\\(?:u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|[dDwWsSnrtfv]|[^0-9a-zA-Z])|\[(?:\\.|[^\]\\])*\]|[^\\()[\]{}|*+?^$])`;
const QUANT = String.raw`(?:[*+?]|\{\d+(?:,\d*)?\})\??`;
const SIMPLE = new RegExp(`^\\^(?:${ATOM}(?:${QUANT})?)*\\$?$`);
const QUANTIFIERS = new RegExp(`${ATOM}(${QUANT})?`, 'g');

/** Whether V8 runs `source` in linear time: anchored at the start, no groups or alternation, one varying count at most. */
export function isLinearForV8(source: string): boolean {
  if (!SIMPLE.test(source)) return false;
  let varying = 0;
  for (const m of source.slice(1).matchAll(QUANTIFIERS)) {
    const q = m[1]?.replace(/\?$/, '') ?? '';
    const fixed = q === '' || /^\{(\d+)\}$/.test(q) || /^\{(\d+),\1\}$/.test(q);
    if (!fixed) varying++;
  }
  return varying <= 1;
}

function hex(code: number): string {
  return `\\x{${code.toString(16).toUpperCase()}}`;
}

/** ECMAScript (u mode) syntax and semantics in RE2's syntax. Throws on what RE2 has no form for. */
export function toRe2Syntax(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      const n = source[i + 1];
      if (n === undefined) throw new SyntaxError('trailing backslash');
      if (n === 'u') {
        const braced = /^\{([0-9a-fA-F]+)\}/.exec(source.slice(i + 2));
        if (braced) {
          out += hex(Number.parseInt(braced[1]!, 16));
          i += 1 + braced[0].length;
          continue;
        }
        const four = /^[0-9a-fA-F]{4}/.exec(source.slice(i + 2));
        if (four) {
          let code = Number.parseInt(four[0], 16);
          i += 5;
          // A surrogate pair written as two escapes is one code point in u mode.
          const low = /^\\u([dD][c-fC-F][0-9a-fA-F]{2})/.exec(source.slice(i + 1));
          if (code >= 0xd800 && code <= 0xdbff && low) {
            code = 0x10000 + ((code - 0xd800) << 10) + (Number.parseInt(low[1]!, 16) - 0xdc00);
            i += 6;
          }
          out += hex(code);
          continue;
        }
      }
      if (n === 'c' && /[a-zA-Z]/.test(source[i + 2] ?? '')) {
        out += hex(source.charCodeAt(i + 2) % 32);
        i += 2;
        continue;
      }
      if (n === '0' && !/[0-9]/.test(source[i + 2] ?? '')) {
        out += hex(0);
        i++;
        continue;
      }
      if (n === 's') out += inClass ? JS_SPACE : `[${JS_SPACE}]`;
      else if (n === 'S' && !inClass) out += `[^${JS_SPACE}]`;
      else if (n === 'k') throw new SyntaxError('named backreference');
      else if (/[1-9]/.test(n)) throw new SyntaxError('backreference');
      else if (n === '/') out += '/';
      else out += `\\${n}`;
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      out += c;
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += c;
      // A leading `]` or `^]` is not the end of the class in RE2 but is (an empty class) in JS.
      if (source[i + 1] === ']') throw new SyntaxError('empty class');
      if (source[i + 1] === '^' && source[i + 2] === ']') throw new SyntaxError('[^] (any character)');
      continue;
    }
    if (c === '.') {
      out += JS_DOT;
      continue;
    }
    if (c === '(' && source[i + 1] === '?') {
      const rest = source.slice(i + 2);
      if (/^[=!]|^<[=!]/.test(rest)) throw new SyntaxError('lookaround');
      const named = /^<([A-Za-z_$][\w$]*)>/.exec(rest);
      if (named) {
        out += `(?P<${named[1]}>`;
        i += 1 + named[0].length;
        continue;
      }
    }
    out += c;
  }
  return out;
}

const ACCEPT_ALL = (): boolean => true;
const cache = new Map<string, PatternMatcher>();
const MAX_CACHED = 10_000;

function build(source: string): PatternMatcher {
  // Invalid ECMAScript is an error, as with RegExp (compiling is linear; only matching backtracks).
  const native = new RegExp(source, 'u');
  if (isLinearForV8(source)) return { source, engine: 'v8-linear', test: (text) => native.test(text) };
  let re2: RE2JS;
  try {
    re2 = RE2JS.compile(toRe2Syntax(source));
  } catch (err) {
    const why = (err as Error).message.replace(/^error parsing regexp: /, '').split('\n', 1)[0];
    return { source, engine: 'skipped', test: ACCEPT_ALL, skipped: `no linear-time matcher runs it (${why}), so it is not checked` };
  }
  return { source, engine: 're2', test: memoised((text) => re2.test(text)) };
}

const MEMO_MAX_CHARS = 128;
const MEMO_ENTRIES = 256;

/**
 * RE2 in JavaScript costs about a microsecond a match, V8 a few tens of nanoseconds; the values a
 * pattern meets repeat (model ids, tool names, enum-like codes), so short ones are remembered.
 */
function memoised(test: (text: string) => boolean): (text: string) => boolean {
  const seen = new Map<string, boolean>();
  return (text) => {
    if (text.length > MEMO_MAX_CHARS) return test(text);
    let hit = seen.get(text);
    if (hit === undefined) {
      hit = test(text);
      if (seen.size >= MEMO_ENTRIES) seen.clear();
      seen.set(text, hit);
    }
    return hit;
  };
}

/** The matcher of a spec pattern (cached). Throws SyntaxError when `source` is not a valid ECMAScript pattern. */
export function compilePattern(source: string): PatternMatcher {
  let m = cache.get(source);
  if (!m) {
    m = build(source);
    // Bounded: a spec (or generated schemas) with endless distinct patterns must not grow it for ever.
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(source, m);
  }
  return m;
}

/**
 * Ajv's `code.regExp` engine: every `pattern` and `patternProperties` key it compiles runs here.
 * `toString` must differ per pattern (Ajv keys its shared regexps by it).
 */
export const ajvRegExpEngine = Object.assign(
  (source: string): { test(text: string): boolean; toString(): string } => {
    const m = compilePattern(source);
    return { test: m.test, toString: () => `/${source}/u` };
  },
  // Only read by Ajv's standalone code generation, which this project does not use.
  { code: 'compilePattern' },
);
