// The part of the Mistral suite that deals with the target itself: it learns the target (models,
// existing resources), shapes generated requests for it (generation-hints.ts), judges undocumented
// statuses (the status policy), and tracks and cleans up what the run creates. The checks, probes and
// scenarios are added around it by createMistralSuite (suite.ts).
import type { Operation } from '../openapi/model.js';
import type { CleanupReport, Exchange, PrepareContext, SuitePlugin } from '../engine/types.js';
import { ResourceTracker } from './stateful/index.js';
import { discoverTarget, type DiscoveredTarget } from './discover-target.js';
import { generationHints } from './generation-hints.js';
import type { MistralRunOptions } from './options.js';
import { createMistralStatusPolicy, type StatusPolicyTable } from './status-policy.js';
import type { MistralTargetInfo } from './target-info.js';

export interface TargetPluginOptions extends MistralRunOptions {
  k: number;
  readOnly: boolean;
  statusPolicy?: StatusPolicyTable;
}

export interface TargetPlugin extends SuitePlugin {
  /** What discovery learned (before `prepare`, the configured models only). */
  info(): MistralTargetInfo;
}

export function createTargetPlugin(options: TargetPluginOptions): TargetPlugin {
  let target: DiscoveredTarget = {
    info: { models: [], maxTokens: options.maxTokens, k: options.k, ...(options.agentId ? { agentId: options.agentId } : {}) },
    existing: {},
  };
  // Every resource this run creates (generated uploads and scenario chains alike), cleaned up at the end.
  const tracker = new ResourceTracker();
  return {
    name: 'mistral',
    info: () => target.info,
    statusPolicy: createMistralStatusPolicy(options.statusPolicy),
    async prepare(ctx: PrepareContext) {
      target = await discoverTarget(ctx, options);
    },
    hints: (op: Operation) => generationHints(op, { ...target, allowCostly: options.allowCostly }),
    observe(op: Operation, exchange: Exchange) {
      tracker.trackCreated(exchange, { operationId: op.id });
      return tracker.changes();
    },
    // Lets a request budget keep back what clean-up will need (see SuitePlugin.pendingCleanup).
    pendingCleanup: () => tracker.cleanupRequests().length,
    async cleanup(ctx: PrepareContext): Promise<CleanupReport> {
      for (const { kind, id, request } of tracker.cleanupRequests()) {
        tracker.recordCleanup(kind, id, await ctx.send(request));
      }
      return tracker.report();
    },
  };
}
