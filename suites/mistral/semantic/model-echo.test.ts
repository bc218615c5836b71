import { describe, expect, it } from 'vitest';
import { OPS, caseOf, completion, exchangeContext, failuresOf, jsonExchange, pinnedSpec, recordedExchange } from '../test-support/exchanges.js';
import { modelEcho, modelFamily } from './model-echo.js';

const spec = await pinnedSpec();

function run(requested: string, answered: string, modelNames?: string[], op: string = OPS.chat) {
  const json =
    op === OPS.chat
      ? completion([{}], undefined, answered)
      : { id: 'e', object: 'list', model: answered, data: [], usage: { prompt_tokens: 1, completion_tokens: 0, total_tokens: 1 } };
  const tc = caseOf(op, modelNames ? { meta: { modelNames } } : {});
  const ctx = exchangeContext(spec, op, jsonExchange(op, { model: requested }, json), tc);
  expect(modelEcho.applies?.(ctx)).toBe(true);
  return failuresOf(modelEcho.run(ctx));
}

describe('model-echo', () => {
  it.each([
    [OPS.chat, 'chat_completions__basic_2024-05__openllmetry'],
    [OPS.chat, 'chat_completions__basic_2025-09__openllmetry'],
    [OPS.chat, 'chat_completions__stream_2025-09__openllmetry'],
    [OPS.embeddings, 'embeddings__batch_input_2025-09__openllmetry'],
  ])('passes the real answer %s', (op, name) => {
    expect(failuresOf(modelEcho.run(exchangeContext(spec, op, recordedExchange(spec, op, name)))).failures).toEqual([]);
  });

  it.each([
    ['the requested name', 'mistral-small-latest', 'mistral-small-latest', undefined],
    ['a documented alias', 'mistral-small-latest', 'mistral-small-2409', ['mistral-small-2409', 'mistral-small-latest']],
    ['a dated version without a models list', 'mistral-small-latest', 'mistral-small-2409', undefined],
  ])('passes %s', (_n, requested, answered, names) => {
    expect(run(requested, answered, names).failures).toEqual([]);
  });

  it.each([
    ['another model', 'mistral-small-latest', 'mistral-large-latest', undefined, /model "mistral-large-latest" for a request of "mistral-small-latest"/],
    [
      'a name outside the documented ones',
      'mistral-small-latest',
      'mistral-small-2402',
      ['mistral-small-2409', 'mistral-small-latest'],
      /one of "mistral-small-latest", "mistral-small-2409"/,
    ],
    ['a vendor model behind a Mistral name', 'mistral-embed', 'text-embedding-3-small', undefined, /"text-embedding-3-small"/],
  ])('fails %s', (_n, requested, answered, names, message) => {
    const op = requested === 'mistral-embed' ? OPS.embeddings : OPS.chat;
    const { failures } = run(requested, answered, names, op);
    expect(failures).toHaveLength(1);
    expect(failures[0]?.message).toMatch(message);
  });

  it('strips version suffixes to a family', () => {
    expect(['mistral-small-latest', 'mistral-small-2409', 'codestral-2405', 'ministral-8b-latest'].map(modelFamily)).toEqual([
      'mistral-small',
      'mistral-small',
      'codestral',
      'ministral-8b',
    ]);
  });

  it('does not apply to agents (no model in the request)', () => {
    expect(modelEcho.applies?.(exchangeContext(spec, OPS.agents, jsonExchange(OPS.agents, { agent_id: 'a' }, completion([{}]))))).toBe(false);
  });
});
