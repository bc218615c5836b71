import { findMediaType, findResponse } from '../openapi/model.js';
import { defineCheck } from './define-check.js';

/** A body's media type is one the operation documents for that status. */
export const contentTypeConformance = defineCheck({
  scope: 'exchange',
  id: 'content-type-conformance',
  title: 'Undocumented Content-Type',
  severity: 'medium',
  category: 'protocol',
  description: 'A response with a body declares a Content-Type documented for its status.',
  applies({ exchange, operation }) {
    const res = exchange.response;
    if (!res || res.bytes === 0 || res.status === 204 || res.status === 304) return false;
    const documented = findResponse(operation, res.status);
    return documented !== undefined && documented.content.length > 0;
  },
  run({ exchange, operation }) {
    const res = exchange.response!;
    const documented = findResponse(operation, res.status)!;
    const expected = documented.content.map((m) => m.mediaType).join(', ');
    if (!res.contentType) return { message: `Received: a ${res.bytes}-byte body with no Content-Type header\nDocumented: ${expected}` };
    if (findMediaType(documented.content, res.contentType)) return undefined;
    return { message: `Received: ${res.contentType}\nDocumented for ${res.status}: ${expected}` };
  },
});
