// Tool calls must be usable by a client: each names a declared function, carries an id the tool
// result can refer to, and has arguments (a JSON string, or an object, as FunctionCall allows) valid
// against that function's `parameters`; a message with tool calls finishes with "tool_calls".
// tool_choice "any"/"required" or a named function forces a call (of that function); "none" forbids
// calls. A call forced by name may finish with "stop" (OpenAI's documented behaviour, which vLLM
// follows). An agent has tools of its own that the request does not show: calls of functions the
// request did not declare are not judged against it. The id "null" (the pinned spec's default for
// ToolCall.id, and what the real API sent in 2024-02) is a warning when the call is alone, as a
// client cannot correlate a tool result by it but the spec allows it; it fails when several calls of
// one message share an id.
import { defineCheck } from '../../checks/define-check.js';
import type { LoadedSpec } from '../../openapi/load-spec.js';
import type { Operation } from '../../openapi/model.js';
import type { Exchange, Failure } from '../../engine/types.js';
import { completionView, type ChoiceView, type ToolCallView } from './completion-view.js';
import { isAgentsOp, isChatLikeOp } from './endpoints.js';
import { quoted, isSuccess, judgedByCase, requestOf, type Obj } from './request-of.js';
import { isObject } from '../../openapi/is-object.js';

export const TOOL_CALLS = 'tool-calls';

type Forcing = { kind: 'auto' } | { kind: 'any'; label: string } | { kind: 'none' } | { kind: 'named'; name: string };

export function toolForcing(req: Obj | undefined): Forcing {
  const choice = req?.tool_choice;
  if (choice === 'any' || choice === 'required') return { kind: 'any', label: choice };
  if (choice === 'none') return { kind: 'none' };
  if (isObject(choice) && isObject(choice.function) && typeof choice.function.name === 'string') return { kind: 'named', name: choice.function.name };
  return { kind: 'auto' };
}

function declaredTools(req: Obj | undefined): Map<string, unknown> {
  const tools = Array.isArray(req?.tools) ? req.tools : [];
  const out = new Map<string, unknown>();
  for (const t of tools) if (isObject(t) && isObject(t.function) && typeof t.function.name === 'string') out.set(t.function.name, t.function.parameters);
  return out;
}

function argumentsProblem(spec: LoadedSpec, call: ToolCallView, parameters: unknown): string | undefined {
  let value: unknown = call.arguments;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch (err) {
      return `arguments are not JSON (${(err as Error).message}): ${quoted(call.arguments as string)}`;
    }
  }
  if (!isObject(value)) return `arguments are ${JSON.stringify(value)}, not a JSON object`;
  if (!isObject(parameters)) return undefined;
  try {
    const r = spec.validators.validateSchema(parameters, value);
    if (!r.valid)
      return `arguments ${quoted(JSON.stringify(value))} do not match the declared parameters: ${r.issues
        .slice(0, 2)
        .map((i) => `${i.instancePath || '/'} ${i.message}`)
        .join('; ')}`;
  } catch {
    return undefined; // the request's own schema could not be compiled: nothing to judge against
  }
  return undefined;
}

function judgeChoice(spec: LoadedSpec, choice: ChoiceView, forcing: Forcing, tools: Map<string, unknown>, ownTools: boolean): Failure[] {
  const at = `choice ${String(choice.index)}`;
  const calls = choice.toolCalls;
  const out: Failure[] = [];
  const fail = (received: string, expected: string, warning = false): void =>
    void out.push({ message: `Received: ${received}. Expected: ${expected}.`, ...(warning ? { warning } : {}) });
  if (forcing.kind === 'any' && calls.length === 0) fail(`${at} has no tool call`, `a tool call, because tool_choice is "${forcing.label}"`);
  if (forcing.kind === 'named' && calls.length === 0) fail(`${at} has no tool call`, `a call of "${forcing.name}", because tool_choice names it`);
  if (forcing.kind === 'named' && calls.some((c) => c.name !== forcing.name))
    fail(`${at} calls ${calls.map((c) => JSON.stringify(c.name)).join(', ')}`, `only "${forcing.name}", named by tool_choice`);
  if (forcing.kind === 'none' && calls.length > 0) fail(`${at} has ${calls.length} tool call(s)`, 'no tool call, because tool_choice is "none"');
  if (calls.length === 0) return out;
  const cut = choice.finishReason === 'length';
  const finished = choice.finishReason === 'tool_calls' || (forcing.kind === 'named' && choice.finishReason === 'stop');
  if (!cut && !finished)
    fail(
      `${at} has ${calls.length} tool call(s) with finish_reason ${JSON.stringify(choice.finishReason)}`,
      'finish_reason "tool_calls" when the message carries tool calls',
    );
  const ids = calls.map((c) => c.id);
  calls.forEach((call, i) => {
    const where = `${at} tool call ${i}`;
    const undeclared = typeof call.name !== 'string' || !tools.has(call.name);
    if (undeclared && !ownTools) {
      if (tools.size === 0) fail(`${where} calls ${JSON.stringify(call.name)} but the request declared no tools`, 'tool calls only of declared functions');
      else fail(`${where} calls ${JSON.stringify(call.name)}`, `one of the declared functions (${[...tools.keys()].join(', ')})`);
    }
    if (typeof call.id !== 'string' || call.id === '' || call.id === 'null') {
      const shared = ids.filter((id) => id === call.id).length > 1;
      fail(`${where} has id ${JSON.stringify(call.id)}`, 'a unique id that a tool message can refer to', !shared);
    } else if (ids.indexOf(call.id) !== i) fail(`${where} repeats the id ${JSON.stringify(call.id)}`, 'a unique id per tool call');
    if (!cut && typeof call.name === 'string') {
      const problem = argumentsProblem(spec, call, tools.get(call.name));
      if (problem) fail(`${where} ${problem}`, 'arguments as a JSON object valid against the function parameters');
    }
  });
  return out;
}

/** Whether a completion answer should be judged for tool calls. */
export function toolCallsApply(exchange: Exchange): boolean {
  const req = requestOf(exchange);
  if (Array.isArray(req?.tools) && req.tools.length > 0) return true;
  if (req?.tool_choice !== undefined && req.tool_choice !== null) return true;
  return (completionView(exchange)?.choices ?? []).some((c) => c.toolCalls.length > 0);
}

/** The failures (and warnings) of one answer, or why it cannot be judged. */
export function judgeToolCalls(spec: LoadedSpec, op: Operation | undefined, exchange: Exchange): Failure[] | { skip: string } {
  const view = completionView(exchange);
  if (!view) return { skip: 'no completion to judge (cut stream or non-JSON answer)' };
  const req = requestOf(exchange);
  const forcing = toolForcing(req);
  const tools = declaredTools(req);
  const ownTools = (op !== undefined && isAgentsOp(op)) || req === undefined;
  // A request that forces a call of a function it does not declare asks for something no answer can
  // give by the rules above (a call of a declared function): valid against the schema, but not judged.
  if (!ownTools && forcing.kind === 'named' && !tools.has(forcing.name))
    return { skip: `tool_choice names ${JSON.stringify(forcing.name)}, which the request does not declare in tools` };
  if (!ownTools && forcing.kind === 'any' && tools.size === 0) return { skip: `tool_choice is "${forcing.label}" but the request declares no tools` };
  return view.choices.flatMap((c) => judgeChoice(spec, c, forcing, tools, ownTools));
}

export const toolCalls = defineCheck({
  id: TOOL_CALLS,
  title: 'Tool calls unusable or tool_choice not honoured',
  severity: 'high',
  description:
    'Tool calls name declared functions, have ids and valid arguments, finish with "tool_calls"; tool_choice any/required/named forces a call, none forbids it.',
  category: 'semantic',
  // A recording without its request is judged on what needs no request (finish_reason, ids, JSON
  // arguments); which functions were declared or forced is then unknown, as for an agent.
  judges: 'not-invalid',
  scope: 'exchange',
  applies: (ctx) => isSuccess(ctx.exchange) && isChatLikeOp(ctx.operation) && toolCallsApply(ctx.exchange) && !judgedByCase(ctx, TOOL_CALLS),
  run({ spec, operation, exchange }) {
    const r = judgeToolCalls(spec, operation, exchange);
    return Array.isArray(r) && r.length === 0 ? undefined : r;
  },
});
