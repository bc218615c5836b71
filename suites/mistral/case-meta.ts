// What the Mistral suite tells its own checks about a case, typed: the fields are added to the engine's
// CaseMeta by declaration merging, so the probes and scenarios that write them and the checks that read
// them agree at compile time. The engine carries these fields and never reads them.
import type { StatefulMeta } from './stateful/meta.js';

/** The semantic property a probe case exercises (which check family judges it). */
export type ProbeProperty =
  | 'max-tokens'
  | 'n-choices'
  | 'stop'
  | 'json-mode'
  | 'seed-determinism'
  | 'prompt-growth'
  | 'stream-equivalence'
  | 'tool-choice-repeat'
  | 'tool-choice-named'
  | 'tool-choice-none'
  | 'tool-result'
  | 'fim'
  | 'embeddings'
  | 'moderation';

declare module '../engine/types.js' {
  interface CaseMeta {
    /** Semantic probes: the requested model's id and aliases, as the target's model list gives them. */
    modelNames?: string[];
    /** Semantic probes: the property the probe exercises. */
    property?: ProbeProperty;
    /** Semantic probes: how many repetitions the probe sends (pass@k). */
    k?: number;
    /** Stateful chains: the scenario and what each step is for. */
    stateful?: StatefulMeta;
  }
}
