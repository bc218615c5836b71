// Pairs the alternatives of two versions of a union (`anyOf`/`oneOf`): by name first (the `$ref`
// target, title or tag), then, for schemas renamed or split between versions, by the properties they
// share (JobOut and CompletionJobOut share most of theirs) unless their tags differ (`type: text` and
// `type: image` are different chunks however alike), then a last unnamed one left on each side.
import { alternativeName, viewOf, type SchemaView } from './schema-view.js';

/** An alternative, with its name when the caller knows it better than the schema does. */
export type Alternative = SchemaView['alternatives'][number] & { name?: string };

export interface AlternativePairs {
  pairs: Array<{ old: Alternative; new: Alternative; name?: string }>;
  /** Names (or `#index`) of the old alternatives with no counterpart. */
  removed: string[];
  added: string[];
}

/** Names made unique: a second `type array` becomes `type array#2`. */
function named(doc: unknown, alts: Alternative[]): Array<{ alt: Alternative; name: string; props: Set<string>; tag?: string }> {
  const seen = new Map<string, number>();
  return alts.map((alt, i) => {
    const base = alt.name ?? alternativeName(doc, alt) ?? `#${i}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    const view = viewOf(doc, alt.schema, alt.pointer);
    const tag = tagOf(doc, view);
    return { alt, name: n > 1 ? `${base}#${n}` : base, props: new Set(view.properties.keys()), ...(tag ? { tag } : {}) };
  });
}

/** The value a discriminating member is pinned to (`type: const text`), which two alternatives must share to pair. */
function tagOf(doc: unknown, view: SchemaView): string | undefined {
  for (const key of ['type', 'role', 'object', 'job_type', 'model_type']) {
    const p = view.properties.get(key);
    const values = p && viewOf(doc, p.schema, p.pointer).values;
    if (values?.length === 1) return `${key}=${JSON.stringify(values[0])}`;
  }
  return undefined;
}

function overlap(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let common = 0;
  for (const x of a) if (b.has(x)) common++;
  return common / Math.max(a.size, b.size);
}

export function pairAlternatives(oldDoc: unknown, oldAlts: Alternative[], newDoc: unknown, newAlts: Alternative[]): AlternativePairs {
  const olds = named(oldDoc, oldAlts);
  const news = named(newDoc, newAlts);
  const pairs: AlternativePairs['pairs'] = [];
  const take = (o: (typeof olds)[number], n: (typeof news)[number]): void => {
    pairs.push({ old: o.alt, new: n.alt, name: o.name === n.name ? o.name : `${o.name}→${n.name}` });
    olds.splice(olds.indexOf(o), 1);
    news.splice(news.indexOf(n), 1);
  };
  for (const o of [...olds]) {
    const n = news.find((x) => x.name === o.name);
    if (n) take(o, n);
  }
  // Greedy by shared properties, best pairs first; half the members in common at least.
  const candidates = olds
    .flatMap((o) => news.map((n) => ({ o, n, score: overlap(o.props, n.props) })))
    .filter((c) => c.score >= 0.5 && (!c.o.tag || !c.n.tag || c.o.tag === c.n.tag));
  for (const c of candidates.sort((x, y) => y.score - x.score)) if (olds.includes(c.o) && news.includes(c.n)) take(c.o, c.n);
  // Two unnamed leftovers are taken for the same alternative; two named differently are not.
  if (olds.length === 1 && news.length === 1 && (olds[0]!.name.startsWith('#') || news[0]!.name.startsWith('#'))) take(olds[0]!, news[0]!);
  return { pairs, removed: olds.map((o) => o.name), added: news.map((n) => n.name) };
}
