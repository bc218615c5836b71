// The inputs of the stateful chains, drawn with fast-check from the run seed: the same seed gives the
// same file names, contents, suffixes and ids, so a failing chain replays exactly.
import fc from 'fast-check';

const WORDS = [
  'bonjour',
  'fromage',
  'café',
  'naïve',
  'Zürich',
  '日本語',
  'emoji 🙂',
  'line\\nbreak',
  'quote "x"',
  'tab\there',
  'mistral',
  'vent',
  'soleil',
  'ñandú',
];

const words = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 6 }).map((w) => w.join(' '));
const tag = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'), minLength: 8, maxLength: 8 });

export interface ChainInputs {
  /** Marks everything this run creates (file names, job suffixes, metadata). */
  runTag: string;
  /** Chat samples for fine-tuning, one JSON object a line. */
  chatSamples: string[];
  /** Prompts for the batch input file. */
  batchPrompts: string[];
  /** Ids that never existed (404 expected). */
  unknownIds: string[];
  modelName: string;
  modelDescription: string;
}

const inputs: fc.Arbitrary<ChainInputs> = fc.record({
  runTag: tag,
  chatSamples: fc.array(fc.tuple(words, words), { minLength: 2, maxLength: 4 }).map((pairs) =>
    pairs.map(([q, a]) =>
      JSON.stringify({
        messages: [
          { role: 'user', content: q },
          { role: 'assistant', content: a },
        ],
      }),
    ),
  ),
  batchPrompts: fc.array(words, { minLength: 1, maxLength: 3 }),
  unknownIds: fc.array(fc.uuid({ version: 4 }), { minLength: 3, maxLength: 3 }),
  modelName: words,
  modelDescription: words,
});

export function chainInputs(seed: number): ChainInputs {
  return fc.sample(inputs, { seed, numRuns: 1 })[0]!;
}

/** JSONL bytes: lines joined by \n with a final newline, as files on disk usually are. */
export function jsonl(lines: string[]): Uint8Array {
  return new TextEncoder().encode(`${lines.join('\n')}\n`);
}

export function batchLines(prompts: string[], maxTokens: number): string[] {
  return prompts.map((p, i) => JSON.stringify({ custom_id: String(i), body: { max_tokens: maxTokens, messages: [{ role: 'user', content: p }] } }));
}

export function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64');
}
