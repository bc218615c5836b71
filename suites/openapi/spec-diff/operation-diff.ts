// The changes between two versions of one operation: its parameters, request body and responses,
// each schema compared by `diffSchemas` with the role that says who writes it.
import type { MediaTypeModel, Operation, ParameterModel } from '../model.js';
import { diffSchemas, type Party, type Role, type SchemaChangeKind } from './schema-diff.js';

export type OperationChangeKind =
  | SchemaChangeKind
  | 'parameter-removed'
  | 'parameter-added'
  | 'request-body-added'
  | 'request-body-removed'
  | 'media-type-removed'
  | 'media-type-added'
  | 'status-removed'
  | 'status-added'
  | 'deprecated';

export interface OperationChange {
  part: 'parameter' | 'request' | 'response';
  /** `query limit`, `body application/json`, `200 text/event-stream`. */
  location: string;
  /** Where inside the value (`messages[].content`), when the change is in a schema. */
  at?: string;
  kind: OperationChangeKind;
  detail: string;
  breaks: Party[];
}

interface Side {
  doc: unknown;
  op: Operation;
}

const is2xx = (status: string): boolean => /^2/.test(status);

function schemaChanges(
  o: { doc: unknown; media: MediaTypeModel | ParameterModel },
  n: { doc: unknown; media: MediaTypeModel | ParameterModel },
  role: Role,
  part: OperationChange['part'],
  location: string,
): OperationChange[] {
  if (o.media.schema === undefined || n.media.schema === undefined || !o.media.schemaPointer || !n.media.schemaPointer) return [];
  return diffSchemas(
    { doc: o.doc, schema: o.media.schema, pointer: o.media.schemaPointer },
    { doc: n.doc, schema: n.media.schema, pointer: n.media.schemaPointer },
    role,
  ).map((c) => ({ part, location, ...(c.at ? { at: c.at } : {}), kind: c.kind, detail: c.detail, breaks: c.breaks }));
}

function diffParameters(a: Side, b: Side): OperationChange[] {
  const out: OperationChange[] = [];
  const id = (p: ParameterModel): string => `${p.in} ${p.name}`;
  const next = new Map(b.op.parameters.map((p) => [id(p), p]));
  const prev = new Map(a.op.parameters.map((p) => [id(p), p]));
  for (const [k, p] of prev) {
    const q = next.get(k);
    const location = k;
    if (!q) {
      out.push({ part: 'parameter', location, kind: 'parameter-removed', detail: 'parameter removed', breaks: ['client'] });
      continue;
    }
    if (!p.required && q.required) out.push({ part: 'parameter', location, kind: 'required-added', detail: 'now required', breaks: ['client'] });
    if (p.required && !q.required) out.push({ part: 'parameter', location, kind: 'required-removed', detail: 'no longer required', breaks: ['server'] });
    out.push(...schemaChanges({ doc: a.doc, media: p }, { doc: b.doc, media: q }, 'request', 'parameter', location));
  }
  for (const [k, q] of next)
    if (!prev.has(k))
      out.push({
        part: 'parameter',
        location: k,
        kind: 'parameter-added',
        detail: `parameter added (${q.required ? 'required' : 'optional'})`,
        breaks: q.required ? ['client'] : [],
      });
  return out;
}

function diffMedia(
  a: { doc: unknown; content: MediaTypeModel[] },
  b: { doc: unknown; content: MediaTypeModel[] },
  role: Role,
  part: OperationChange['part'],
  prefix: string,
): OperationChange[] {
  const out: OperationChange[] = [];
  // Removing what the writer sends narrows; adding widens (see schema-diff.ts for who that breaks).
  const narrows: Party[] = role === 'request' ? ['client'] : ['server'];
  const widens: Party[] = role === 'request' ? ['server'] : ['client'];
  for (const m of a.content) {
    const q = b.content.find((x) => x.mediaType === m.mediaType);
    const location = `${prefix} ${m.mediaType}`;
    if (!q) out.push({ part, location, kind: 'media-type-removed', detail: `${m.mediaType} no longer documented`, breaks: narrows });
    else out.push(...schemaChanges({ doc: a.doc, media: m }, { doc: b.doc, media: q }, role, part, location));
  }
  for (const q of b.content)
    if (!a.content.some((m) => m.mediaType === q.mediaType))
      out.push({ part, location: `${prefix} ${q.mediaType}`, kind: 'media-type-added', detail: `${q.mediaType} now documented`, breaks: widens });
  return out;
}

function diffRequestBody(a: Side, b: Side): OperationChange[] {
  const x = a.op.requestBody;
  const y = b.op.requestBody;
  if (!x && !y) return [];
  if (!x)
    return [
      {
        part: 'request',
        location: 'body',
        kind: 'request-body-added',
        detail: `request body added (${y!.required ? 'required' : 'optional'})`,
        breaks: y!.required ? ['client'] : [],
      },
    ];
  if (!y) return [{ part: 'request', location: 'body', kind: 'request-body-removed', detail: 'request body removed', breaks: ['client'] }];
  const out: OperationChange[] = [];
  if (!x.required && y.required)
    out.push({ part: 'request', location: 'body', kind: 'required-added', detail: 'request body now required', breaks: ['client'] });
  if (x.required && !y.required)
    out.push({ part: 'request', location: 'body', kind: 'required-removed', detail: 'request body no longer required', breaks: ['server'] });
  return [...out, ...diffMedia({ doc: a.doc, content: x.content }, { doc: b.doc, content: y.content }, 'request', 'request', 'body')];
}

function diffResponses(a: Side, b: Side): OperationChange[] {
  const out: OperationChange[] = [];
  for (const r of a.op.responses) {
    const s = b.op.responses.find((x) => x.status === r.status);
    if (!s) {
      // An old server answering it is now undocumented; a client waiting for a success status loses it.
      out.push({
        part: 'response',
        location: r.status,
        kind: 'status-removed',
        detail: `status ${r.status} no longer documented`,
        breaks: is2xx(r.status) ? ['client', 'server'] : ['server'],
      });
      continue;
    }
    out.push(...diffMedia({ doc: a.doc, content: r.content }, { doc: b.doc, content: s.content }, 'response', 'response', r.status));
  }
  for (const s of b.op.responses)
    if (!a.op.responses.some((r) => r.status === s.status))
      out.push({
        part: 'response',
        location: s.status,
        kind: 'status-added',
        detail: `status ${s.status} now documented`,
        breaks: is2xx(s.status) ? ['client'] : [],
      });
  return out;
}

export function diffOperation(a: Side, b: Side): OperationChange[] {
  const out = [...diffParameters(a, b), ...diffRequestBody(a, b), ...diffResponses(a, b)];
  if (a.op.deprecated !== b.op.deprecated)
    out.push({ part: 'request', location: 'operation', kind: 'deprecated', detail: b.op.deprecated ? 'now deprecated' : 'no longer deprecated', breaks: [] });
  return out;
}
