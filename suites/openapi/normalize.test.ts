import { describe, expect, it } from 'vitest';
import { normaliseDocument } from './normalize.js';
import { createValidators } from './validation.js';

const doc = (openapi: string, schemas: Record<string, unknown>): Record<string, unknown> => ({
  openapi,
  info: { title: 't', version: '1' },
  paths: {},
  components: { schemas },
});

describe('normaliseDocument', () => {
  it('OpenAPI 3.0: nullable becomes "or null" (typed, enum, $ref) without a finding; boolean bounds become numbers', () => {
    const d = doc('3.0.3', {
      S: { type: 'string', nullable: true },
      E: { type: 'string', enum: ['a'], nullable: true },
      R: { $ref: '#/components/schemas/S2', nullable: true },
      S2: { type: 'integer' },
      N: { type: 'number', minimum: 0, exclusiveMinimum: true, maximum: 10, exclusiveMaximum: false },
    });
    const out = normaliseDocument(d);
    const v = createValidators(d);
    expect(v.validate('/components/schemas/S', null).valid).toBe(true);
    expect(v.validate('/components/schemas/E', null).valid).toBe(true);
    expect(v.validate('/components/schemas/E', 'b').valid).toBe(false);
    expect(v.validate('/components/schemas/R', null).valid).toBe(true);
    expect(v.validate('/components/schemas/R', 'x').valid).toBe(false);
    expect(v.validate('/components/schemas/N', 0).valid).toBe(false);
    expect(v.validate('/components/schemas/N', 10).valid).toBe(true);
    expect(out.map((n) => n.rule)).toEqual(['exclusive-bound-boolean', 'exclusive-bound-boolean']);
  });

  it('OpenAPI 3.1: nullable is recorded as a normalisation; nullable: false only disappears', () => {
    const d = doc('3.1.0', { S: { type: 'string', nullable: true }, F: { type: 'string', nullable: false } });
    const out = normaliseDocument(d);
    expect(out.map((n) => [n.rule, n.pointer])).toEqual([
      ['nullable', '/components/schemas/S'],
      ['nullable', '/components/schemas/F'],
    ]);
    const v = createValidators(d);
    expect(v.validate('/components/schemas/S', null).valid).toBe(true);
    expect(v.validate('/components/schemas/F', null).valid).toBe(false);
  });

  it('tuple items become prefixItems (additionalItems becomes items)', () => {
    const d = doc('3.1.0', { T: { type: 'array', items: [{ type: 'string' }], additionalItems: false } });
    normaliseDocument(d);
    const v = createValidators(d);
    expect(v.validate('/components/schemas/T', ['a']).valid).toBe(true);
    expect(v.validate('/components/schemas/T', [1]).valid).toBe(false);
    expect(v.validate('/components/schemas/T', ['a', 'b']).valid).toBe(false);
  });

  it('#/$defs refs point at the enclosing schema, never at a sibling whose name shares a prefix', () => {
    const d = doc('3.1.0', {
      A: { $defs: { X: { type: 'string' } }, type: 'object', properties: { x: { $ref: '#/$defs/X' } } },
      AB: { type: 'object', properties: { x: { $ref: '#/$defs/X' } } },
    });
    const out = normaliseDocument(d);
    expect(out).toEqual([expect.objectContaining({ rule: 'local-defs-ref', pointer: '/components/schemas/A/properties/x' })]);
    expect(createValidators(d).validate('/components/schemas/A', { x: 1 }).valid).toBe(false);
  });
});
