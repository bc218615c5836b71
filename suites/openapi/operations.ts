// Builds the operation model from a bundled, normalised OpenAPI document.
import { getAtPointer, joinPointer } from './json-pointer.js';
import type { HttpMethod, JsonSchema, MediaTypeModel, Operation, ParameterModel, ResponseModel } from './model.js';
import { isObject } from './is-object.js';

const METHODS: HttpMethod[] = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

type Obj = Record<string, unknown>;

/** Follows local `$ref`s of non-schema objects (parameters, bodies, responses), keeping the pointer. */
function deref(doc: Obj, node: unknown, pointer: string): { value: Obj; pointer: string } | undefined {
  let cur = node;
  let ptr = pointer;
  for (let i = 0; i < 32 && isObject(cur) && typeof cur.$ref === 'string'; i++) {
    ptr = cur.$ref.startsWith('#') ? cur.$ref.slice(1) : cur.$ref;
    cur = getAtPointer(doc, ptr);
  }
  return isObject(cur) ? { value: cur, pointer: ptr } : undefined;
}

function collectExamples(node: Obj): unknown[] {
  const out: unknown[] = [];
  if ('example' in node) out.push(node.example);
  if (isObject(node.examples)) {
    for (const ex of Object.values(node.examples)) if (isObject(ex) && 'value' in ex) out.push(ex.value);
  } else if (Array.isArray(node.examples)) out.push(...node.examples);
  return out;
}

function mediaTypes(content: unknown, pointer: string): MediaTypeModel[] {
  if (!isObject(content)) return [];
  return Object.entries(content).map(([mediaType, raw]) => {
    const mt = isObject(raw) ? raw : {};
    const extensions = Object.fromEntries(Object.entries(mt).filter(([k]) => k.startsWith('x-')));
    const model: MediaTypeModel = { mediaType, examples: collectExamples(mt), extensions };
    if (isObject(mt.schema) || typeof mt.schema === 'boolean') {
      model.schema = mt.schema as JsonSchema;
      model.schemaPointer = joinPointer(pointer, mediaType, 'schema');
    }
    return model;
  });
}

function parameter(doc: Obj, raw: unknown, pointer: string): ParameterModel | undefined {
  const r = deref(doc, raw, pointer);
  if (!r) return undefined;
  const p = r.value;
  if (typeof p.name !== 'string' || typeof p.in !== 'string') return undefined;
  const model: ParameterModel = {
    name: p.name,
    in: p.in as ParameterModel['in'],
    required: p.in === 'path' ? true : p.required === true,
    examples: collectExamples(p),
  };
  if (isObject(p.schema)) {
    model.schema = p.schema;
    model.schemaPointer = joinPointer(r.pointer, 'schema');
    if (model.examples.length === 0) model.examples = collectExamples(p.schema);
  } else if (isObject(p.content)) {
    // A parameter may give its schema through `content` (one media type) instead of `schema`.
    const [mediaType, raw] = Object.entries(p.content)[0] ?? [];
    if (mediaType && isObject(raw) && isObject(raw.schema)) {
      model.schema = raw.schema;
      model.schemaPointer = joinPointer(r.pointer, 'content', mediaType, 'schema');
      if (model.examples.length === 0) model.examples = collectExamples(raw);
    }
  }
  if (typeof p.style === 'string') model.style = p.style;
  if (typeof p.explode === 'boolean') model.explode = p.explode;
  if (typeof p.description === 'string') model.description = p.description;
  return model;
}

export function buildOperations(doc: Obj): Operation[] {
  const operations: Operation[] = [];
  const paths = isObject(doc.paths) ? doc.paths : {};
  const rootSecurity = Array.isArray(doc.security) ? (doc.security as Operation['security']) : [];
  for (const [pathKey, rawItem] of Object.entries(paths)) {
    const itemPointer = joinPointer('', 'paths', pathKey);
    const item = deref(doc, rawItem, itemPointer);
    if (!item) continue;
    // Newer Mistral documents use keys like `/v1/conversations#stream` to describe one URL twice.
    const path = pathKey.split('#')[0]!;
    const shared = Array.isArray(item.value.parameters) ? item.value.parameters : [];
    for (const method of METHODS) {
      const rawOp = item.value[method];
      if (!isObject(rawOp)) continue;
      const pointer = joinPointer(item.pointer, method);
      const params = new Map<string, ParameterModel>();
      shared.forEach((p, i) => {
        const m = parameter(doc, p, joinPointer(item.pointer, 'parameters', i));
        if (m) params.set(`${m.in}:${m.name}`, m);
      });
      (Array.isArray(rawOp.parameters) ? rawOp.parameters : []).forEach((p, i) => {
        const m = parameter(doc, p, joinPointer(pointer, 'parameters', i));
        if (m) params.set(`${m.in}:${m.name}`, m);
      });
      const op: Operation = {
        id: typeof rawOp.operationId === 'string' ? rawOp.operationId : `${method.toUpperCase()} ${pathKey}`,
        method,
        path,
        pathKey,
        tags: Array.isArray(rawOp.tags) ? rawOp.tags.map(String) : [],
        deprecated: rawOp.deprecated === true,
        parameters: [...params.values()],
        responses: [],
        security: Array.isArray(rawOp.security) ? (rawOp.security as Operation['security']) : rootSecurity,
        pointer,
      };
      if (typeof rawOp.summary === 'string') op.summary = rawOp.summary;
      const body = deref(doc, rawOp.requestBody, joinPointer(pointer, 'requestBody'));
      if (body) {
        op.requestBody = { required: body.value.required === true, content: mediaTypes(body.value.content, joinPointer(body.pointer, 'content')) };
      }
      if (isObject(rawOp.responses)) {
        for (const [status, rawRes] of Object.entries(rawOp.responses)) {
          const res = deref(doc, rawRes, joinPointer(pointer, 'responses', status));
          if (!res) continue;
          const model: ResponseModel = { status, content: mediaTypes(res.value.content, joinPointer(res.pointer, 'content')) };
          if (typeof res.value.description === 'string') model.description = res.value.description;
          op.responses.push(model);
        }
      }
      operations.push(op);
    }
  }
  return operations;
}
