import { describe, expect, it } from 'vitest';
import { OPS, caseContext, caseOf, completion, failuresOf, jsonExchange, pinnedSpec } from '../test-support/exchanges.js';
import { toolCallsCase } from './tool-calls-case.js';
import type { ProbeProperty } from '../case-meta.js';

const spec = await pinnedSpec();
const weather = {
  type: 'function',
  function: { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } },
};
const forced = { tools: [weather], tool_choice: 'any' };
const called = () =>
  jsonExchange(
    OPS.chat,
    forced,
    completion([
      {
        content: '',
        tool_calls: [{ id: 'c1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } }],
        finish_reason: 'tool_calls',
      },
    ]),
  );
const prose = () => jsonExchange(OPS.chat, forced, completion([{ content: 'Sunny.' }]));
const followUp = (status = 200) => jsonExchange(OPS.chat, { tools: [weather] }, completion([{ content: 'It is 18 °C in Paris.' }]), { status });

function run(property: ProbeProperty, ...exchanges: ReturnType<typeof called>[]) {
  return failuresOf(toolCallsCase.run(caseContext(spec, caseOf(OPS.chat, { caseChecks: ['tool-calls'], meta: { property } }), exchanges)));
}

describe('tool-calls (case)', () => {
  it('passes k forced calls', () => {
    expect(run('tool-choice-repeat', called(), called(), called()).failures).toEqual([]);
  });

  it('fails by pass^k when one repetition ignores tool_choice any', () => {
    const { failures } = run('tool-choice-repeat', called(), prose(), called());
    expect(failures[0]?.message).toMatch(/^2 of 3 held: pass@3 held, pass\^3 failed.*step 1: Received: choice 0 has no tool call/);
  });

  it('passes an accepted tool result', () => {
    expect(run('tool-result', called(), followUp()).failures).toEqual([]);
  });

  it('fails a refused tool result', () => {
    const { failures } = run('tool-result', called(), followUp(422));
    expect(failures[0]).toMatchObject({ step: 1, message: expect.stringMatching(/^Received: 422 for the request that sends the tool result back/) });
  });

  it('fails when there was no call to answer', () => {
    const { failures } = run('tool-result', prose());
    expect(failures[0]?.message).toMatch(/has no tool call/);
  });
});
