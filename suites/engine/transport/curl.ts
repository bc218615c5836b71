// A runnable curl line that repeats a request, for failure reports. The API key appears only as a shell
// variable (`$MISTRAL_API_KEY`), never its value; an invalid key (auth cases) is not a secret and shows.
//
// Multipart parts use curl's quoted `-F 'name="value";filename=...;type=...'` form, which carries any
// text (quotes and backslashes escaped) with no temporary file. Bytes that are not printable text go
// through printf: the first such part is piped in on stdin (`-F 'file=@-;...'`, works in any POSIX
// shell); further ones use bash process substitution `@<(printf ...)`. A raw body with a NUL byte is
// piped the same way (`--data-binary @-`).
import type { RequestSpec } from '../types.js';
import { buildUrl, DEFAULT_AUTH_HEADER, type AuthHeaderConfig } from './build-request.js';
import { envReference, shellQuote, shellWord } from './shell.js';

export interface CurlOptions {
  /** Name of the environment variable holding the key (default MISTRAL_API_KEY). */
  apiKeyEnv?: string;
  authHeader?: AuthHeaderConfig;
  /** Headers whose values are secrets: name → environment variable, written as `-H "Name: $VAR"`. */
  secretHeaders?: Record<string, string>;
}

export { shellQuote };

/** Inside double quotes only these four stay special. */
function doubleQuoteEscape(s: string): string {
  return s.replace(/[\\"$`]/g, '\\$&');
}

/** A printf format that reproduces the bytes exactly in any POSIX printf (octal escapes). */
function printfFormat(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) {
    if (b === 0x25) out += '%%';
    else if (b === 0x5c) out += '\\\\';
    else if (b >= 0x20 && b < 0x7f) out += String.fromCharCode(b);
    else out += `\\${b.toString(8).padStart(3, '0')}`;
  }
  return out;
}

/** Text curl's -F can carry: valid UTF-8 without NUL or other control characters than tab/CR/LF. */
function asFormText(value: string | Uint8Array): string | undefined {
  let text: string;
  if (typeof value === 'string') text = value;
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(value);
    } catch {
      return undefined;
    }
  }
  // eslint-disable-next-line no-control-regex
  return /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(text) ? undefined : text;
}

function formQuote(s: string): string {
  return `"${s.replace(/[\\"]/g, '\\$&')}"`;
}

function partOptions(filename: string | undefined, contentType: string | undefined): string {
  let o = '';
  if (filename !== undefined) o += `;filename=${formQuote(filename)}`;
  if (contentType !== undefined) o += `;type=${contentType}`;
  return o;
}

export function toCurl(req: RequestSpec, baseUrl: string, opts: CurlOptions = {}): string {
  const args: string[] = ['curl', '-sS', '-i'];
  let stdin: string | undefined;
  const method = req.method.toUpperCase();
  if (req.stream) args.push('-N');
  if (method === 'HEAD') args.push('-I');
  else if (method !== 'GET' || req.body) args.push('-X', shellWord(method));
  args.push(shellQuote(buildUrl(baseUrl, req.path, req.query)));

  const auth = opts.authHeader ?? DEFAULT_AUTH_HEADER;
  const prefix = `${auth.name}: ${auth.scheme ? `${auth.scheme} ` : ''}`;
  if (req.auth.kind === 'default') args.push('-H', `"${doubleQuoteEscape(prefix)}${envReference(opts.apiKeyEnv, 'MISTRAL_API_KEY')}"`);
  else if (req.auth.kind === 'invalid') args.push('-H', shellQuote(prefix + req.auth.value));

  for (const [name, env] of Object.entries(opts.secretHeaders ?? {})) {
    if (!Object.keys(req.headers).some((k) => k.toLowerCase() === name.toLowerCase()))
      args.push('-H', `"${doubleQuoteEscape(`${name}: `)}${envReference(env, 'SECRET_HEADER_VALUE')}"`);
  }
  const headerNames = new Set(Object.keys(req.headers).map((h) => h.toLowerCase()));
  const header = (name: string, value: string): void => {
    // `Name;` is curl's way to send a header with an empty value.
    args.push('-H', shellQuote(value === '' ? `${name};` : `${name}: ${value}`));
  };
  for (const [k, v] of Object.entries(req.headers)) {
    if (k.toLowerCase() !== auth.name.toLowerCase()) header(k, v);
  }

  const body = req.body;
  if (body?.kind === 'json') {
    if (!headerNames.has('content-type')) header('Content-Type', 'application/json');
    args.push('--data-raw', shellQuote(JSON.stringify(body.value) ?? 'null'));
  } else if (body?.kind === 'raw') {
    if (!headerNames.has('content-type')) header('Content-Type', body.contentType);
    if (body.text.includes('\u0000')) {
      stdin = printfFormat(Buffer.from(body.text, 'utf8'));
      args.push('--data-binary', '@-');
    } else args.push('--data-raw', shellQuote(body.text));
  } else if (body?.kind === 'multipart') {
    for (const p of body.parts) {
      const text = asFormText(p.value);
      const options = partOptions(p.filename, p.contentType);
      if (text !== undefined) {
        args.push('-F', shellQuote(`${p.name}=${formQuote(text)}${options}`));
        continue;
      }
      const bytes = typeof p.value === 'string' ? Buffer.from(p.value, 'utf8') : p.value;
      if (stdin === undefined) {
        stdin = printfFormat(bytes);
        args.push('-F', shellQuote(`${p.name}=@-${options}`));
      } else {
        args.push('-F', `${shellQuote(`${p.name}=@`)}<(printf ${shellQuote(printfFormat(bytes))})${options ? shellQuote(options) : ''}`);
      }
    }
  }
  const line = args.join(' ');
  return stdin === undefined ? line : `printf ${shellQuote(stdin)} | ${line}`;
}
