// Reads an OpenAPI document from a file path or an http(s) URL, as YAML or JSON.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';

export interface ReadDocument {
  source: string;
  text: string;
  sha256: string;
  value: unknown;
}

export class SpecReadError extends Error {
  override name = 'SpecReadError';
}

export function isUrl(location: string): boolean {
  return /^https?:\/\//i.test(location);
}

export async function readText(location: string): Promise<string> {
  if (isUrl(location)) {
    let res: Response;
    try {
      res = await fetch(location, { signal: AbortSignal.timeout(30_000) });
    } catch (err) {
      throw new SpecReadError(`cannot fetch ${location}: ${(err as Error).message}`);
    }
    if (!res.ok) throw new SpecReadError(`cannot fetch ${location}: HTTP ${res.status}`);
    return res.text();
  }
  try {
    return await readFile(resolve(location), 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new SpecReadError(`cannot read ${location}: ${code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
  }
}

/** JSON is YAML, but JSON.parse is much faster and gives better messages for JSON files. */
export function parseDocumentText(text: string, source: string): unknown {
  const trimmed = text.trimStart();
  try {
    if (trimmed.startsWith('{') || trimmed.startsWith('[')) return JSON.parse(text);
    return parseYaml(text, { maxAliasCount: -1, merge: true });
  } catch (err) {
    const msg = (err as Error).message.split('\n')[0];
    throw new SpecReadError(`cannot parse ${source}: ${msg}`);
  }
}

export async function readDocument(location: string): Promise<ReadDocument> {
  const text = await readText(location);
  const value = parseDocumentText(text, location);
  return { source: location, text, sha256: createHash('sha256').update(text).digest('hex'), value };
}
