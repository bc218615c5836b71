// Which request media type to generate for: JSON when offered (even beside others), multipart only
// when no JSON is offered, then form-urlencoded, then whatever comes first.
import type { MediaTypeModel, Operation } from '../openapi/model.js';
import { baseMediaType } from '../openapi/model.js';

export function isJsonMediaType(mediaType: string): boolean {
  const base = baseMediaType(mediaType);
  return base === 'application/json' || base.endsWith('+json');
}

export function requestMediaType(op: Operation): MediaTypeModel | undefined {
  const content = op.requestBody?.content ?? [];
  return (
    content.find((m) => isJsonMediaType(m.mediaType)) ??
    content.find((m) => baseMediaType(m.mediaType) === 'multipart/form-data') ??
    content.find((m) => baseMediaType(m.mediaType) === 'application/x-www-form-urlencoded') ??
    content[0]
  );
}

/** The success response documents a server-sent-event stream. */
export function documentsEventStream(op: Operation): boolean {
  const ok = op.responses.find((r) => r.status === '200') ?? op.responses.find((r) => /^2/.test(r.status));
  return ok?.content.some((m) => baseMediaType(m.mediaType) === 'text/event-stream') ?? false;
}
