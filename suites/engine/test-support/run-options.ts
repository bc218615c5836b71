// Run options and a status policy for tests that drive runSuite directly (no target behind them).
import type { RunOptions, StatusPolicy } from '../types.js';

export const TEST_RUN_OPTIONS: RunOptions = {
  target: 'http://x',
  seed: 1,
  runs: 1,
  include: [],
  exclude: [],
  phases: [],
  timeoutMs: 1000,
  apiKeyEnv: 'K',
  extraHeaders: {},
  maxResponseBytes: 1024,
  concurrency: 1,
  errata: true,
  readOnly: false,
  userAgent: 't',
  streamIdleTimeoutMs: 1000,
  streamTotalTimeoutMs: 1000,
  maxStreamBytes: 1024,
};

/** Every undocumented status passes: the tests that use it are about the run, not the policy. */
export const PASS_POLICY: StatusPolicy = { undocumented: () => ({ verdict: 'pass', reason: '' }), describe: () => [] };
