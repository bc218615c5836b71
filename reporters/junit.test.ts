import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { renderJunit, xmlEscape } from './junit.js';
import { loadSample } from './test-support.js';

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['testsuite', 'testcase'].includes(name) });

interface Case {
  '@name': string;
  '@classname': string;
  failure?: { '@message': string; '@type': string; '#text': string };
  error?: unknown;
  skipped?: { '@message': string };
}

describe('JUnit XML', () => {
  it('parses, with one suite per operation and one case per (operation, check)', async () => {
    const { results } = await loadSample();
    const xml = renderJunit(results);
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = parser.parse(xml) as { testsuites: { '@failures': string; '@errors': string; testsuite: Array<{ '@name': string; testcase: Case[] }> } };
    expect(doc.testsuites.testsuite).toHaveLength(results.operations.length);
    expect(doc.testsuites['@failures']).toBe('2');
    expect(doc.testsuites['@errors']).toBe('1');
    const chat = doc.testsuites.testsuite.find((s) => s['@name'].includes('chat_completion'))!;
    expect(chat.testcase.map((c) => c['@name'])).toEqual(results.operations[1]!.checks.map((c) => c.checkId));
    const schema = chat.testcase.find((c) => c['@name'] === 'response-schema-conformance')!;
    expect(schema.failure?.['@type']).toBe('response-schema-conformance');
    expect(schema.failure?.['@message']).toContain('Received: choices[0].message.content is 42');
    expect(schema.failure?.['#text']).toContain("curl -sS -X POST 'http://127.0.0.1:8080/v1/chat/completions'");
    // The hostile body survives as text.
    expect(schema.failure?.['#text']).toContain('</script><script>alert(1)</script> & <b>bold</b> ]]>');
    expect(chat.testcase.find((c) => c['@name'] === 'seed-determinism')!.skipped?.['@message']).toBe('target does not document random_seed');
    const agents = doc.testsuites.testsuite.find((s) => s['@name'].includes('agents'))!;
    expect(agents.testcase[0]!.skipped?.['@message']).toBe('needs --agent-id');
  });

  it('shows controls as escapes, strips the other characters XML 1.0 forbids, and escapes markup', () => {
    expect(xmlEscape('a\u0000b\u0001c\u0008d\u000be\ufffef\ud800g\t\n')).toBe('a\\u0000b\\u0001c\\u0008d\\u000befg\t\n');
    expect(xmlEscape('<x a="1">&</x> ]]>')).toBe('&lt;x a="1"&gt;&amp;&lt;/x&gt; ]]&gt;');
    expect(xmlEscape('emoji 😀 stays')).toBe('emoji 😀 stays');
  });

  it('stays valid XML whatever a check message holds', async () => {
    const { results } = await loadSample();
    const r = structuredClone(results);
    const f = r.operations[1]!.checks.find((c) => c.outcome === 'failed')!.failures[0]!;
    f.message = 'quote " apostrophe \' <tag> & \u0002 \ud83d lone \r\n line';
    const xml = renderJunit(r);
    expect(XMLValidator.validate(xml)).toBe(true);
  });
});
