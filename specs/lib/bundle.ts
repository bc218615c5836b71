// Inlines `$ref`s that point outside the document (other files or URLs) so that the rest of the
// engine deals with one self-contained document whose refs are all local (`#/...`).
import { dirname, resolve as resolvePath } from 'node:path';
import { getAtPointer } from './json-pointer.js';
import { isUrl, parseDocumentText, readText } from './read-document.js';
import { isObject } from './schema-walk.js';

function resolveLocation(base: string, ref: string): string {
  if (isUrl(ref)) return ref;
  if (isUrl(base)) return new URL(ref, base).toString();
  return resolvePath(dirname(base), ref);
}

export async function bundleExternalRefs(doc: unknown, source: string): Promise<unknown> {
  const cache = new Map<string, unknown>();
  async function load(location: string): Promise<unknown> {
    if (!cache.has(location)) cache.set(location, parseDocumentText(await readText(location), location));
    return cache.get(location);
  }
  async function visit(node: unknown, base: string, depth: number): Promise<unknown> {
    if (depth > 64) throw new Error(`$ref nesting deeper than 64 levels from ${base}`);
    if (Array.isArray(node)) return Promise.all(node.map((n) => visit(n, base, depth)));
    if (!isObject(node)) return node;
    if (typeof node.$ref === 'string' && !node.$ref.startsWith('#')) {
      const [file, fragment = ''] = node.$ref.split('#');
      const location = resolveLocation(base, file!);
      const target = getAtPointer(await load(location), fragment);
      if (target === undefined) throw new Error(`unresolvable $ref ${node.$ref} (from ${base})`);
      const { $ref: _drop, ...siblings } = node;
      const inlined = (await visit(target, location, depth + 1)) as Record<string, unknown>;
      return Object.keys(siblings).length ? { ...inlined, ...siblings } : inlined;
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) out[k] = await visit(v, base, depth);
    return out;
  }
  return visit(doc, source, 0);
}
