// The whole Mistral suite: the target plugin (discovery, generation hints, status policy, clean-up)
// plus the Mistral checks, stream fold, semantic probes, stateful scenarios and the client probe.
import type { Operation } from '../openapi/model.js';
import { mistralChecks } from './checks.js';
import { clientProbe, type PaceFetch } from './client-probe/probe-plugin.js';
import { createTargetPlugin, type TargetPlugin, type TargetPluginOptions } from './target-plugin.js';
import { semanticProbes } from './semantic/probes.js';
import { statefulScenarios, chainScript } from './stateful/index.js';
import { chunkFold } from './stream/index.js';
import { tokensUsed } from './token-usage.js';

export interface MistralSuiteConfig extends TargetPluginOptions {
  seed: number;
  /** How the client probe's bounded fetch goes through the run's pacer and retries. */
  paceProbe?: PaceFetch;
}

export function createMistralSuite(config: MistralSuiteConfig): TargetPlugin {
  const core = createTargetPlugin(config);
  return {
    ...core,
    checks: mistralChecks,
    streamFolds: [chunkFold],
    caseSources: [
      {
        cases: ({ spec }) => semanticProbes(core.info(), new Map<string, Operation>(spec.operations.map((o) => [o.id, o])), { seed: config.seed }),
      },
      {
        cases: ({ spec }) => statefulScenarios({ info: core.info(), spec, seed: config.seed, readOnly: config.readOnly, allowCostly: config.allowCostly }),
        // Scenario chains create, list and delete: side by side they would see each other's resources.
        sequential: true,
      },
    ],
    reproduction: (tc, exchanges, baseUrl, toCurl) => (tc.phase === 'stateful' ? chainScript(tc, exchanges, baseUrl, toCurl) : undefined),
    afterCases: clientProbe(core.info, config.paceProbe),
    tokensOf: tokensUsed,
  };
}
