import { describe, expect, it } from 'vitest';
import { applyOverlay, parseOverlay } from './overlay.js';
import { SpecReadError } from './read-document.js';

const overlay = (actions: unknown[]): ReturnType<typeof parseOverlay> =>
  parseOverlay({ overlay: '1.0.0', info: { title: 'T', version: '1' }, actions }, 'test-overlay');

const base = (): Record<string, unknown> => ({
  info: { title: 'x', contact: { name: 'a', email: 'e' } },
  tags: [{ name: 'chat' }, { name: 'fim' }],
  components: { schemas: { A: { required: ['id', 'data', 'model'], properties: { id: { type: 'string' } } }, B: { type: 'string', enum: ['a', 'b'] } } },
});

describe('applyOverlay', () => {
  it('remove deletes object members and array items selected by a filter', () => {
    const doc = base();
    const applied = applyOverlay(
      doc,
      overlay([
        { target: "$.components.schemas.A.required[?(@ == 'data')]", remove: true },
        { target: '$.components.schemas.B', remove: true, 'x-id': 'drop-b', 'x-evidence': 'why' },
      ]),
    );
    expect(doc.components).toEqual({ schemas: { A: { required: ['id', 'model'], properties: { id: { type: 'string' } } } } });
    expect(applied.map((a) => [a.id, a.matched, a.evidence])).toEqual([
      ['T#0', 1, []],
      ['drop-b', 1, ['why']],
    ]);
  });

  it('update merges objects recursively, replaces primitives and arrays inside objects, appends to a selected array', () => {
    const doc = base();
    applyOverlay(
      doc,
      overlay([
        { target: '$.info', update: { title: 'y', contact: { email: 'f' }, 'x-new': [1] } },
        { target: '$.components.schemas.B', update: { enum: ['c'] } },
        { target: '$.tags', update: { name: 'agents' } },
      ]),
    );
    expect(doc.info).toEqual({ title: 'y', contact: { name: 'a', email: 'f' }, 'x-new': [1] });
    expect((doc.components as { schemas: { B: unknown } }).schemas.B).toEqual({ type: 'string', enum: ['c'] });
    expect(doc.tags).toEqual([{ name: 'chat' }, { name: 'fim' }, { name: 'agents' }]);
  });

  it('update applies to every node a wildcard or filter selects, without sharing the update object', () => {
    const doc = base();
    applyOverlay(
      doc,
      overlay([
        { target: "$.tags[?@.name != 'fim']", update: { 'x-seen': { n: 1 } } },
        { target: '$.tags[*]', update: { meta: { d: 1 } } },
      ]),
    );
    const tags = doc.tags as Array<Record<string, unknown>>;
    expect(tags).toEqual([
      { name: 'chat', 'x-seen': { n: 1 }, meta: { d: 1 } },
      { name: 'fim', meta: { d: 1 } },
    ]);
    // Each node gets its own copy: editing one later must not edit the other.
    expect(tags[0]!.meta).not.toBe(tags[1]!.meta);
  });

  it('a target that matches nothing changes nothing and reports matched: 0', () => {
    const doc = base();
    const before = structuredClone(doc);
    const applied = applyOverlay(
      doc,
      overlay([
        { target: '$.components.schemas.Nope', update: { type: 'x' } },
        { target: '$.paths', remove: true },
      ]),
    );
    expect(applied.map((a) => a.matched)).toEqual([0, 0]);
    expect(doc).toEqual(before);
  });

  it('rejects documents that are not overlays, and actions without target or effect', () => {
    expect(() => parseOverlay({ openapi: '3.1.0' }, 'x.yaml')).toThrow(SpecReadError);
    expect(() => parseOverlay({ overlay: '1.0.0', actions: [{ update: {} }] }, 'x.yaml')).toThrow(/actions\[0\] has no "target"/);
    expect(() => parseOverlay({ overlay: '1.0.0', actions: [{ target: '$' }] }, 'x.yaml')).toThrow(/neither "update" nor "remove: true"/);
    expect(() => parseOverlay({ overlay: '1.0.0', actions: [{ target: '$', remove: true, 'x-fixes': 'components' }] }, 'x.yaml')).toThrow(/x-fixes/);
    expect(() => parseOverlay({ overlay: '1.0.0', actions: [{ target: '$', remove: true, 'x-fixes': ['no-slash'] }] }, 'x.yaml')).toThrow(/x-fixes/);
  });

  it('reports the pointers an action names in x-fixes (defects it corrects elsewhere)', () => {
    const [applied] = applyOverlay(
      base(),
      overlay([{ 'x-id': 'b-more', target: '$.components.schemas.B.enum', update: ['c'], 'x-fixes': ['/components/schemas/A/properties/b/example'] }]),
    );
    expect(applied?.fixes).toEqual(['/components/schemas/A/properties/b/example']);
    const [plain] = applyOverlay(base(), overlay([{ target: '$.components.schemas.B.enum', update: ['c'] }]));
    expect(plain && 'fixes' in plain).toBe(false);
  });

  it('rejects a target that is not RFC 9535 JSONPath when the overlay is read, naming the action', () => {
    expect(() =>
      overlay([
        { target: '$.components.schemas.A.required[0]', remove: true },
        { target: '$.paths.*.post.responses.200', remove: true },
      ]),
    ).toThrow(/^test-overlay: actions\[1\] target "\$\.paths\.\*\.post\.responses\.200" is not an RFC 9535 JSONPath query: unexpected "2" at character 26$/);
  });
});

describe('applyOverlay with the rest of RFC 9535 (unions, slices, &&, <)', () => {
  const doc = () => ({
    required: ['a', 'b', 'c', 'd', 'e'],
    schemas: { A: { max: 10, kind: 'x' }, B: { max: 2, kind: 'x' }, C: { max: 1, kind: 'y' } },
  });

  it('removes the items a union names, whatever the order it names them in', () => {
    const d = doc();
    const [applied] = applyOverlay(d, overlay([{ target: '$.required[3,0,1]', remove: true }]));
    expect(d.required).toEqual(['c', 'e']);
    expect(applied?.matched).toBe(3);
  });

  it('removes a slice, and a node a union names twice only once', () => {
    const d = doc();
    applyOverlay(d, overlay([{ target: '$.required[1:4]', remove: true }]));
    expect(d.required).toEqual(['a', 'e']);
    const e = doc();
    const [twice] = applyOverlay(e, overlay([{ target: '$.required[0,0]', remove: true }]));
    expect(e.required).toEqual(['b', 'c', 'd', 'e']);
    expect(twice?.matched).toBe(1);
  });

  it('updates the nodes a filter with && and < selects', () => {
    const d = doc();
    const [applied] = applyOverlay(d, overlay([{ target: "$.schemas[?@.max < 5 && @.kind == 'x']", update: { 'x-small': true } }]));
    expect(applied?.matched).toBe(1);
    expect(d.schemas).toEqual({ A: { max: 10, kind: 'x' }, B: { max: 2, kind: 'x', 'x-small': true }, C: { max: 1, kind: 'y' } });
  });

  it('removes members a union of names selects', () => {
    const d = doc();
    applyOverlay(d, overlay([{ target: "$.schemas['A','C']", remove: true }]));
    expect(Object.keys(d.schemas)).toEqual(['B']);
  });

  it('updates array items a slice selects, each in place', () => {
    const d = { list: [{ n: 1 }, { n: 2 }, { n: 3 }] };
    applyOverlay(d, overlay([{ target: '$.list[-2:]', update: { seen: true } }]));
    expect(d.list).toEqual([{ n: 1 }, { n: 2, seen: true }, { n: 3, seen: true }]);
  });
});
