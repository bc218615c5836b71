// A target that answers JSON nested thousands of levels deep: the transport leaves it unparsed with a
// reason (the schema check reports it) instead of handing every later walk a stack overflow.
import { afterEach, describe, expect, it } from 'vitest';
import { createTransport } from './http-client.js';
import { readSseText } from './sse-reader.js';
import { baseOptions, startServer, type TestServer } from './test-support.js';

const deep = (n: number): string => `{"id": "x", "deep": ${'['.repeat(n)}${']'.repeat(n)}}`;
let server: TestServer | undefined;
afterEach(async () => server?.close());

describe('deep JSON from a target', () => {
  it('is not parsed past 512 levels, and says why; 500 levels still parse', async () => {
    server = await startServer((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(deep(req.url === '/v1/deep' ? 3000 : 500));
    });
    const t = createTransport({ ...baseOptions, baseUrl: server.url });
    const send = (path: string) => t.send({ method: 'GET', path, query: [], headers: {}, auth: { kind: 'none' } });
    const tooDeep = await send('/v1/deep');
    expect(tooDeep.response?.json).toBeUndefined();
    expect(tooDeep.response?.jsonError).toBe('nested deeper than 512 levels: not parsed');
    expect(tooDeep.response?.bodyText.startsWith('{"id": "x", "deep": [[[')).toBe(true);
    const fine = await send('/v1/fine');
    expect(fine.response?.jsonError).toBeUndefined();
    expect(fine.response?.json).toMatchObject({ id: 'x' });
    await t.close();
  });
});

describe('deep JSON in a stream', () => {
  it('an event nested past 512 levels counts as not JSON; folds and validation never see it', () => {
    const deepEvent = `{"choices": ${'['.repeat(3000)}${']'.repeat(3000)}}`;
    const seen: unknown[] = [];
    const t = readSseText(`data: {"choices": []}\n\ndata: ${deepEvent}\n\ndata: [DONE]\n\n`, {
      sseTerminator: '[DONE]',
      validateEvent: (c) => {
        seen.push(c);
        return [];
      },
    });
    expect(t.nonJsonCount).toBe(1);
    expect(t.nonJson[0]?.index).toBe(1);
    expect(seen).toEqual([{ choices: [] }]);
  });
});
