// What the transport needs to know about an operation to read its answer: the event-stream schema
// to validate each event against, the stream's terminator (`x-sse-terminator`), and the suite's folds.
import type { LoadedSpec } from '../openapi/load-spec.js';
import { baseMediaType, type MediaTypeModel, type Operation } from '../openapi/model.js';
import type { SendContext } from './transport/http-client.js';
import type { StreamFold } from './types.js';

const EVENT_STREAM = 'text/event-stream';

/** The `text/event-stream` media type of the first 2xx response that documents one. */
export function eventStreamMedia(op: Operation): MediaTypeModel | undefined {
  for (const response of op.responses) {
    if (!/^2(\d\d|XX)$/i.test(response.status)) continue;
    const media = response.content.find((m) => baseMediaType(m.mediaType) === EVENT_STREAM);
    if (media) return media;
  }
  return undefined;
}

interface Entry {
  media?: MediaTypeModel;
  folds: StreamFold[];
}

// Per fold list (one per run), then per operation: a run with other suites must not see these folds.
const cache = new WeakMap<StreamFold[], WeakMap<Operation, Entry>>();

function entryFor(op: Operation, folds: StreamFold[]): Entry {
  let byOp = cache.get(folds);
  if (!byOp) cache.set(folds, (byOp = new WeakMap()));
  let entry = byOp.get(op);
  if (!entry) {
    const media = eventStreamMedia(op);
    entry = { folds: folds.filter((f) => f.appliesTo(op)), ...(media ? { media } : {}) };
    byOp.set(op, entry);
  }
  return entry;
}

export function sendContextFor(spec: LoadedSpec, op: Operation | undefined, folds: StreamFold[], keepRawBody: boolean): SendContext {
  if (!op) return keepRawBody ? { keepRawBody } : {};
  const entry = entryFor(op, folds);
  const ctx: SendContext = { operation: op, folds: entry.folds, keepRawBody };
  const pointer = entry.media?.schemaPointer;
  if (pointer)
    ctx.validateEvent = (chunk: unknown) => {
      const r = spec.validators.validate(pointer, chunk);
      return r.valid ? [] : r.issues.map((i) => `${i.instancePath || '(root)'}: ${i.message}`);
    };
  const terminator = entry.media?.extensions['x-sse-terminator'];
  if (typeof terminator === 'string') ctx.sseTerminator = terminator;
  return ctx;
}
