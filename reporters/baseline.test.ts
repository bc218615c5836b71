import { describe, expect, it } from 'vitest';
import { applyBaseline, describeBaselineIssues, makeBaseline, parseBaseline, type Baseline } from './baseline.js';
import { loadSample } from './test-support.js';

const CHAT = 'chat_completion_v1_chat_completions_post';
const EMB = 'embeddings_v1_embeddings_post';

describe('baseline', () => {
  it('makeBaseline lists every failing (operation, check); applying it turns the verdict to pass', async () => {
    const { results } = await loadSample();
    const b = makeBaseline(results, 'vendor ticket 12');
    expect(b.entries.map((e) => `${e.operationId} ${e.checkId}`)).toEqual([
      `${CHAT} negative-data-rejection`,
      `${CHAT} response-schema-conformance`,
      `${EMB} embeddings-consistency`,
    ]);
    const applied = applyBaseline(results, b);
    expect(applied.results.summary.verdict).toBe('pass');
    expect(applied.results.summary.checks).toMatchObject({ failed: 0, errored: 0, accepted: 3 });
    const c = applied.results.operations[1]!.checks.find((x) => x.checkId === 'negative-data-rejection')!;
    expect(c).toMatchObject({ outcome: 'accepted', accepted: 1, failed: 0, acceptedReason: 'vendor ticket 12' });
    expect(applied.stale).toEqual([]);
    expect(applied.unmatched).toEqual([]);
    // The input is not changed.
    expect(results.summary.verdict).toBe('fail');
  });

  it('a partial baseline keeps the run failing on the failures it does not name', async () => {
    const { results } = await loadSample();
    const applied = applyBaseline(results, {
      format: 'mistral-conformance-baseline',
      version: 1,
      entries: [{ operationId: CHAT, checkId: 'negative-data-rejection' }],
    });
    expect(applied.results.summary.verdict).toBe('fail');
    expect(applied.results.summary.checks.failed).toBe(1);
  });

  it('reports stale entries (now passing) and unmatched ones (not run)', async () => {
    const { results } = await loadSample();
    const b: Baseline = {
      format: 'mistral-conformance-baseline',
      version: 1,
      entries: [
        { operationId: 'list_models_v1_models_get', checkId: 'status-code-conformance', reason: 'old 404' },
        { operationId: CHAT, checkId: 'seed-determinism' },
        { operationId: 'gone_op', checkId: 'x' },
      ],
    };
    const applied = applyBaseline(results, b);
    expect(applied.stale).toEqual([b.entries[0]]);
    expect(applied.unmatched).toEqual([b.entries[1], b.entries[2]]);
    expect(applied.results.summary.verdict).toBe('fail');
    expect(describeBaselineIssues(applied)[0]).toBe(
      'baseline entry list_models_v1_models_get › status-code-conformance is stale: the check now passes; remove it',
    );
  });

  it('applying a baseline to results it was already applied to changes nothing and reports nothing stale', async () => {
    const { results } = await loadSample();
    const b = makeBaseline(results, 'vendor ticket 12');
    const once = applyBaseline(results, b).results;
    const twice = applyBaseline(once, b);
    expect(twice.results).toEqual(once);
    expect(twice.matched).toEqual(b.entries);
    expect(twice.stale).toEqual([]);
    expect(twice.unmatched).toEqual([]);
  });

  it('a run that did not finish still fails after the baseline', async () => {
    const { results } = await loadSample();
    const r = structuredClone(results);
    delete r.timings.finishedAt;
    expect(applyBaseline(r, makeBaseline(r)).results.summary.verdict).toBe('fail');
  });

  it('parseBaseline validates with one-line errors', () => {
    expect(parseBaseline('{"format":"mistral-conformance-baseline","version":1,"entries":[{"operationId":"a","checkId":"b"}]}').entries).toHaveLength(1);
    expect(() => parseBaseline('{"format":"x"}', 'b.json')).toThrow(
      /^\[mistral-conformance\] Failed to read baseline b\.json: "format" is not "mistral-conformance-baseline"\.[^\n]*$/,
    );
    expect(() => parseBaseline('{"format":"mistral-conformance-baseline","version":1,"entries":[{"operationId":1}]}')).toThrow(
      /entry 0 needs string operationId and checkId/,
    );
    expect(() => parseBaseline('{"format":"mistral-conformance-baseline","version":3,"entries":[]}')).toThrow(/unsupported version 3/);
  });
});
