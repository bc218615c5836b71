import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from './openapi/paths.js';

let cached: string | undefined;

export function toolVersion(): string {
  cached ??= (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
  return cached;
}

export const tool = (): { name: string; version: string } => ({ name: 'mistral-conformance', version: toolVersion() });
