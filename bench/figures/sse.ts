// SSE events read and validated per second on one long stream, through the real transport path and
// the pinned spec's event schema for chat completions (the validator the suite uses on streams).
import { loadSpec } from '../../suites/openapi/load-spec.js';
import { pinnedErrataPath, pinnedSpecPath } from '../../suites/mistral/contracts.js';
import { sendContextFor } from '../../suites/engine/send-context.js';
import { measureSseThroughput } from '../../suites/engine/transport/sse-throughput.js';

export async function prepareSseBench(): Promise<(events: number) => Promise<number>> {
  const spec = await loadSpec(pinnedSpecPath(), { overlays: [pinnedErrataPath()] });
  const op = spec.operations.find((o) => o.method === 'post' && o.path === '/v1/chat/completions');
  const validateEvent = op ? sendContextFor(spec, op, [], false).validateEvent : undefined;
  if (!validateEvent)
    throw new Error('[mistral-conformance] Failed to prepare the SSE bench: POST /v1/chat/completions has no event-stream schema in the pinned spec.');
  // The synthetic stream's chunks must pass, or the figure would time the failure path instead.
  const issues = validateEvent({
    id: 'bench',
    object: 'chat.completion.chunk',
    created: 1,
    model: 'm',
    choices: [{ index: 0, delta: { content: 't0' }, finish_reason: null }],
  });
  if (issues.length) throw new Error(`[mistral-conformance] Failed to prepare the SSE bench: a synthetic chunk fails the event schema (${issues[0]}).`);
  return async (events) => (await measureSseThroughput(events, validateEvent)).perSecond;
}
