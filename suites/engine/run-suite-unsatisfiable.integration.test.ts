// A schema nothing can satisfy costs that operation (reported skipped, with the reason), not the run.
import { createServer } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runConformance } from '../api.js';

describe('an operation whose request cannot be generated', () => {
  it('is skipped with the reason; the other operations still run', async () => {
    const doc = {
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
      paths: {
        '/ok': { get: { operationId: 'ok', responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object' } } } } } } },
        '/impossible': {
          post: {
            operationId: 'impossible',
            requestBody: {
              required: true,
              content: {
                'application/json': { schema: { type: 'object', required: ['a'], properties: { a: { type: 'string', minLength: 5, maxLength: 2 } } } },
              },
            },
            responses: { '200': { description: 'ok' } },
          },
        },
      },
    };
    const dir = mkdtempSync(join(tmpdir(), 'unsat-'));
    writeFileSync(join(dir, 'spec.json'), JSON.stringify(doc));
    const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{}'));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { results } = await runConformance({
      target: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
      apiKey: 'k',
      spec: join(dir, 'spec.json'),
      runs: 2,
      phases: ['examples', 'positive'],
    });
    server.close();
    expect(results.operations.find((o) => o.operationId === 'impossible')?.skipped).toMatch(/cannot generate requests/);
    expect(results.operations.find((o) => o.operationId === 'ok')?.cases).toBeGreaterThan(0);
  });
});
