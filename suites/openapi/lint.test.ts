import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatLintFindings, lintSpec, type LintFinding } from './lint.js';
import { loadSpec } from './load-spec.js';
import { pinnedErrataPath, pinnedSpecPath } from '../mistral/contracts.js';

const find = (fs: LintFinding[], rule: string, pointer: string): LintFinding | undefined => fs.find((f) => f.rule === rule && f.pointer === pointer);

describe('lintSpec on the pinned Mistral document', () => {
  let literal: LintFinding[];
  let withErrata: LintFinding[];
  beforeAll(async () => {
    literal = lintSpec(await loadSpec(pinnedSpecPath()));
    withErrata = lintSpec(await loadSpec(pinnedSpecPath(), { overlays: [pinnedErrataPath()] }));
  });

  it('finds the known defects of the literal document, none marked fixed without errata', () => {
    expect(find(literal, 'undeclared-required', '/components/schemas/ChatCompletionResponse/allOf/1/required/2')?.message).toContain('"data"');
    expect(find(literal, 'tuple-items', '/components/schemas/EmbeddingResponse/allOf/1/properties/data')).toBeDefined();
    expect(find(literal, 'tuple-items', '/components/schemas/ClassificationResponse/properties/results')).toBeDefined();
    expect(find(literal, 'example-invalid', '/components/schemas/EmbeddingResponseData/example')?.message).toContain('must be object');
    for (const s of ['BaseModelCard', 'FTModelCard', 'TextChunk', 'ImageURLChunk', 'UserMessage']) {
      expect(find(literal, 'discriminator-not-required', `/components/schemas/${s}`), s).toBeDefined();
    }
    expect(find(literal, 'sse-envelope', '/paths/~1v1~1chat~1completions/post/responses/200/content/text~1event-stream')).toBeDefined();
    expect(find(literal, 'stream-undocumented', '/paths/~1v1~1agents~1completions/post/responses/200/content')).toBeDefined();
    expect(literal.some((f) => f.fixedByErratum)).toBe(false);
    // Rules that find nothing in this document stay quiet on it.
    expect(literal.filter((f) => ['unresolvable-ref', 'nullable-in-31', 'duplicate-operation-id', 'path-parameter-mismatch'].includes(f.rule))).toEqual([]);
  });

  it('says which defects the applied errata fix, and only those', () => {
    const fixed = Object.fromEntries(withErrata.filter((f) => f.fixedByErratum).map((f) => [`${f.rule} ${f.pointer}`, f.fixedByErratum]));
    expect(fixed).toEqual({
      'undeclared-required /components/schemas/ChatCompletionResponse/allOf/1/required/2': 'chat-response-requires-data',
      'tuple-items /components/schemas/EmbeddingResponse/allOf/1/properties/data': 'embedding-data-tuple-items',
      'tuple-items /components/schemas/ClassificationResponse/properties/results': 'classification-results-tuple-items',
      'sse-envelope /paths/~1v1~1chat~1completions/post/responses/200/content/text~1event-stream': 'sse-event-framing',
      'sse-envelope /paths/~1v1~1fim~1completions/post/responses/200/content/text~1event-stream': 'sse-event-framing',
      'stream-undocumented /paths/~1v1~1agents~1completions/post/responses/200/content': 'agents-completion-stream-undocumented',
      'example-invalid /components/schemas/EmbeddingResponseData/example': 'embedding-data-example-is-a-list',
    });
  });
});

describe('lintSpec attribution and normalisations', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lint-'));
  });
  const write = async (name: string, value: unknown): Promise<string> => {
    const p = join(dir, name);
    await writeFile(p, JSON.stringify(value));
    return p;
  };
  const spec = {
    openapi: '3.1.0',
    info: { title: 't', version: '1' },
    paths: {},
    components: {
      schemas: {
        A: { type: 'object', properties: { id: { type: 'string' } }, required: ['id', 'ghost'] },
        L: { type: 'array', items: [{ type: 'string' }] },
      },
    },
  };

  it('an erratum that touches the location but leaves the defect does not count as a fix', async () => {
    const path = await write('s.json', spec);
    const cosmetic = await write('cosmetic.json', {
      overlay: '1.0.0',
      info: { title: 'o', version: '1' },
      actions: [{ 'x-id': 'touch-a', target: '$.components.schemas.A', update: { description: 'x' } }],
    });
    const real = await write('real.json', {
      overlay: '1.0.0',
      info: { title: 'o', version: '1' },
      actions: [{ 'x-id': 'drop-ghost', target: "$.components.schemas.A.required[?(@ == 'ghost')]", remove: true }],
    });
    const touched = lintSpec(await loadSpec(path, { overlays: [cosmetic] }));
    expect(find(touched, 'undeclared-required', '/components/schemas/A/required/1')?.fixedByErratum).toBeUndefined();
    const fixed = lintSpec(await loadSpec(path, { overlays: [real] }));
    expect(find(fixed, 'undeclared-required', '/components/schemas/A/required/1')?.fixedByErratum).toBe('drop-ghost');
    // Normalised by the loader, but not by an erratum: still open.
    expect(find(fixed, 'tuple-items', '/components/schemas/L')?.fixedByErratum).toBeUndefined();
  });

  it('attributes a defect fixed through a reference to the erratum that names it in x-fixes, and to the closest erratum', async () => {
    const path = await write('s-ref.json', {
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
      paths: {},
      components: {
        schemas: {
          Purpose: { type: 'string', enum: ['a', 'b'] },
          F: { type: 'object', properties: { purpose: { $ref: '#/components/schemas/Purpose', examples: ['c'] }, n: { type: 'integer', example: 'x' } } },
        },
      },
    });
    const action = (extra: Record<string, unknown>) => ({ 'x-id': 'purpose-c', target: '$.components.schemas.Purpose.enum', update: ['c'], ...extra });
    const overlayWith = (actions: unknown[]) =>
      write(`o-${actions.length}-${Math.random()}.json`, { overlay: '1.0.0', info: { title: 'o', version: '1' }, actions });
    const pointer = '/components/schemas/F/properties/purpose/examples/0';
    // Without x-fixes the fix is real but cannot be attributed: still reported open.
    const unnamed = lintSpec(await loadSpec(path, { overlays: [await overlayWith([action({})])] }));
    expect(find(unnamed, 'example-invalid', pointer)?.fixedByErratum).toBeUndefined();
    const named = lintSpec(await loadSpec(path, { overlays: [await overlayWith([action({ 'x-fixes': [pointer] })])] }));
    expect(find(named, 'example-invalid', pointer)?.fixedByErratum).toBe('purpose-c');
    // x-fixes is a claim lint checks: a named finding that is still there stays open.
    const wrong = lintSpec(await loadSpec(path, { overlays: [await overlayWith([action({ 'x-fixes': ['/components/schemas/F/properties/n/example'] })])] }));
    expect(find(wrong, 'example-invalid', '/components/schemas/F/properties/n/example')?.fixedByErratum).toBeUndefined();
    // Two errata related to one finding: the one aimed closest at it gets it, whatever their order.
    const broad = { 'x-id': 'touch-f', target: '$.components.schemas.F', update: { description: 'x' } };
    const close = { 'x-id': 'fix-n', target: '$.components.schemas.F.properties.n', update: { example: 1 } };
    for (const order of [
      [broad, close],
      [close, broad],
    ]) {
      const fs = lintSpec(await loadSpec(path, { overlays: [await overlayWith(order)] }));
      expect(find(fs, 'example-invalid', '/components/schemas/F/properties/n/example')?.fixedByErratum).toBe('fix-n');
    }
  });

  it('reports an erratum that matches nothing', async () => {
    const path = await write('s2.json', spec);
    const stale = await write('stale.json', {
      overlay: '1.0.0',
      info: { title: 'o', version: '1' },
      actions: [{ 'x-id': 'gone', target: '$.components.schemas.Nope', remove: true }],
    });
    const fs = lintSpec(await loadSpec(path, { overlays: [stale] }));
    expect(fs.find((f) => f.rule === 'erratum-unmatched')?.message).toContain('gone');
  });

  it('reports loader normalisations no rule reported (OpenAPI 3.0 boolean bounds) as warnings', async () => {
    const path = await write('s30.json', {
      openapi: '3.0.3',
      info: { title: 't', version: '1' },
      paths: {},
      components: { schemas: { N: { type: 'number', minimum: 0, exclusiveMinimum: true } } },
    });
    const fs = lintSpec(await loadSpec(path));
    expect(fs).toEqual([expect.objectContaining({ rule: 'exclusive-bound-boolean', pointer: '/components/schemas/N', severity: 'warning' })]);
  });
});

describe('formatLintFindings', () => {
  it('groups by rule, one line per finding, and ends with a count line', () => {
    const text = formatLintFindings([
      { rule: 'b-rule', pointer: '/z', message: 'second\nline', severity: 'warning' },
      { rule: 'a-rule', pointer: '/a', message: 'm1', severity: 'error', fixedByErratum: 'e1' },
      { rule: 'b-rule', pointer: '/a', message: 'first', severity: 'error' },
    ]);
    expect(text.split('\n')).toEqual([
      'b-rule (2)',
      '  error   #/a  first',
      '  warning #/z  second line',
      'a-rule (1)',
      '  error   #/a  m1 [fixed by erratum e1]',
      '3 findings: 2 errors (1 fixed by errata, 1 open), 1 warning',
    ]);
    expect(formatLintFindings([])).toBe('0 findings: 0 errors (0 fixed by errata, 0 open), 0 warnings');
  });
});
