// How to replay a failing case: its curl lines (credentials as the environment variable), the seed and
// fast-check path of the generated value, the replay command, and a suite's script for multi-step cases.
import type { Reproduction } from '../events.js';
import { toCurl } from '../transport/curl.js';
import { shellWord } from '../transport/shell.js';
import type { Exchange, RequestSpec, RunOptions, SuitePlugin, TestCase } from '../types.js';

export function reproduction(tc: TestCase, requests: RequestSpec[], exchanges: Exchange[], options: RunOptions, plugins: SuitePlugin[]): Reproduction {
  const curlOf = (req: RequestSpec, base: string): string =>
    toCurl(req, base, {
      apiKeyEnv: options.apiKeyEnv,
      ...(options.authHeader ? { authHeader: options.authHeader } : {}),
      ...(options.secretHeaders ? { secretHeaders: options.secretHeaders } : {}),
    });
  const r: Reproduction = {
    curl: requests.map((req) => curlOf(req, options.target)),
    // The case id holds the spec's operation id, the target is the user's: both quoted unless plain.
    command: `mistral-conformance replay --report report.json --case ${shellWord(tc.id)} --target ${shellWord(options.target)}`,
  };
  if (tc.generation) {
    r.seed = tc.generation.seed;
    r.path = tc.generation.path;
  }
  for (const p of plugins) {
    const script = p.reproduction?.(tc, exchanges, options.target, curlOf);
    if (script) r.script = script;
  }
  return r;
}
