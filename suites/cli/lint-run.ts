// `mistral-conformance lint-spec [PATH]`: load, lint, format, and decide the exit code
// (1 when an error-severity finding is not fixed by an applied erratum, else 0).
import { formatLintFindings } from '../openapi/lint-format.js';
import { lintSpec, type LintFinding } from '../openapi/lint.js';
import { loadSpec } from '../openapi/load-spec.js';

export async function runLintSpec(
  path: string,
  opts: { errata?: string[]; allowRemoteRefs?: boolean } = {},
): Promise<{ findings: LintFinding[]; text: string; exitCode: number }> {
  const spec = await loadSpec(path, { overlays: opts.errata ?? [], ...(opts.allowRemoteRefs ? { allowRemoteRefs: true } : {}) });
  const findings = lintSpec(spec);
  const open = findings.some((f) => f.severity === 'error' && !f.fixedByErratum);
  return { findings, text: formatLintFindings(findings), exitCode: open ? 1 : 0 };
}
