// Inlines `$ref`s that point outside the document (other files or URLs) so that the rest of the
// engine deals with one self-contained document whose refs are all local (`#/...`).
import { dirname, resolve as resolvePath } from 'node:path';
import { getAtPointer } from './json-pointer.js';
import { isUrl, parseDocumentText, readText, SpecReadError } from './read-document.js';
import { isObject } from './schema-walk.js';

function resolveLocation(base: string, ref: string): string {
  if (isUrl(ref)) return ref;
  if (isUrl(base)) return new URL(ref, base).toString();
  return resolvePath(dirname(base), ref);
}

function canonical(location: string): string {
  return isUrl(location) ? location : resolvePath(location);
}

export async function bundleExternalRefs(doc: unknown, source: string): Promise<unknown> {
  const root = canonical(source);
  const cache = new Map<string, unknown>();
  async function load(location: string): Promise<unknown> {
    if (!cache.has(location)) cache.set(location, parseDocumentText(await readText(location), location));
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
  return visit(doc, root, []);
}
