// An embeddings answer holds one vector per input, in input order (`index` = position), all of one
// dimension, all finite numbers; the same text twice in one call gives the same vector (cosine ≥
// 0.9999: batching may add float noise, never meaning). Only float encoding is judged.
import { defineCheck } from '../../checks/define-check.js';
import type { Exchange } from '../../engine/types.js';
import { isEmbeddingsOp } from './endpoints.js';
import { quoted, isSuccess, judgedByCase, requestOf } from './request-of.js';
import { isObject } from '../../openapi/is-object.js';
import { cosine, SAME_TEXT_COSINE } from './vectors.js';

export const EMBEDDINGS_CONSISTENCY = 'embeddings-consistency';

export interface EmbeddingsJudgement {
  problems: string[];
  /** Valid vectors by input text (first occurrence), for comparisons across calls. */
  vectors: Map<string, number[]>;
  dimension?: number;
  model?: string;
}

export function embeddingInputs(req: Record<string, unknown> | undefined): string[] | undefined {
  const input = req?.input;
  if (typeof input === 'string') return [input];
  if (Array.isArray(input) && input.every((i) => typeof i === 'string')) return input as string[];
  return undefined;
}

export function judgeEmbeddings(exchange: Exchange): EmbeddingsJudgement | { skip: string } {
  const req = requestOf(exchange);
  const inputs = embeddingInputs(req);
  if (!inputs) return { skip: 'the request input is not a string or a list of strings' };
  if (req?.encoding_format !== undefined && req.encoding_format !== null && req.encoding_format !== 'float')
    return { skip: `encoding_format ${JSON.stringify(req.encoding_format)} is not judged` };
  const body = exchange.response?.json;
  if (!isObject(body) || !Array.isArray(body.data)) return { skip: 'no data list in the answer (response-schema-conformance judges the shape)' };
  const data = body.data;
  const problems: string[] = [];
  const vectors = new Map<string, number[]>();
  if (data.length !== inputs.length) problems.push(`${data.length} embedding(s) for ${inputs.length} input(s)`);
  const dims = new Set<number>();
  data.forEach((item, i) => {
    const index = isObject(item) ? item.index : undefined;
    if (index !== i) problems.push(`item ${i} has index ${JSON.stringify(index)}`);
    const vector = isObject(item) ? item.embedding : undefined;
    if (!Array.isArray(vector) || vector.length === 0) {
      problems.push(`item ${i} has no embedding vector`);
      return;
    }
    const bad = vector.findIndex((x) => typeof x !== 'number' || !Number.isFinite(x));
    if (bad >= 0) {
      problems.push(`item ${i} has ${JSON.stringify(vector[bad])} at position ${bad}`);
      return;
    }
    dims.add(vector.length);
    const text = inputs[typeof index === 'number' ? index : i];
    if (text === undefined) return;
    const seen = vectors.get(text);
    if (!seen) vectors.set(text, vector as number[]);
    else if (seen.length === vector.length) {
      const sim = cosine(seen, vector as number[]);
      if (sim < SAME_TEXT_COSINE) problems.push(`the same input ${quoted(text, 30)} has vectors with cosine ${sim.toFixed(6)}`);
    }
  });
  if (dims.size > 1) problems.push(`dimensions ${[...dims].join(', ')} in one answer`);
  const out: EmbeddingsJudgement = { problems, vectors };
  if (dims.size === 1) out.dimension = [...dims][0]!;
  if (typeof body.model === 'string') out.model = body.model;
  return out;
}

export const EMBEDDINGS_EXPECTED = 'one finite vector per input in input order (index = position), one dimension, the same vector for the same text';

export const embeddingsConsistency = defineCheck({
  id: EMBEDDINGS_CONSISTENCY,
  title: 'Embeddings inconsistent with the input',
  severity: 'high',
  description: 'One finite vector per input, in input order, one dimension; the same text gives the same vector (cosine ≥ 0.9999).',
  category: 'semantic',
  judges: 'valid',
  scope: 'exchange',
  applies: (ctx) =>
    isSuccess(ctx.exchange) && isEmbeddingsOp(ctx.operation) && ctx.exchange.response?.json !== undefined && !judgedByCase(ctx, EMBEDDINGS_CONSISTENCY),
  run({ exchange }) {
    const r = judgeEmbeddings(exchange);
    if ('skip' in r) return r;
    return r.problems.length ? { message: `Received: ${r.problems.slice(0, 4).join('; ')}. Expected: ${EMBEDDINGS_EXPECTED}.` } : undefined;
  },
});
