// docs/CONTRACTS.md, the full spec diff and the README's contracts summary are what the code says today
// (run `npm run docs` after changing a contract, its errata, a recording or spec-diff), and the verdicts
// on the recorded real traffic are the ones the issue asks for: under the current contract, no
// recording of 2025-2026 fails.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CONTRACTS } from '../../mistral/contracts.js';
import { packageRoot } from '../../openapi/paths.js';
import {
  type ContractsDocData,
  DIFF_PATH,
  DOC_PATH,
  gatherContractsDoc,
  isRecent,
  renderContractsDoc,
  renderFullDiff,
  readmeSummary,
  renderReadmeSummary,
} from './contracts-doc.js';
import { noteFor, RECORDING_NOTES } from './recording-notes.js';

const read = (rel: string): string => readFileSync(join(packageRoot(), rel), 'utf8');

describe('the contracts documentation', () => {
  let d: ContractsDocData;
  beforeAll(async () => {
    d = await gatherContractsDoc();
  }, 60_000);

  it('is current: docs/CONTRACTS.md, the full spec diff and the README summary (npm run docs rewrites them)', () => {
    expect(read(DOC_PATH)).toBe(renderContractsDoc(d));
    expect(read(DIFF_PATH)).toBe(renderFullDiff(d));
    expect(readmeSummary(read('README.md'))).toBe(renderReadmeSummary(d));
  });

  it('2026-07 accepts every recording of 2025-2026 (warnings from the status policy aside)', () => {
    const recent = d.verdicts.get('2026-07')!.filter(isRecent);
    expect(recent.length).toBeGreaterThanOrEqual(12);
    expect(recent.filter((v) => v.verdict === 'fail' || v.verdict === 'unmatched').map((v) => v.file)).toEqual([]);
  });

  it('2024-11 fails the 2025-2026 chat traffic that uses what came later, each a version gap', () => {
    const failing = d.verdicts
      .get('2024-11')!
      .filter((v) => isRecent(v) && v.verdict === 'fail')
      .map((v) => v.file);
    expect(failing).toEqual([
      'chat_completions__reasoning_effort_none__pydantic-ai.json',
      'chat_completions__stream_thinking__pydantic-ai.json',
      'chat_completions__thinking_content_chunks__pydantic-ai.json',
      'chat_completions__tool_calls__pydantic-ai.json',
    ]);
    for (const f of failing) expect(noteFor(f, '2024-11')?.kind, f).toBe('version gap');
  });

  it('every verdict that is not a pass has a note for its contract, and no note is left over', () => {
    for (const c of CONTRACTS)
      for (const v of d.verdicts.get(c.id)!) if (v.verdict !== 'pass') expect(noteFor(v.file, c.id), `${c.id} ${v.file}`).toBeDefined();
    const judged = new Set(
      CONTRACTS.flatMap((c) =>
        d.verdicts
          .get(c.id)!
          .filter((v) => v.verdict !== 'pass')
          .map((v) => v.file),
      ),
    );
    expect(Object.keys(RECORDING_NOTES).filter((f) => !judged.has(f))).toEqual([]);
  });

  it('re-checks every 2024-11 erratum against 2026-07', () => {
    expect(Object.fromEntries(d.recheck.map((r) => [r.id, r.status]))).toEqual({
      'chat-response-requires-data': 'still needed',
      'embedding-data-tuple-items': 'fixed upstream',
      'classification-results-tuple-items': 'fixed upstream',
      'sse-event-framing': 'still needed',
      'agents-completion-stream-undocumented': 'still needed',
      'embedding-data-example-is-a-list': 'fixed upstream',
    });
    // Applied blindly to 2026-07, the 2024 stream wildcard would also hit the conversation, audio and workflow streams.
    expect(d.recheck.find((r) => r.id === 'sse-event-framing')?.matchedThere).toBeGreaterThan(2);
  });
});
