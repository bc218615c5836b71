// Inlines `$ref`s that point outside the document (other files or URLs) so that the rest of the
// engine deals with one self-contained document whose refs are all local (`#/...`).
import { dirname, resolve as resolvePath } from 'node:path';
import { getAtPointer } from './json-pointer.js';
import { MAX_SPEC_DEPTH, valueDeeperThan } from './json-depth.js';
import { DEFAULT_READ_LIMITS, isUrl, parseDocumentText, readText, SpecReadError, type ReadLimits } from './read-document.js';
import { isObject } from './is-object.js';

function resolveLocation(base: string, ref: string): string {
  if (isUrl(ref)) return ref;
  if (isUrl(base)) return new URL(ref, base).toString();
  return resolvePath(dirname(base), ref);
}

function canonical(location: string): string {
  return isUrl(location) ? location : resolvePath(location);
}

export interface BundleOptions {
  /**
   * Fetch `$ref`s to http(s) documents on other origins than the spec's own (default false): a spec
   * file must not make the tool fetch internal URLs (`http://127.0.0.1:…`, cloud metadata) and send
   * what they answer to the target or into reports.
   */
  allowRemoteRefs?: boolean;
  /** Caps; `maxBytes` bounds all documents the refs name, together with the spec itself (`usedBytes`). */
  limits?: ReadLimits;
  /** Bytes of the spec document already read. */
  usedBytes?: number;
}

function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}

/** Only documents: a `$ref` to `~/.ssh/id_rsa` or `.env` would parse as a YAML string and be sent as an example. */
const DOCUMENT_FILE = /\.(?:ya?ml|json)$/i;

export async function bundleExternalRefs(doc: unknown, source: string, options: BundleOptions = {}): Promise<unknown> {
  const root = canonical(source);
  const limits = options.limits ?? DEFAULT_READ_LIMITS;
  let used = options.usedBytes ?? 0;
  const cache = new Map<string, unknown>();
  function refuse(ref: string, base: string, why: string, hint: string): never {
    throw new SpecReadError(`[mistral-conformance] Failed to load spec: $ref "${ref}" (in ${base}) ${why}. ${hint}`);
  }
  function admit(ref: string, base: string, location: string): void {
    if (isUrl(location)) {
      if (!options.allowRemoteRefs && !(isUrl(root) && sameOrigin(root, location)))
        refuse(ref, base, `points to a remote document (${location})`, 'Pass --allow-remote-refs to fetch it, or download it and refer to the file');
      return;
    }
    if (!DOCUMENT_FILE.test(location)) refuse(ref, base, 'does not name a .json, .yaml or .yml document', 'Refer to OpenAPI or JSON Schema documents only');
  }
  async function load(location: string): Promise<unknown> {
    if (!cache.has(location)) {
      const text = await readText(location, { ...limits, maxBytes: Math.max(0, limits.maxBytes - used), followRedirects: false });
      used += Buffer.byteLength(text);
      cache.set(location, parseDocumentText(text, location));
    }
    return cache.get(location);
  }
  // `stack` holds the external targets being inlined: seeing one again means a cycle across files,
  // which inlining cannot express.
  async function visit(node: unknown, base: string, stack: string[]): Promise<unknown> {
    if (Array.isArray(node)) return Promise.all(node.map((n) => visit(n, base, stack)));
    if (!isObject(node)) return node;
    const ref = node.$ref;
    // A local ref inside an external file points into that file, not into the main document.
    const external = typeof ref === 'string' && (!ref.startsWith('#') || base !== root);
    if (typeof ref === 'string' && external) {
      const [file, fragment = ''] = ref.split('#');
      const location = file ? canonical(resolveLocation(base, file)) : base;
      const { $ref: _drop, ...siblings } = node;
      // Back into the main document: keep it as a local ref.
      if (location === root) return { $ref: `#${fragment}`, ...(await visitMembers(siblings, base, stack)) };
      admit(ref, base, location);
      const key = `${location}#${fragment}`;
      if (stack.includes(key))
        throw new SpecReadError(`cannot bundle ${source}: recursive $ref ${ref} across files (via ${base}); move the recursive schema into the main document`);
      const target = getAtPointer(await load(location), fragment);
      if (target === undefined) throw new SpecReadError(`cannot bundle ${source}: $ref ${ref} (in ${base}) does not resolve`);
      const inlined = (await visit(target, location, [...stack, key])) as Record<string, unknown>;
      return Object.keys(siblings).length ? { ...inlined, ...(await visitMembers(siblings, base, stack)) } : inlined;
    }
    return visitMembers(node, base, stack);
  }
  async function visitMembers(node: Record<string, unknown>, base: string, stack: string[]): Promise<Record<string, unknown>> {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) out[k] = await visit(v, base, stack);
    return out;
  }
  const bundled = await visit(doc, root, []);
  // Each document is shallow enough; inlined into one another they may not be.
  if (valueDeeperThan(bundled, MAX_SPEC_DEPTH))
    throw new SpecReadError(
      `[mistral-conformance] Failed to load spec: with its $refs inlined, ${source} nests deeper than ${MAX_SPEC_DEPTH} levels. Check the refs for a chain`,
    );
  return bundled;
}
