// A target that answers with terminal sequences, a lone CR, C1 controls or bidi overrides: no raw
// control character reaches any report file or the console, and JSON keeps the same values.
import { describe, expect, it } from 'vitest';
import { escapeControls, escapeJsonControls } from './control-chars.js';
import { renderConsole } from './console.js';
import { FILE_REPORTERS } from './write-reports.js';
import { loadSample } from './test-support.js';

const HOSTILE = 'ok\u001b]0;pwned\u0007\u001b[2J\rPASS\u009b31m\u202eevil\u2066 and\r\nnext\ttab';
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('control characters', () => {
  it('are shown as visible escapes; tab and line feed stay, CRLF becomes LF', () => {
    expect(escapeControls(HOSTILE)).toBe('ok\\u001b]0;pwned\\u0007\\u001b[2J\\u000dPASS\\u009b31m\\u202eevil\\u2066 and\nnext\ttab');
    expect(escapeControls('plain text\n')).toBe('plain text\n');
  });

  it('in JSON become \\u escapes of the same value', () => {
    const json = escapeJsonControls(JSON.stringify({ s: HOSTILE }));
    expect(json).not.toMatch(RAW);
    expect(JSON.parse(json)).toEqual({ s: HOSTILE });
  });

  it('reach no report format raw, wherever the target put them', async () => {
    const { results } = await loadSample();
    const op = results.operations.find((o) => o.checks.some((c) => c.failures.length))!;
    const check = op.checks.find((c) => c.failures.length)!;
    const failure = check.failures[0]!;
    failure.message = `Received: ${HOSTILE}`;
    if (failure.exchanges[0]?.response) failure.exchanges[0].response.bodyText = HOSTILE;
    op.operationId = `op${HOSTILE}`;
    for (const r of FILE_REPORTERS) {
      const text = r.render(results, {});
      expect(text, r.format).not.toMatch(RAW);
      if (!r.file.endsWith('.json')) expect(text, r.format).toContain('\\u001b');
    }
    const consoleText = renderConsole(results, { color: false });
    expect(consoleText).not.toMatch(RAW);
    expect(consoleText).toContain('\\u001b]0;pwned');
    // With colour on, the only ESC bytes are the console's own colour codes.
    const colored = renderConsole(results, { color: true });
    expect(colored.replace(/\u001b\[\d+m/g, '')).not.toMatch(RAW);
  });
});
