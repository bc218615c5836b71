import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../suites/engine/events.js';
import { createNdjsonWriter, readEventLog } from './ndjson.js';
import { loadSample, SAMPLE_EVENTS } from './test-support.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'mc-ndjson-'));

describe('NDJSON event log', () => {
  it('writes a versioned header and one event per line, and reads them back', async () => {
    const { events } = await loadSample();
    const path = join(tmp(), 'sub', 'events.ndjson');
    const w = createNdjsonWriter(path);
    for (const e of events) w.write(e);
    await w.close();
    const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
    expect(JSON.parse(lines[0]!)).toEqual({ type: 'header', format: 'mistral-conformance-events', version: 1 });
    expect(lines).toHaveLength(events.length + 1);
    expect(await readEventLog(path)).toEqual(events);
  });

  it('leaves a readable log when the process dies before close (each event is on disk as written)', async () => {
    const { events } = await loadSample();
    const path = join(tmp(), 'events.ndjson');
    const w = createNdjsonWriter(path);
    w.write(events[0]!);
    w.write(events[1]!);
    // No close(): read while the writer is still "running".
    expect(await readEventLog(path)).toEqual(events.slice(0, 2));
  });

  it('tolerates a truncated last line', async () => {
    const path = join(tmp(), 'events.ndjson');
    writeFileSync(path, readFileSync(SAMPLE_EVENTS, 'utf8'));
    appendFileSync(path, '{"type":"case-finished","caseId":"x/pos');
    const events = await readEventLog(path);
    expect(events.at(-1)?.type).toBe('run-finished');
  });

  it('rejects an unknown version, a missing header and a corrupt middle line with one-line errors', async () => {
    const dir = tmp();
    const v2 = join(dir, 'v2.ndjson');
    writeFileSync(v2, '{"type":"header","format":"mistral-conformance-events","version":2}\n{"type":"log","level":"info","message":"x"}\n');
    await expect(readEventLog(v2)).rejects.toThrow(
      /^\[mistral-conformance\] Failed to read event log .*: unsupported version 2 \(this tool reads version 1\)\. [^\n]*$/,
    );
    const noHeader = join(dir, 'nh.ndjson');
    writeFileSync(noHeader, '{"type":"log","level":"info","message":"x"}\n');
    await expect(readEventLog(noHeader)).rejects.toThrow(/no mistral-conformance-events header/);
    const corrupt = join(dir, 'c.ndjson');
    writeFileSync(corrupt, '{"type":"header","format":"mistral-conformance-events","version":1}\n{oops\n{"type":"log","level":"info","message":"x"}\n');
    await expect(readEventLog(corrupt)).rejects.toThrow(/line 2 is not JSON/);
    await expect(readEventLog(join(dir, 'missing.ndjson'))).rejects.toThrow(/ENOENT/);
  });

  it('drops credential options and redacts secrets as it writes', async () => {
    const { events } = await loadSample();
    const started = structuredClone(events[0]!) as Extract<RunEvent, { type: 'run-started' }>;
    started.options = { ...started.options, apiKey: 'sk-live-abcdef', extraHeaders: { Authorization: 'Bearer sk-other-999' } };
    const leaky: RunEvent = { type: 'log', level: 'warn', message: 'server echoed sk-live-abcdef and sk-given-777' };
    const path = join(tmp(), 'events.ndjson');
    const w = createNdjsonWriter(path, { secrets: ['sk-given-777'] });
    w.write(started);
    w.write(leaky);
    await w.close();
    const text = readFileSync(path, 'utf8');
    for (const s of ['sk-live-abcdef', 'sk-other-999', 'sk-given-777']) expect(text).not.toContain(s);
    expect(text).toContain('server echoed [REDACTED] and [REDACTED]');
  });
});
