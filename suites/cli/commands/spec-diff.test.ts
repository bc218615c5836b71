// spec-diff on the two shipped contracts: the facts the README summarises, checked here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SpecDiff } from '../../openapi/spec-diff/spec-diff.js';
import { tempDir } from '../test-support.js';
import { computeSpecDiff, specDiffCommand } from './spec-diff.js';

const change = (d: SpecDiff, path: string, method: string, at: string, kind: string) =>
  d.changed.find((c) => c.path === path && c.method === method)?.changes.find((c) => c.at === at && c.kind === kind);

describe('spec-diff 2024-11 → 2026-07', () => {
  let d: SpecDiff;
  beforeAll(async () => {
    d = await computeSpecDiff('2024-11', '2026-07');
  });

  it('keeps all 26 operations, adds 147, removes none, and notes the one renamed operationId', () => {
    expect([d.old.operations, d.new.operations, d.summary.kept, d.added.length, d.removed.length]).toEqual([26, 173, 26, 147, 0]);
    expect(d.renamed).toEqual([
      { method: 'post', path: '/v1/chat/moderations', from: 'moderations_chat_v1_chat_moderations_post', to: 'chat_moderations_v1_chat_moderations_post' },
    ]);
    // `#variant` path keys are operations of their own.
    expect(d.added.map((o) => o.path)).toEqual(
      expect.arrayContaining(['/v1/conversations', '/v1/conversations#stream', '/v1/ocr', '/v1/audio/transcriptions#stream']),
    );
  });

  it('chat completions: new request fields break a 2024 server; answers may hold thinking chunks; created and choices now required', () => {
    for (const field of ['reasoning_effort', 'prompt_mode', 'parallel_tool_calls'])
      expect(change(d, '/v1/chat/completions', 'post', field, 'property-added')?.breaks, field).toEqual(['server']);
    expect(change(d, '/v1/chat/completions', 'post', 'choices[].message.content<type array>[]', 'alternatives-added')?.detail).toContain('ThinkChunk');
    expect(change(d, '/v1/chat/completions', 'post', 'created', 'required-added')?.breaks).toEqual(['server']);
    // The errata agree on `data`: no spurious change from the defect both documents share.
    expect(change(d, '/v1/chat/completions', 'post', 'data', 'required-removed')).toBeUndefined();
  });

  it('fine-tuning jobs split into completion and classifier jobs: a new alternative, not every property removed', () => {
    const job = d.changed.find((c) => c.path === '/v1/fine_tuning/jobs/{job_id}' && c.method === 'get')!;
    expect(job.changes.filter((c) => c.kind === 'property-removed')).toEqual([]);
    expect(job.changes.find((c) => c.kind === 'alternatives-added')?.detail).toBe('alternatives added: ClassifierDetailedJobOut');
  });

  it('the list of batch jobs: model may now be absent or null (an old client expecting it breaks)', () => {
    expect(change(d, '/v1/batch/jobs', 'get', 'data[].model', 'required-removed')?.breaks).toEqual(['client']);
    expect(change(d, '/v1/batch/jobs', 'get', 'data[].model', 'nullable-added')?.breaks).toEqual(['client']);
  });

  it('the command writes Markdown or JSON, and refuses an unknown format', async () => {
    const dir = tempDir('spec-diff-');
    expect(await specDiffCommand(['2024-11', '2026-07', '--format', 'json', '--output', join(dir, 'd.json')])).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'd.json'), 'utf8')).summary).toEqual(d.summary);
    expect(await specDiffCommand(['2024-11', '2026-07', '--output', join(dir, 'd.md')])).toBe(0);
    expect(readFileSync(join(dir, 'd.md'), 'utf8')).toContain('## Added operations (147)');
    await expect(specDiffCommand(['2024-11', '2026-07', '--format', 'pdf'])).rejects.toThrow(/--format must be markdown or json/);
    await expect(specDiffCommand(['2024-11'])).rejects.toThrow(/needs OLD and NEW/);
  });
});
