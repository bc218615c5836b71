import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../openapi/paths.js';
import { allChecks } from '../mistral/all-checks.js';
import { renderChecksTable, TABLE_END, TABLE_START } from './checks-table.js';

describe('README table of checks', () => {
  it('is the one generated from the check definitions (run npm run docs)', () => {
    const readme = readFileSync(join(packageRoot(), 'README.md'), 'utf8');
    const current = readme.slice(readme.indexOf(TABLE_START), readme.indexOf(TABLE_END) + TABLE_END.length);
    expect(current).toBe(renderChecksTable(allChecks()));
  });
  it('has unique kebab-case ids with a title and a one-line description', () => {
    const ids = allChecks().map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of allChecks()) {
      expect(c.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(c.title.length).toBeGreaterThan(3);
      expect(c.description).not.toContain('\n');
    }
  });
});
