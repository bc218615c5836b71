import { describe, expect, it } from 'vitest';
import { OPS, completion, exchangeContext, failuresOf, jsonExchange, pinnedSpec, recordedExchange } from '../test-support/exchanges.js';
import { toolCalls } from './tool-calls.js';

const spec = await pinnedSpec();
const weather = {
  type: 'function',
  function: { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } },
};
const tools = { tools: [weather] };
const call = (args: unknown = '{"city": "Paris"}', id: unknown = 'abc123XYZ', name = 'get_weather') => ({
  id,
  type: 'function',
  function: { name, arguments: args },
});
const answer = (calls: unknown[], finish_reason = 'tool_calls') => completion([{ content: '', tool_calls: calls, finish_reason }]);

function run(request: Record<string, unknown>, json: unknown) {
  const ctx = exchangeContext(spec, OPS.chat, jsonExchange(OPS.chat, request, json));
  expect(toolCalls.applies?.(ctx)).toBe(true);
  return failuresOf(toolCalls.run(ctx));
}

describe('tool-calls', () => {
  it('passes the real 2024-11 streamed parallel calls (tool_choice any)', () => {
    const ctx = exchangeContext(spec, OPS.chat, recordedExchange(spec, OPS.chat, 'chat_completions__stream_parallel_tool_calls_2024-11__magentic'));
    expect(failuresOf(toolCalls.run(ctx)).failures).toEqual([]);
  });

  it('reports the real 2024-02 deviations: finish_reason "stop" with a call (failure) and id "null" (warning)', () => {
    // The recorder kept no request; the fixture called a searchWeather tool. The 2024-11 recordings
    // show the API later answered "tool_calls", so "stop" is a real (since fixed) server deviation.
    const request = {
      tools: [
        {
          type: 'function',
          function: { name: 'searchWeather', parameters: { type: 'object', properties: { location: { type: 'string' } }, required: ['location'] } },
        },
      ],
    };
    const ctx = exchangeContext(spec, OPS.chat, recordedExchange(spec, OPS.chat, 'chat_completions__function_call_2024-02__helgesverre', request));
    const { failures } = failuresOf(toolCalls.run(ctx));
    expect(failures).toHaveLength(2);
    expect(failures[0]).toMatchObject({ message: expect.stringMatching(/1 tool call\(s\) with finish_reason "stop"\. Expected: finish_reason "tool_calls"/) });
    expect(failures[1]).toMatchObject({ warning: true, message: expect.stringMatching(/id "null"/) });
  });

  it.each([
    ['an auto call', tools, answer([call()])],
    ['arguments as an object', tools, answer([call({ city: 'Paris' })])],
    ['tool_choice any honoured', { ...tools, tool_choice: 'any' }, answer([call()])],
    ['tool_choice named honoured', { ...tools, tool_choice: { type: 'function', function: { name: 'get_weather' } } }, answer([call()])],
    ['tool_choice none honoured', { ...tools, tool_choice: 'none' }, completion([{ content: 'It is sunny.' }])],
    ['auto without a call', tools, completion([{ content: 'Which city?' }])],
    ['a call cut by max_tokens (arguments not judged)', tools, answer([call('{"ci')], 'length')],
  ])('passes %s', (_n, request, json) => {
    expect(run(request, json).failures).toEqual([]);
  });

  it.each([
    [
      'an undeclared function',
      tools,
      answer([call(undefined, undefined, 'launch_rockets')]),
      /calls "launch_rockets"\. Expected: one of the declared functions \(get_weather\)/,
    ],
    ['arguments that are not JSON', tools, answer([call('{city: Paris}')]), /arguments are not JSON/],
    ['arguments against the schema', tools, answer([call('{"town": "Paris"}')]), /do not match the declared parameters: \/ must have required property 'city'/],
    ['arguments that are not an object', tools, answer([call('"Paris"')]), /not a JSON object/],
    [
      'tool_choice any without a call',
      { ...tools, tool_choice: 'any' },
      completion([{ content: 'Sunny.' }]),
      /has no tool call\. Expected: a tool call, because tool_choice is "any"/,
    ],
    ['tool_choice required without a call', { ...tools, tool_choice: 'required' }, completion([{ content: 'Sunny.' }]), /tool_choice is "required"/],
    ['tool_choice none with a call', { ...tools, tool_choice: 'none' }, answer([call()]), /has 1 tool call\(s\)\. Expected: no tool call/],
    ['a duplicated id', tools, answer([call(), call()]), /repeats the id "abc123XYZ"/],
    ['shared "null" ids', tools, answer([call(undefined, 'null'), call(undefined, 'null')]), /id "null"/],
    ['calls without any declared tool', {}, answer([call()]), /the request declared no tools/],
  ])('fails %s', (_n, request, json, message) => {
    const { failures } = run(request, json);
    expect(failures.filter((f) => !f.warning).length).toBeGreaterThan(0);
    expect(failures[0]?.message).toMatch(message);
  });

  it('accepts "stop" for a call forced by name (OpenAI and vLLM answer so), not for tool_choice any', () => {
    const named = { ...tools, tool_choice: { type: 'function', function: { name: 'get_weather' } } };
    expect(run(named, answer([call()], 'stop')).failures).toEqual([]);
    expect(run({ ...tools, tool_choice: 'any' }, answer([call()], 'stop')).failures[0]?.message).toMatch(/with finish_reason "stop"/);
  });

  it("does not judge an agent's own functions against the request, but still judges their arguments", () => {
    const agentRun = (request: Record<string, unknown>, json: unknown) => {
      const ctx = exchangeContext(spec, OPS.agents, jsonExchange(OPS.agents, { agent_id: 'ag:1', ...request }, json));
      expect(toolCalls.applies?.(ctx)).toBe(true);
      return failuresOf(toolCalls.run(ctx)).failures;
    };
    expect(agentRun({}, answer([call('{"q": 1}', 'x1', 'search_docs')]))).toEqual([]);
    expect(agentRun(tools, answer([call('{"q": 1}', 'x1', 'search_docs')]))).toEqual([]);
    expect(agentRun({}, answer([call('"text"', 'x1', 'search_docs')]))[0]?.message).toMatch(/not a JSON object/);
    expect(agentRun(tools, answer([call('{"town": "Paris"}')]))[0]?.message).toMatch(/do not match the declared parameters/);
  });

  it('fails the wrong function for a named tool_choice', () => {
    const time = { type: 'function', function: { name: 'get_time', parameters: { type: 'object' } } };
    const { failures } = run(
      { tools: [weather, time], tool_choice: { type: 'function', function: { name: 'get_weather' } } },
      answer([call('{}', 'x1', 'get_time')]),
    );
    expect(failures[0]?.message).toMatch(/calls "get_time"\. Expected: only "get_weather"/);
  });
});

describe('tool-calls on a request that contradicts itself', async () => {
  const spec = await pinnedSpec();
  it.each([
    ['a named function the request does not declare', { tool_choice: { type: 'function', function: { name: 'y' } } }],
    ['"any" without tools', { tool_choice: 'any' }],
  ])('skips %s (valid against the schema, but no answer can follow the rules)', (_n, request) => {
    const json = completion([{ tool_calls: [{ id: 'c1', type: 'function', function: { name: 'y', arguments: '{}' } }], finish_reason: 'tool_calls' }]);
    expect(toolCalls.run(exchangeContext(spec, OPS.chat, jsonExchange(OPS.chat, request, json)))).toMatchObject({ skip: expect.stringMatching(/tool/) });
  });
});
