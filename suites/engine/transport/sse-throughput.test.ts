import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { measureSseThroughput } from './sse-throughput.js';

const validate = new Ajv2020({ allErrors: false }).compile({
  type: 'object',
  required: ['id', 'object', 'choices'],
  properties: {
    id: { type: 'string' },
    object: { const: 'chat.completion.chunk' },
    choices: { type: 'array', items: { type: 'object', required: ['index', 'delta'] } },
  },
});
const validateEvent = (c: unknown): string[] => (validate(c) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));

describe('measureSseThroughput', () => {
  it('reads every event of a synthetic stream through the real reader (with validation)', async () => {
    const r = await measureSseThroughput(20_000, validateEvent);
    expect(r.events).toBe(20_000);
    expect(r.perSecond).toBeGreaterThan(0);
    if (process.env.SSE_BENCH) console.log(JSON.stringify(await measureSseThroughput(100_000, validateEvent)));
  });
});
