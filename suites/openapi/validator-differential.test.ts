// Differential test: our validator (Ajv 2020-12, no defaults, formats on) against
// openapi-response-validator 12.1.3 (Ajv draft-07 with useDefaults) on the same responses of the
// pinned spec. Agreements are asserted; each known divergence is asserted as it really is, and
// fixtures/specs/VALIDATOR-EVIDENCE.md cites these test names.
import ORVModule from 'openapi-response-validator';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSpec, type LoadedSpec } from './load-spec.js';
import { pinnedErrataPath, pinnedSpecPath } from '../mistral/contracts.js';

type Obj = Record<string, unknown>;
interface OrvResult {
  message: string;
  errors: Array<{ path: string; errorCode: string; message: string }>;
}
interface Orv {
  validateResponse(status: number, body: unknown): OrvResult | undefined;
}
type OrvCtor = new (args: { responses: Obj; components?: Obj }) => Orv;
// A CommonJS module with `exports.default`: NodeNext hands us the module object.
const OpenAPIResponseValidator = ((ORVModule as unknown as { default?: OrvCtor }).default ?? ORVModule) as unknown as OrvCtor;

const CHAT = '/v1/chat/completions';
const ptr = (path: string, method: string, status: string, media: string): string =>
  `/paths/${path.replace(/~/g, '~0').replace(/\//g, '~1')}/${method}/responses/${status}/content/${media.replace(/\//g, '~1')}/schema`;

function orv(doc: Obj, path: string, method: string): Orv {
  const op = ((doc.paths as Obj)[path] as Obj)[method] as Obj;
  return new OpenAPIResponseValidator({ responses: structuredClone(op.responses) as Obj, components: structuredClone(doc.components) as Obj });
}
const orvOk = (v: Orv, status: number, body: unknown): boolean => v.validateResponse(status, structuredClone(body)) === undefined;

// Bodies recorded from api.mistral.ai (see shared/real-responses), trimmed.
const chatBody = (): Obj => ({
  id: 'e9459fcd56c742e0875167c9926c6aae',
  created: 1757759489,
  model: 'mistral-tiny',
  object: 'chat.completion',
  usage: { prompt_tokens: 11, total_tokens: 107, completion_tokens: 96 },
  choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', tool_calls: null, content: 'Hello.' } }],
});
const embeddingBody = (): Obj => ({
  id: '3fe947e29a95441a94086e11de21bff1',
  object: 'list',
  model: 'mistral-embed',
  usage: { prompt_tokens: 10, total_tokens: 10, completion_tokens: 0 },
  data: [{ object: 'embedding', embedding: [-0.0224, 0.0082, 0.0516], index: 0 }],
});
const moderationBody = (): Obj => ({
  id: '7c9d419fac054766a81aac44fc2dd4f7',
  model: 'mistral-moderation-latest',
  usage: { prompt_tokens: 3, total_tokens: 94, completion_tokens: 0 },
  results: [{ category_scores: { sexual: 0.000066, pii: 0.00016 }, categories: { sexual: false, pii: false } }],
});
const modelsList2024 = (): Obj => ({
  object: 'list',
  data: [{ id: 'open-mistral-7b', object: 'model', created: 1709042524, owned_by: 'mistralai', root: null, parent: null, permission: [] }],
});

describe('validator differential: ours vs openapi-response-validator 12.1.3 on the pinned spec', () => {
  let literal: LoadedSpec;
  let fixed: LoadedSpec;
  beforeAll(async () => {
    literal = await loadSpec(pinnedSpecPath());
    fixed = await loadSpec(pinnedSpecPath(), { overlays: [pinnedErrataPath()] });
  });
  const ours = (spec: LoadedSpec, path: string, method: string, status: string, body: unknown, media = 'application/json'): boolean =>
    spec.validators.validate(ptr(path, method, status, media), body).valid;

  describe('agreements', () => {
    it.each([
      ['literal: a real chat completion lacks the required `data`', 'literal', CHAT, 'post', chatBody(), false],
      ['errata: a real chat completion passes', 'fixed', CHAT, 'post', chatBody(), true],
      ['errata: usage {} fails (UsageInfo has no defaults)', 'fixed', CHAT, 'post', { ...chatBody(), usage: {} }, false],
      [
        'errata: an unknown finish_reason fails',
        'fixed',
        CHAT,
        'post',
        { ...chatBody(), choices: [{ index: 0, finish_reason: 'bogus', message: { role: 'assistant', content: 'x' } }] },
        false,
      ],
      ['literal: a real embeddings body passes', 'literal', '/v1/embeddings', 'post', embeddingBody(), true],
      [
        'literal: tuple `items` checks only the first embedding',
        'literal',
        '/v1/embeddings',
        'post',
        { ...embeddingBody(), data: [embeddingBody().data as unknown[], { object: 'embedding', embedding: 'x', index: 1 }].flat() },
        true,
      ],
      [
        'errata: every embedding is checked',
        'fixed',
        '/v1/embeddings',
        'post',
        { ...embeddingBody(), data: [(embeddingBody().data as unknown[])[0], { object: 'embedding', embedding: 'x', index: 1 }] },
        false,
      ],
      ['literal: a real moderation body passes', 'literal', '/v1/moderations', 'post', moderationBody(), true],
      ['literal: a 2024 model list without capabilities fails', 'literal', '/v1/models', 'get', modelsList2024(), false],
      [
        'literal: a 422 body in the documented shape passes',
        'literal',
        CHAT,
        'post',
        { detail: [{ loc: ['body', 'model'], msg: 'field required', type: 'missing' }] },
        true,
      ],
    ] as const)('%s', (_name, which, path, method, body, expected) => {
      const spec = which === 'literal' ? literal : fixed;
      const status = 'detail' in body ? '422' : '200';
      expect(ours(spec, path, method, status, body)).toBe(expected);
      expect(orvOk(orv(which === 'literal' ? spec.literal : errataDoc(spec), path, method), Number(status), body)).toBe(expected);
    });

    it('const is enforced by both (claim "ignores const" is false), also next to $ref', () => {
      const doc: Obj = { components: { schemas: { S: { type: 'string' } } } };
      const v = new OpenAPIResponseValidator({
        responses: {
          200: {
            content: {
              'application/json': {
                schema: { type: 'object', properties: { object: { const: 'list' }, kind: { $ref: '#/components/schemas/S', const: 'x' } } },
              },
            },
          },
        },
        components: doc.components as Obj,
      });
      expect(orvOk(v, 200, { object: 'dict' })).toBe(false);
      expect(orvOk(v, 200, { kind: 'y' })).toBe(false);
      expect(orvOk(v, 200, { object: 'list', kind: 'x' })).toBe(true);
      expect(ours(fixed, '/v1/batch/jobs', 'get', '200', { total: 0, object: 'dict' })).toBe(false);
      expect(orvOk(orv(errataDoc(fixed), '/v1/batch/jobs', 'get'), 200, { total: 0, object: 'dict' })).toBe(false);
    });

    it('type arrays with null are honoured by both (claim "ignores type arrays with null" is false)', () => {
      const choice = (finish_reason: unknown): Obj => ({ id: 'c', model: 'm', choices: [{ index: 0, delta: { content: 'x' }, finish_reason }] });
      const sse = ptr(CHAT, 'post', '200', 'text/event-stream');
      expect(fixed.validators.validate(sse, choice(null)).valid).toBe(true);
      expect(fixed.validators.validate(sse, choice(3)).valid).toBe(false);
      const v = new OpenAPIResponseValidator({
        responses: { 200: { content: { 'application/json': { schema: { $ref: '#/components/schemas/CompletionChunk' } } } } },
        components: structuredClone(fixed.literal.components) as Obj,
      });
      expect(orvOk(v, 200, choice(null))).toBe(true);
      expect(orvOk(v, 200, choice(3))).toBe(false);
    });
  });

  describe('divergences', () => {
    it('defaults: it fills defaults into the body, so a missing required property with a default passes', () => {
      // The pinned spec's only required-with-default properties are request fields (EmbeddingRequest.model).
      const v = new OpenAPIResponseValidator({
        responses: { 200: { content: { 'application/json': { schema: { $ref: '#/components/schemas/EmbeddingRequest' } } } } },
        components: structuredClone(literal.literal.components) as Obj,
      });
      const body: Obj = { input: 'hello' };
      expect(v.validateResponse(200, body)).toBeUndefined();
      expect(body).toEqual({ input: 'hello', model: 'mistral-embed', encoding_format: 'float' });
      expect(literal.validators.validate('/components/schemas/EmbeddingRequest', { input: 'hello' }).valid).toBe(false);
    });

    it('defaults: it mutates the body it checks, even with fields of a oneOf branch that did not match', () => {
      const body: Obj = { id: 'm', capabilities: {} };
      const before = structuredClone(body);
      expect(orv(literal.literal, '/v1/models/{model_id}', 'get').validateResponse(200, body)).toBeUndefined();
      expect(body).toEqual({
        id: 'm',
        object: 'model',
        owned_by: 'mistralai',
        max_context_length: 32768,
        aliases: [],
        type: 'base',
        capabilities: { completion_chat: true, completion_fim: false, function_calling: true, fine_tuning: false, vision: false },
        archived: false, // from FTModelCard, which the body does not match
      });
      expect(ours(literal, '/v1/models/{model_id}', 'get', '200', before)).toBe(true);
      const again = structuredClone(before);
      literal.validators.validate(ptr('/v1/models/{model_id}', 'get', '200', 'application/json'), again);
      expect(again).toEqual(before);
    });

    it('formats: it checks no formats (uuid, date-time)', () => {
      const file = {
        id: 'not-a-uuid',
        object: 'file',
        bytes: 1,
        created_at: 1,
        filename: 'f.jsonl',
        purpose: 'fine-tune',
        sample_type: 'instruct',
        source: 'upload',
      };
      expect(orvOk(orv(literal.literal, '/v1/files', 'post'), 200, file)).toBe(true);
      expect(ours(literal, '/v1/files', 'post', '200', file)).toBe(false);
      expect(ours(literal, '/v1/files', 'post', '200', { ...file, id: '497f6eca-6276-4993-bfeb-53cbbbba6f09' })).toBe(true);
    });

    it('media types: it validates only the first media type of a response', () => {
      const chunk = { id: 'c', model: 'm', choices: [{ index: 0, delta: { content: 'Hi' }, finish_reason: null }] };
      // Our validators address each media type; the event-stream chunk is valid there.
      expect(ours(fixed, CHAT, 'post', '200', chunk, 'text/event-stream')).toBe(true);
      // ORV has no media type argument: the chunk is judged against application/json (the first).
      const result = orv(errataDoc(fixed), CHAT, 'post').validateResponse(200, structuredClone(chunk));
      expect(result?.errors.map((e) => e.errorCode)).toContain('required.openapi.responseValidation');
      // With the media types swapped, the JSON body is judged as a chunk instead.
      const swapped = errataDoc(fixed);
      const content = ((((swapped.paths as Obj)[CHAT] as Obj).post as Obj).responses as { '200': { content: Obj } })['200'];
      content.content = { 'text/event-stream': content.content['text/event-stream'], 'application/json': content.content['application/json'] };
      expect(orvOk(orv(swapped, CHAT, 'post'), 200, chatBody())).toBe(false);
    });

    it('2020-12 keywords: it ignores prefixItems (and applies `items` to every element)', () => {
      const schema = { type: 'array', prefixItems: [{ type: 'number' }, { type: 'number' }], items: false };
      const v = new OpenAPIResponseValidator({ responses: { 200: { content: { 'application/json': { schema } } } } });
      expect(orvOk(v, 200, [1, 2])).toBe(false); // valid tuple rejected: draft-07 `items: false` forbids every element
      const loose = new OpenAPIResponseValidator({
        responses: { 200: { content: { 'application/json': { schema: { type: 'array', prefixItems: [{ type: 'number' }] } } } } },
      });
      expect(orvOk(loose, 200, ['x'])).toBe(true); // wrong tuple accepted
      expect(literal.validators.validateSchema(schema, [1, 2]).valid).toBe(true);
      expect(literal.validators.validateSchema({ type: 'array', prefixItems: [{ type: 'number' }] }, ['x']).valid).toBe(false);
    });

    it('2020-12 keywords: it ignores unevaluatedProperties and dependentRequired, and cannot resolve $defs refs', () => {
      const mk = (schema: Obj): Orv => new OpenAPIResponseValidator({ responses: { 200: { content: { 'application/json': { schema } } } } });
      const closed = { type: 'object', properties: { a: {} }, unevaluatedProperties: false };
      const dependent = { type: 'object', dependentRequired: { a: ['b'] } };
      expect(orvOk(mk(closed), 200, { a: 1, b: 2 })).toBe(true);
      expect(orvOk(mk(dependent), 200, { a: 1 })).toBe(true);
      expect(literal.validators.validateSchema(closed, { a: 1, b: 2 }).valid).toBe(false);
      expect(literal.validators.validateSchema(dependent, { a: 1 }).valid).toBe(false);
      expect(() => mk({ $defs: { X: { type: 'string' } }, $ref: '#/$defs/X' })).toThrow(/can't resolve reference #\/\$defs\/X/);
    });
  });
});

/** The literal document with the errata applied but not normalised: what ORV would be given. */
function errataDoc(spec: LoadedSpec): Obj {
  // The run's document is the literal one with errata applied, then normalised; for the pinned spec the
  // normalisation changes nothing once the errata have replaced the tuple `items` (it has no `nullable`).
  expect(spec.normalisations).toEqual([]);
  return structuredClone(spec.document);
}
