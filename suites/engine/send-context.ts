// What the transport needs to know about an operation to read its answer: the event-stream schema
// to validate each event against, the stream's terminator (`x-sse-terminator`), and the suite's folds.
import type { LoadedSpec } from '../../specs/lib/load-spec.js';
import type { MediaTypeModel, Operation } from '../../specs/lib/model.js';
import type { SendContext } from './transport/http-client.js';
import type { StreamFold } from './types.js';

const cache = new WeakMap<Operation, { media?: MediaTypeModel; folds: StreamFold[] }>();

export function eventStreamMedia(op: Operation): MediaTypeModel | undefined {
  const ok = op.responses.find((r) => /^2/.test(r.status));
  return ok?.content.find((m) => m.mediaType.toLowerCase().startsWith('text/event-stream'));
}

export function sendContextFor(spec: LoadedSpec, op: Operation | undefined, folds: StreamFold[], keepRawBody: boolean): SendContext {
  if (!op) return keepRawBody ? { keepRawBody } : {};
  let entry = cache.get(op);
  if (!entry) {
    const media = eventStreamMedia(op);
    entry = { folds: folds.filter((f) => f.appliesTo(op)), ...(media ? { media } : {}) };
    cache.set(op, entry);
  }
  const ctx: SendContext = { operation: op, folds: entry.folds, keepRawBody };
  const pointer = entry.media?.schemaPointer;
  if (pointer) ctx.validateEvent = (chunk: unknown) => {
    const r = spec.validators.validate(pointer, chunk);
    return r.valid ? [] : r.issues.map((i) => `${i.instancePath || '(root)'}: ${i.message}`);
  };
  const terminator = entry.media?.extensions['x-sse-terminator'];
  if (typeof terminator === 'string') ctx.sseTerminator = terminator;
  return ctx;
}
