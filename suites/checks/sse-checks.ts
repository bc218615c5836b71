// The generic SSE checks, for any operation that documents a text/event-stream answer.
import type { Check } from '../engine/types.js';
import { sseContentType } from './sse-content-type.js';
import { sseEventSchema } from './sse-event-schema.js';
import { sseStreamCompletes } from './sse-stream-completes.js';
import { sseTerminator } from './sse-terminator.js';

export const sseChecks: Check[] = [sseContentType, sseEventSchema, sseTerminator, sseStreamCompletes];
