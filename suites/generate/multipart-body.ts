// multipart/form-data: each property of the body object becomes a part. `format: binary` (or
// `contentMediaType`) properties become file parts; `encoding.<name>.contentType` is honoured.
import type { MultipartPart } from './request-types.js';
import { getAtPointer } from '../openapi/json-pointer.js';
import type { MediaTypeModel } from '../openapi/model.js';
import { isObject } from '../openapi/is-object.js';
import { resolveSchema } from './resolve-schema.js';

const encoder = new TextEncoder();

function isFileSchema(document: Record<string, unknown>, raw: unknown): boolean {
  const s = resolveSchema(document, raw);
  return s.format === 'binary' || s.format === 'base64' || typeof s.contentMediaType === 'string' || s.contentEncoding === 'base64';
}

/** The media type object's `encoding` map (found next to its schema in the document). */
export function mediaTypeEncoding(document: Record<string, unknown>, media: MediaTypeModel): Record<string, { contentType?: string }> {
  if (!media.schemaPointer) return {};
  const mediaObject = getAtPointer(document, media.schemaPointer.replace(/\/schema$/, ''));
  return isObject(mediaObject) && isObject(mediaObject.encoding) ? (mediaObject.encoding as Record<string, { contentType?: string }>) : {};
}

export function multipartParts(document: Record<string, unknown>, media: MediaTypeModel, body: unknown): MultipartPart[] {
  if (!isObject(body)) return [];
  const schema = media.schema === undefined ? {} : resolveSchema(document, media.schema);
  const properties = isObject(schema.properties) ? schema.properties : {};
  const encoding = mediaTypeEncoding(document, media);
  const parts: MultipartPart[] = [];
  for (const [name, value] of Object.entries(body)) {
    if (value === undefined || value === null) continue;
    const contentType = encoding[name]?.contentType?.split(',')[0]?.trim();
    const propSchema = properties[name];
    const isFile = propSchema !== undefined && isFileSchema(document, propSchema);
    for (const item of Array.isArray(value) && !isFile ? value : [value]) {
      if (isFile) {
        parts.push({ name, value: encoder.encode(String(item)), filename: `${name}.jsonl`, contentType: contentType ?? 'application/octet-stream' });
      } else if (typeof item === 'object' && item !== null) {
        parts.push({ name, value: JSON.stringify(item), contentType: contentType ?? 'application/json' });
      } else {
        const part: MultipartPart = { name, value: String(item) };
        if (contentType) part.contentType = contentType;
        parts.push(part);
      }
    }
  }
  return parts;
}
