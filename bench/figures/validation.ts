// Throughput of the project's validator interface on a typical chat completion (one core: this loop).
import { loadSpec } from '../../suites/openapi/load-spec.js';
import { findMediaType, findResponse } from '../../suites/openapi/model.js';
import { pinnedErrataPath, pinnedSpecPath } from '../../suites/mistral/contracts.js';
import { TYPICAL_CHAT_COMPLETION } from '../typical-chat-completion.js';

export interface ValidationBench {
  pointer: string;
  /** Validations per second over about `ms` of work. */
  measure(ms?: number): number;
}

export async function prepareValidationBench(): Promise<ValidationBench> {
  const spec = await loadSpec(pinnedSpecPath(), { overlays: [pinnedErrataPath()] });
  const op = spec.operations.find((o) => o.method === 'post' && o.path === '/v1/chat/completions');
  const media = op && findResponse(op, 200) ? findMediaType(findResponse(op, 200)!.content, 'application/json') : undefined;
  const pointer = media?.schemaPointer;
  if (!pointer)
    throw new Error('[mistral-conformance] Failed to prepare the validation bench: the pinned spec has no JSON 200 schema for POST /v1/chat/completions.');
  const body = TYPICAL_CHAT_COMPLETION;
  const first = spec.validators.validate(pointer, body);
  // A benchmark of the failure path would measure error formatting, not validation.
  if (!first.valid)
    throw new Error(
      `[mistral-conformance] Failed to prepare the validation bench: the typical chat completion does not validate (${first.issues[0]?.message ?? ''}).`,
    );
  return {
    pointer,
    measure(ms = 1000) {
      let n = 0;
      let invalid = 0;
      const start = performance.now();
      let elapsed = 0;
      while (elapsed < ms) {
        for (let i = 0; i < 10_000; i++) if (!spec.validators.validate(pointer, body).valid) invalid++;
        n += 10_000;
        elapsed = performance.now() - start;
      }
      if (invalid) throw new Error('[mistral-conformance] Failed to measure validation: results changed between runs.');
      return Math.round((n / elapsed) * 1000);
    },
  };
}
