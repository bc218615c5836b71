// The client probe: drives the official SDK (@mistralai/mistralai) against the target and reports
// which calls the SDK could not parse and why. A server can pass every schema check and still break
// the most used client (a field the SDK requires, a stream it cannot frame); only the client says so.
import type { Fetcher } from '../../engine/transport/bounded-fetch.js';
import { MISTRAL_OPS } from '../operation-ids.js';
import type { MistralTargetInfo } from '../target-info.js';

export interface ProbeCall {
  /** Stable id, used as the report's operation: `sdk.chat.stream`. */
  id: string;
  /** The spec operation the call exercises. */
  operationId: string;
  title: string;
  /** The HTTP method the SDK sends: a read-only run makes only GET calls. */
  method: 'GET' | 'POST' | 'DELETE';
}

export const PROBE_CALLS: ProbeCall[] = [
  { id: 'sdk.models.list', operationId: MISTRAL_OPS.listModels, title: 'models.list()', method: 'GET' },
  { id: 'sdk.chat.complete', operationId: MISTRAL_OPS.chat, title: 'chat.complete()', method: 'POST' },
  { id: 'sdk.chat.stream', operationId: MISTRAL_OPS.chat, title: 'chat.stream()', method: 'POST' },
  { id: 'sdk.chat.tools', operationId: MISTRAL_OPS.chat, title: 'chat.complete() with tools, toolChoice any', method: 'POST' },
  { id: 'sdk.embeddings.create', operationId: MISTRAL_OPS.embeddings, title: 'embeddings.create()', method: 'POST' },
  { id: 'sdk.files.upload', operationId: MISTRAL_OPS.uploadFile, title: 'files.upload()', method: 'POST' },
  { id: 'sdk.files.list', operationId: MISTRAL_OPS.listFiles, title: 'files.list()', method: 'GET' },
  { id: 'sdk.files.delete', operationId: MISTRAL_OPS.deleteFile, title: 'files.delete()', method: 'DELETE' },
];

export interface ProbeResult {
  call: ProbeCall;
  status: 'passed' | 'failed' | 'skipped';
  message?: string;
  durationMs: number;
}

export interface ProbeOptions {
  serverURL: string;
  apiKey?: string;
  info: MistralTargetInfo;
  timeoutMs: number;
  readOnly: boolean;
  /** Removes the run's secrets from what the SDK's errors quote (default: nothing removed). */
  redact?: (text: string) => string;
  /** The fetch the SDK uses: bounded like the transport, through the run's pacer (see probe-plugin.ts). */
  fetcher?: Fetcher;
}

interface SdkError {
  name?: string;
  message?: string;
  statusCode?: number;
  body?: string;
  rawValue?: unknown;
  pretty?: () => string;
}

/**
 * One line saying why the SDK failed: a parse failure (the SDK's schema), or an HTTP error. The SDK's
 * messages quote response bodies: `redact` runs on the whole text, before it is cut (a key cut in two
 * would no longer be recognised, and its first characters would be left behind).
 */
export function describeSdkError(err: unknown, redact: (text: string) => string = (t) => t): string {
  const e = (err ?? {}) as SdkError;
  const name = redact(e.name ?? 'Error');
  const line = (text: string, max: number): string => redact(text).replace(/\s+/g, ' ').slice(0, max);
  if (name === 'ResponseValidationError' || name === 'SDKValidationError') {
    const detail = typeof e.pretty === 'function' ? e.pretty() : (e.message ?? '');
    return `the SDK could not parse the response (${name}): ${line(detail, 500)}`;
  }
  if (name === 'UnparsedVariant') return line(e.message ?? '', 600);
  if (typeof e.statusCode === 'number') return `HTTP ${e.statusCode} (${name}): ${line(e.body ?? e.message ?? '', 300)}`;
  return `${name}: ${line(e.message ?? String(err), 300)}`;
}

type Sdk = {
  models: { list(): Promise<{ data?: unknown[] }> };
  chat: {
    complete(req: Record<string, unknown>): Promise<{ choices?: Array<{ message?: { content?: unknown; toolCalls?: unknown[] } }> }>;
    stream(req: Record<string, unknown>): Promise<AsyncIterable<{ data: { choices?: Array<{ delta?: { content?: unknown } }> } }>>;
  };
  embeddings: { create(req: Record<string, unknown>): Promise<{ data?: unknown[] }> };
  files: {
    upload(req: Record<string, unknown>): Promise<{ id: string }>;
    list(req?: Record<string, unknown>): Promise<{ data?: unknown[] }>;
    delete(req: { fileId: string }): Promise<{ deleted?: boolean }>;
  };
};

function expect(cond: boolean, what: string): void {
  if (!cond) throw Object.assign(new Error(`the call returned, but ${what}`), { name: 'UnexpectedResult' });
}

/**
 * Where the SDK kept a value as an unknown variant (`{ raw, isUnknown: true }`): its forward-compatible
 * unions do not throw on a member they cannot parse (a model card with a mistyped field), they hand the
 * caller an object without any of the documented fields. For a user of the SDK that is a parse failure.
 */
export function unparsedVariants(value: unknown, path = '', depth = 0, out: Array<{ path: string; raw: unknown }> = []): Array<{ path: string; raw: unknown }> {
  if (typeof value !== 'object' || value === null || depth > 8 || out.length >= 5) return out;
  if ((value as { isUnknown?: unknown }).isUnknown === true && 'raw' in value) {
    out.push({ path: path || '(result)', raw: (value as { raw: unknown }).raw });
    return out;
  }
  for (const [k, v] of Object.entries(value)) unparsedVariants(v, Array.isArray(value) ? `${path}[${k}]` : path ? `${path}.${k}` : k, depth + 1, out);
  return out;
}

/** Why a model card did not parse, in the SDK's own words (its zod schema for the card's `type`). */
async function modelCardIssue(raw: unknown): Promise<string | undefined> {
  const components = (await import('@mistralai/mistralai/models/components')) as unknown as Record<
    string,
    { safeParse?: (v: unknown) => { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } } }
  >;
  const type = (raw as { type?: unknown } | null)?.type;
  const schema = components[type === 'fine-tuned' ? 'FTModelCard$inboundSchema' : 'BaseModelCard$inboundSchema'];
  const issue = schema?.safeParse?.(raw).error?.issues[0];
  return issue ? `${issue.path.map(String).join('.') || '(card)'}: ${issue.message}` : undefined;
}

async function expectParsed(result: unknown, why: (raw: unknown) => Promise<string | undefined> = async () => undefined): Promise<void> {
  const unparsed = unparsedVariants(result);
  if (!unparsed.length) return;
  const first = unparsed[0]!;
  const reason = (await why(first.raw)) ?? 'it matches none of the types the SDK knows';
  throw Object.assign(
    new Error(
      `the SDK could not parse ${first.path} of the response and kept it as an unknown value (${reason})${unparsed.length > 1 ? `; ${unparsed.length - 1} more like it` : ''}`,
    ),
    { name: 'UnparsedVariant' },
  );
}

type CallBodies = Record<string, () => Promise<void>>;

const skip = (message: string): Error => Object.assign(new Error(message), { name: 'Skip' });

async function createSdk(opts: ProbeOptions): Promise<Sdk> {
  const { Mistral, HTTPClient } = (await import('@mistralai/mistralai')) as unknown as {
    Mistral: new (o: Record<string, unknown>) => Sdk;
    HTTPClient: new (o: { fetcher?: Fetcher }) => unknown;
  };
  return new Mistral({
    serverURL: opts.serverURL,
    apiKey: opts.apiKey ?? '',
    timeoutMs: opts.timeoutMs,
    retryConfig: { strategy: 'none' },
    ...(opts.fetcher ? { httpClient: new HTTPClient({ fetcher: opts.fetcher }) } : {}),
  });
}

/** The model list and chat calls: plain, streamed, with a forced tool call. */
function chatCalls(sdk: Sdk, { info }: ProbeOptions): CallBodies {
  const model = info.chatModel ?? 'mistral-small-latest';
  const messages = [{ role: 'user', content: 'Say hello in one word.' }];
  const tool = {
    type: 'function',
    function: {
      name: 'get_weather',
      description: 'Weather in a city',
      parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
    },
  };
  return {
    'sdk.models.list': async () => {
      const r = await sdk.models.list();
      expect(Array.isArray(r.data), 'data is not a list');
      await expectParsed(r, modelCardIssue);
    },
    'sdk.chat.complete': async () => {
      const r = await sdk.chat.complete({ model, messages, maxTokens: info.maxTokens });
      expect((r.choices?.length ?? 0) > 0, 'there are no choices');
      await expectParsed(r);
    },
    'sdk.chat.stream': async () => {
      let events = 0;
      for await (const e of await sdk.chat.stream({ model, messages, maxTokens: info.maxTokens })) {
        events++;
        expect(Array.isArray(e.data.choices), 'a chunk has no choices');
      }
      expect(events > 0, 'the stream had no events');
    },
    'sdk.chat.tools': async () => {
      const r = await sdk.chat.complete({
        model: info.toolModel ?? model,
        messages: [{ role: 'user', content: 'Weather in Paris?' }],
        tools: [tool],
        toolChoice: 'any',
        maxTokens: Math.max(info.maxTokens, 64),
      });
      expect((r.choices?.[0]?.message?.toolCalls?.length ?? 0) > 0, 'toolChoice "any" produced no tool call');
    },
  };
}

/** Embeddings, and a file uploaded, listed and deleted again (the upload's id carries over). */
function dataCalls(sdk: Sdk, { info }: ProbeOptions): CallBodies {
  let uploadedId: string | undefined;
  return {
    'sdk.embeddings.create': async () => {
      if (!info.embedModel) throw skip('no embedding model on the target');
      const r = await sdk.embeddings.create({ model: info.embedModel, inputs: ['hello', 'world'] });
      expect(r.data?.length === 2, 'two inputs did not give two embeddings');
    },
    'sdk.files.upload': async () => {
      const content = new TextEncoder().encode('{"messages":[{"role":"user","content":"hi"},{"role":"assistant","content":"hello"}]}\n');
      const r = await sdk.files.upload({ file: { fileName: 'mistral-conformance-probe.jsonl', content }, purpose: 'fine-tune' });
      uploadedId = r.id;
    },
    'sdk.files.list': async () => {
      const r = await sdk.files.list({ pageSize: 5 });
      expect(Array.isArray(r.data), 'data is not a list');
      await expectParsed(r);
    },
    'sdk.files.delete': async () => {
      if (!uploadedId) throw skip('nothing was uploaded to delete');
      await sdk.files.delete({ fileId: uploadedId });
      uploadedId = undefined;
    },
  };
}

async function runCall(call: ProbeCall, body: () => Promise<void>, redact?: (text: string) => string): Promise<ProbeResult> {
  const started = Date.now();
  try {
    await body();
    return { call, status: 'passed', durationMs: Date.now() - started };
  } catch (err) {
    const skipped = (err as { name?: string }).name === 'Skip';
    return {
      call,
      status: skipped ? 'skipped' : 'failed',
      message: skipped ? (err as Error).message : describeSdkError(err, redact),
      durationMs: Date.now() - started,
    };
  }
}

export async function runClientProbe(opts: ProbeOptions): Promise<ProbeResult[]> {
  const sdk = await createSdk(opts);
  const bodies: CallBodies = { ...chatCalls(sdk, opts), ...dataCalls(sdk, opts) };
  const results: ProbeResult[] = [];
  for (const call of PROBE_CALLS) {
    // A read-only run sends no POST, PATCH, PUT or DELETE, even a chat completion that changes nothing.
    if (call.method !== 'GET' && opts.readOnly)
      results.push({ call, status: 'skipped', message: `read-only run: the SDK sends ${call.method}`, durationMs: 0 });
    else results.push(await runCall(call, bodies[call.id]!, opts.redact));
  }
  return results;
}
