// A seeded temperature-0 request streamed and not streamed must produce the same answer: joined
// content, tool calls (name and parsed arguments; ids are per call) and finish_reason, per choice.
// The probe case has two steps: the non-streamed request, then the same request with stream: true.
import { defineCheck } from '../../checks/define-check.js';
import type { Exchange, Failure } from '../../engine/types.js';
import { completionView, type ChoiceView, type CompletionView } from '../semantic/completion-view.js';
import { isSuccess, requestOf } from '../semantic/request-of.js';
import { streamWasCut } from '../../checks/sse-scope.js';
import { namedByCase } from '../semantic/case-steps.js';

function firstDifference(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

function excerpt(text: string, at: number): string {
  return JSON.stringify(text.slice(Math.max(0, at - 10), at + 20));
}

function canonicalArguments(args: unknown): string {
  if (typeof args === 'string') {
    try {
      return JSON.stringify(JSON.parse(args));
    } catch {
      return args;
    }
  }
  return JSON.stringify(args);
}

function toolSignature(choice: ChoiceView): string {
  return JSON.stringify(choice.toolCalls.map((t) => [t.name, canonicalArguments(t.arguments)]));
}

function compareChoice(index: number, plain: ChoiceView | undefined, streamed: ChoiceView | undefined): string[] {
  if (!plain || !streamed) return [`choice ${index} is ${plain ? 'missing from the stream' : 'missing from the non-streamed answer'}`];
  const out: string[] = [];
  const a = plain.content ?? '';
  const b = streamed.content ?? '';
  if (a !== b) {
    const at = firstDifference(a, b);
    out.push(
      `choice ${index} content differs at character ${at}: streamed ${excerpt(b, at)} vs non-streamed ${excerpt(a, at)} (lengths ${b.length} vs ${a.length})`,
    );
  }
  if (toolSignature(plain) !== toolSignature(streamed))
    out.push(`choice ${index} tool calls differ: streamed ${toolSignature(streamed)} vs non-streamed ${toolSignature(plain)}`);
  if (plain.finishReason !== streamed.finishReason)
    out.push(`choice ${index} finish_reason differs: streamed ${JSON.stringify(streamed.finishReason)} vs non-streamed ${JSON.stringify(plain.finishReason)}`);
  return out;
}

function byIndex(view: CompletionView): Map<number, ChoiceView> {
  return new Map(view.choices.filter((c) => typeof c.index === 'number').map((c) => [c.index as number, c]));
}

export const streamEquivalence = defineCheck({
  id: 'stream-equivalence',
  title: 'Streamed answer differs from the non-streamed one',
  severity: 'medium',
  description: 'A seeded temperature-0 request gives the same content, tool calls and finish_reason streamed (joined) and not streamed.',
  category: 'streaming',
  judges: 'valid',
  scope: 'case',
  applies: namedByCase('stream-equivalence'),
  run({ exchanges }) {
    const streamed = exchanges.findIndex((e) => requestOf(e)?.stream === true);
    const plain = exchanges.findIndex((e) => requestOf(e)?.stream !== true && e.request.json !== undefined);
    if (streamed < 0 || plain < 0) return { skip: 'the case needs one streamed and one non-streamed exchange' };
    const pair: Array<[number, Exchange]> = [
      [plain, exchanges[plain]!],
      [streamed, exchanges[streamed]!],
    ];
    for (const [i, e] of pair)
      if (!isSuccess(e)) return { skip: `step ${i} was answered ${e.response?.status ?? e.error?.kind ?? 'with nothing'}; nothing to compare` };
    const end = exchanges[streamed]!.response?.sse?.end;
    if (end && streamWasCut(end)) return { skip: `the stream was cut (${end}); sse-stream-completes reports it` };
    const a = completionView(exchanges[plain]!);
    const b = completionView(exchanges[streamed]!);
    if (!a || !b) return { skip: `step ${a ? streamed : plain} has no completion to compare (not JSON, or no chunk fold)` };
    const left = byIndex(a);
    const right = byIndex(b);
    const indexes = [...new Set([...left.keys(), ...right.keys()])].sort((x, y) => x - y);
    const problems = indexes.flatMap((i) => compareChoice(i, left.get(i), right.get(i)));
    if (!problems.length) return undefined;
    const failure: Failure = {
      message: `Received: ${problems.slice(0, 3).join('; ')}. Expected: the joined stream equals the non-streamed answer for the same seeded temperature-0 request.`,
      step: streamed,
    };
    return failure;
  },
});
