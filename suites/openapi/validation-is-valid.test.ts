import { describe, expect, it } from 'vitest';
import { createValidators, isValidAgainst, isValidAt, type SchemaValidators } from './validation.js';

const doc = {
  components: {
    schemas: {
      Usage: {
        type: 'object',
        required: ['prompt_tokens', 'total_tokens'],
        properties: { prompt_tokens: { type: 'integer', minimum: 0 }, total_tokens: { type: 'integer', format: 'int32' } },
      },
      Wrapper: { type: 'object', properties: { usage: { $ref: '#/components/schemas/Usage' } } },
    },
  },
};
const POINTER = '/components/schemas/Usage';

describe('isValid / isValidSchema: the validity answer without the error list', () => {
  const v = createValidators(doc);
  const values: unknown[] = [
    { prompt_tokens: 1, total_tokens: 2 },
    { prompt_tokens: -1, total_tokens: 2 },
    { prompt_tokens: 1 },
    { prompt_tokens: 1, total_tokens: 2 ** 40 },
    'text',
    null,
  ];

  it('agrees with validate(...).valid on valid and invalid values', () => {
    expect(values.map((x) => v.isValid!(POINTER, x))).toEqual([true, false, false, false, false, false]);
    for (const x of values) expect(v.isValid!(POINTER, x)).toBe(v.validate(POINTER, x).valid);
  });

  it('agrees with validateSchema(...).valid for inline schemas, local refs and booleans', () => {
    const inline = { type: 'object', properties: { usage: { $ref: '#/components/schemas/Usage' } } };
    for (const x of values) {
      expect(v.isValidSchema!(inline, { usage: x })).toBe(v.validateSchema(inline, { usage: x }).valid);
    }
    expect(v.isValidSchema!(inline, { usage: { prompt_tokens: 1 } })).toBe(false);
    expect(v.isValidSchema!(true, 1)).toBe(true);
    expect(v.isValidSchema!(false, 1)).toBe(false);
  });

  it('the helpers fall back to validate / validateSchema for validators without the fast methods', () => {
    const plain: SchemaValidators = { validate: v.validate, validateSchema: v.validateSchema, prepare: v.prepare };
    expect(isValidAt(plain, POINTER, { prompt_tokens: 1, total_tokens: 2 })).toBe(true);
    expect(isValidAt(plain, POINTER, { prompt_tokens: 1 })).toBe(false);
    expect(isValidAgainst(plain, { type: 'string' }, 'x')).toBe(true);
    expect(isValidAgainst(plain, { type: 'string' }, 1)).toBe(false);
    expect(isValidAt(v, POINTER, { prompt_tokens: 1 })).toBe(false);
  });

  it('a failing value still explains itself afterwards (the thorough engine is untouched)', () => {
    expect(v.isValid!(POINTER, { prompt_tokens: -1 })).toBe(false);
    const r = v.validate(POINTER, { prompt_tokens: -1 });
    expect(r.issues.map((i) => i.keyword).sort()).toEqual(['minimum', 'required']);
  });
});
