// The whole Mistral suite: the plugin core (models, hints, status policy, clean-up) plus the
// Mistral checks, stream fold, semantic probes and stateful scenarios.
import { clientProbe } from './client-probe/probe-plugin.js';
import { createMistralSuite as createCore, type MistralSuite, type MistralSuiteOptions } from './plugin.js';

export interface MistralSuiteConfig extends MistralSuiteOptions {
  seed: number;
}

export function createMistralSuite(config: MistralSuiteConfig): MistralSuite {
  const core = createCore(config);
  return { ...core, probes: clientProbe(core.info) };
}
