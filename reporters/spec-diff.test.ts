import { describe, expect, it } from 'vitest';
import type { SpecDiff } from '../suites/openapi/spec-diff/spec-diff.js';
import { renderSpecDiffMarkdown, specDiffSummaryLines } from './spec-diff.js';

const diff = (over: Partial<SpecDiff> = {}): SpecDiff => ({
  old: { title: 'API', version: '1', source: 'a.yaml', operations: 2 },
  new: { title: 'API', version: '2', source: 'b.yaml', operations: 3 },
  added: [{ method: 'post', path: '/v1/new', operationId: 'new_op', tags: ['beta'] }],
  removed: [],
  renamed: [{ method: 'get', path: '/v1/a', from: 'a_old', to: 'a_new' }],
  changed: [
    {
      method: 'get',
      path: '/v1/a',
      operationId: 'a_new',
      oldOperationId: 'a_old',
      tags: [],
      changes: [
        { part: 'response', location: '200 application/json', at: 'kind', kind: 'enum-values-added', detail: 'values added: x', breaks: ['client'] },
        { part: 'response', location: '200 application/json', at: 'extra', kind: 'property-added', detail: 'property added (optional)', breaks: [] },
      ],
    },
  ],
  unchanged: 1,
  summary: { kept: 2, breaking: { client: 1, server: 0 }, breakingOperations: 1 },
  ...over,
});

describe('spec-diff Markdown', () => {
  it('gives the counts, the breaking changes per operation (compatible ones counted), and the operations added by tag', () => {
    const md = renderSpecDiffMarkdown(diff());
    expect(md).toContain('# Spec diff: API 1 → API 2');
    expect(specDiffSummaryLines(diff())[0]).toBe('- Operations: 2 → 3: 2 kept (1 operationId renamed), 1 added, 0 removed.');
    expect(md).toContain('### `GET /v1/a` (operationId `a_old` → `a_new`)');
    expect(md).toContain('| client | 200 application/json | `kind` | values added: x |');
    expect(md).toContain('1 compatible change (members added to answers, documentation) not listed.');
    expect(md).not.toContain('`extra`');
    expect(md).toContain('## Removed operations (0)\n\nNone.');
    expect(md).toContain('| beta | 1 | `POST /v1/new` |');
  });

  it('escapes what the documents say: table cells and code spans cannot be broken out of', () => {
    const hostile = diff({
      changed: [
        {
          method: 'get',
          path: '/v1/`x`|y',
          operationId: 'op`|',
          tags: [],
          changes: [
            { part: 'response', location: '200 a|b', at: 'k`|', kind: 'enum-values-added', detail: 'values added: <script>|x\nnew line', breaks: ['client'] },
          ],
        },
      ],
    });
    const row = renderSpecDiffMarkdown(hostile)
      .split('\n')
      .find((l) => l.startsWith('| client'))!;
    expect(row).toBe("| client | 200 a\\|b | `k'\\|` | values added: &lt;script&gt;\\|x new line |");
    expect(renderSpecDiffMarkdown(hostile)).toContain("### `GET /v1/'x'|y` (`op'|`)");
  });
});
