// OpenAPI parameter serialisation (style/explode) for path, query and header parameters.
// Defaults per OAS 3.1: query and cookie `form` + explode; path and header `simple`, no explode.
import type { ParameterModel } from '../openapi/model.js';

function scalar(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

export function parameterStyle(p: Pick<ParameterModel, 'in' | 'style' | 'explode'>): { style: string; explode: boolean } {
  const style = p.style ?? (p.in === 'query' || p.in === 'cookie' ? 'form' : 'simple');
  return { style, explode: p.explode ?? style === 'form' };
}

/** Query pairs for one parameter value (none for undefined/null: a query cannot carry null). */
export function encodeQueryParameter(p: Pick<ParameterModel, 'name' | 'in' | 'style' | 'explode'>, value: unknown): Array<[string, string]> {
  if (value === undefined || value === null) return [];
  const { style, explode } = parameterStyle(p);
  if (Array.isArray(value)) {
    if (style === 'form' && explode) return value.map((v) => [p.name, scalar(v)]);
    const sep = style === 'spaceDelimited' ? ' ' : style === 'pipeDelimited' ? '|' : ',';
    return [[p.name, value.map(scalar).join(sep)]];
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    if (style === 'deepObject') return entries.map(([k, v]) => [`${p.name}[${k}]`, scalar(v)]);
    if (explode) return entries.map(([k, v]) => [k, scalar(v)]);
    return [[p.name, entries.flatMap(([k, v]) => [k, scalar(v)]).join(',')]];
  }
  return [[p.name, scalar(value)]];
}

/** The path segment text for a path parameter, percent-encoded. */
export function encodePathParameter(p: Pick<ParameterModel, 'name' | 'in' | 'style' | 'explode'>, value: unknown): string {
  const { style, explode } = parameterStyle(p);
  const enc = (v: unknown) => encodeURIComponent(scalar(v));
  let body: string;
  if (Array.isArray(value)) body = value.map(enc).join(style === 'label' && explode ? '.' : style === 'matrix' && explode ? `;${p.name}=` : ',');
  else if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    body = explode
      ? entries.map(([k, v]) => `${encodeURIComponent(k)}=${enc(v)}`).join(',')
      : entries.flatMap(([k, v]) => [encodeURIComponent(k), enc(v)]).join(',');
  } else body = enc(value);
  if (style === 'label') return `.${body}`;
  if (style === 'matrix') return `;${p.name}=${body}`;
  return body;
}

/** Header value for a header parameter (`simple` style). */
export function encodeHeaderParameter(value: unknown): string {
  if (Array.isArray(value)) return value.map(scalar).join(',');
  if (value !== null && typeof value === 'object')
    return Object.entries(value as Record<string, unknown>)
      .flatMap(([k, v]) => [k, scalar(v)])
      .join(',');
  return scalar(value);
}
