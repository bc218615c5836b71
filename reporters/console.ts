// The console summary printed at the end of a run: a compact table of operations by counts, the
// failing checks with their first message, the verdict line and where the full report is.
import { clip, moreChars } from '../suites/engine/clip.js';
import { sumChecks, type OperationResult, type RunResults } from '../suites/engine/results.js';
import type { RenderOptions } from './render-options.js';
import { escapeControls } from './control-chars.js';
import { sanitizeResults } from './sanitize.js';
import { checkTitle, failingChecks, inconclusiveOperations, verdictLine } from './summarize.js';
import { causesNote, firstLine } from './text-format.js';

export interface ConsoleOptions extends RenderOptions {
  color: boolean;
  /** Where the full report was written (a file, e.g. report.html). */
  reportPath?: string;
  /** The report directory, when no single file is named. */
  reportDir?: string;
  /** Widest line allowed for the operation column; operation ids can be very long. */
  width?: number;
}

const CODES = { red: [31, 39], green: [32, 39], yellow: [33, 39], dim: [2, 22], bold: [1, 22] } as const;
type Style = keyof typeof CODES;

function painter(color: boolean): (style: Style, text: string) => string {
  return (style, text) => (color ? `\u001b[${CODES[style][0]}m${text}\u001b[${CODES[style][1]}m` : text);
}

function row(op: OperationResult): number[] {
  const t = sumChecks(op.checks);
  return [op.cases, t.passed, t.failed, t.warnings, t.errored, t.skipped];
}

export function renderConsole(results: RunResults, opts: ConsoleOptions): string {
  const r = sanitizeResults(results, opts);
  const paint = painter(opts.color);
  const nameWidth = Math.min(opts.width ?? 48, Math.max(9, ...r.operations.map((o) => o.operationId.length)));
  const heads = ['cases', 'pass', 'fail', 'warn', 'err', 'skip'];
  const widths = heads.map((h, i) => Math.max(h.length, ...r.operations.map((o) => String(row(o)[i]).length)));
  const pad = (cells: string[]): string => cells.map((c, i) => c.padStart(widths[i]!)).join('  ');
  const out: string[] = [paint('bold', `${'operation'.padEnd(nameWidth)}  ${pad(heads)}`)];
  for (const op of r.operations) {
    const id = escapeControls(op.operationId);
    const name = (id.length > nameWidth ? `${id.slice(0, nameWidth - 1)}…` : id).padEnd(nameWidth);
    if (op.skipped) {
      out.push(paint('dim', `${name}  skipped: ${escapeControls(op.skipped)}`));
      continue;
    }
    const cells = row(op);
    const text = `${name}  ${pad(cells.map(String))}`;
    out.push(cells[2]! + cells[4]! > 0 ? paint('red', text) : cells[3]! > 0 ? paint('yellow', text) : text);
  }
  const failing = failingChecks(r);
  if (failing.length) {
    out.push('', paint('bold', 'Failing checks:'));
    for (const { operation, check } of failing) {
      const msg = escapeControls(firstLine(check.failures[0]?.message ?? ''));
      const note = causesNote(check);
      out.push(
        `  ${paint('red', '✗')} ${escapeControls(operation.operationId)} › ${check.checkId} (${checkTitle(r, check.checkId)}): ${clip(msg, 160, moreChars)}${note ? paint('dim', ` (${note})`) : ''}`,
      );
    }
  }
  const inconclusive = inconclusiveOperations(r);
  if (inconclusive.length) {
    out.push('', paint('bold', 'Inconclusive (not judged: no valid request of theirs was accepted):'));
    for (const i of inconclusive)
      out.push(`  ${paint('yellow', '?')} ${escapeControls(i.operationId)}: ${i.cases} cases; ${clip(escapeControls(i.reasons[0] ?? ''), 200, moreChars)}`);
  }
  const accepted = r.operations.flatMap((o) => o.checks.filter((c) => c.outcome === 'accepted').map((c) => `${escapeControls(o.operationId)} › ${c.checkId}`));
  if (accepted.length) out.push('', paint('dim', `Accepted by baseline: ${accepted.join(', ')}`));
  const verdict = verdictLine(r);
  out.push('', r.summary.verdict === 'pass' ? paint('green', verdict) : paint('red', verdict));
  if (opts.reportPath) out.push(`Report: ${escapeControls(opts.reportPath)}`);
  else if (opts.reportDir) out.push(`Reports in ${escapeControls(opts.reportDir)}`);
  // No trailing newline: the caller decides how it ends the output.
  return out.join('\n');
}
