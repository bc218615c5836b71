// The vendor matrix: rows of (area, operation, check), one column per target, cells with the outcome,
// pass rate and the operation's median latency, and a conformance score per target. Rows where
// targets differ are highlighted and sorted first, since those are what a comparison is for.
import type { CheckResult, OperationResult, RunResults } from '../suites/engine/results.js';
import { escapeHtml } from './html-escape.js';
import { codeBlock, mdText } from './markdown.js';
import type { RenderOptions } from './render-options.js';
import { sanitizeResults } from './sanitize.js';
import { passRate, percent } from './summarize.js';

export type CellStatus = 'pass' | 'fail' | 'warn' | 'skip' | 'error' | 'accepted' | 'absent';

export interface CompareCell {
  status: CellStatus;
  passRate?: number;
  medianMs?: number;
  firstMessage?: string;
}

export interface CompareRow {
  area: string;
  operationId: string;
  checkId: string;
  cells: CompareCell[];
  differs: boolean;
}

export interface TargetScore {
  name: string;
  /** Pairs that passed (outcome passed or warning) among pairs that ran. */
  passed: number;
  ran: number;
  score: number | undefined;
}

export interface CompareMatrix {
  targets: string[];
  /** The contract each target was judged against (undefined: a document that is no named contract). */
  contracts: Array<string | undefined>;
  rows: CompareRow[];
  scores: TargetScore[];
}

export const SCORE_DEFINITION =
  'Conformance score = (operation, check) pairs whose outcome on that target was passed or warning, divided by the pairs that ran on that target (at least one passed, failed, warning or errored outcome; skipped pairs, skipped operations and pairs absent from the run are left out; a failure accepted by a baseline counts as not passed).';

function status(c: CheckResult | undefined, op: OperationResult | undefined): CellStatus {
  if (!op || !c) return op?.skipped ? 'skip' : 'absent';
  switch (c.outcome) {
    case 'passed':
      return 'pass';
    case 'failed':
      return 'fail';
    case 'warning':
      return 'warn';
    case 'errored':
      return 'error';
    case 'accepted':
      return 'accepted';
    default:
      return 'skip';
  }
}

/** Column names: targetName, else target URL; repeated names get `#2`, `#3` so columns stay distinct. */
function targetNames(reports: RunResults[]): string[] {
  const seen = new Map<string, number>();
  return reports.map((r) => {
    const base = r.targetName || r.target || 'target';
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base} #${n}`;
  });
}

export function compareMatrix(input: RunResults[], opts: RenderOptions = {}): CompareMatrix {
  const reports = input.map((r) => sanitizeResults(r, opts));
  const targets = targetNames(reports);
  const keys = new Map<string, { area: string; operationId: string; checkId: string }>();
  const lookup = reports.map((r) => new Map(r.operations.map((o) => [o.operationId, o])));
  for (const r of reports)
    for (const op of r.operations)
      for (const c of op.checks) keys.set(`${op.operationId}\u0000${c.checkId}`, { area: op.area, operationId: op.operationId, checkId: c.checkId });
  const rows: CompareRow[] = [...keys.values()].map((k) => {
    const cells = lookup.map((ops) => {
      const op = ops.get(k.operationId);
      const c = op?.checks.find((x) => x.checkId === k.checkId);
      const cell: CompareCell = { status: status(c, op) };
      const rate = c ? passRate(c) : undefined;
      if (rate !== undefined) cell.passRate = rate;
      if (op && op.latency.count > 0) cell.medianMs = op.latency.median;
      const msg = c?.failures[0]?.message.split('\n', 1)[0];
      if (msg && (cell.status === 'fail' || cell.status === 'error' || cell.status === 'warn')) cell.firstMessage = msg;
      return cell;
    });
    return { ...k, cells, differs: new Set(cells.map((c) => c.status)).size > 1 };
  });
  // Differing rows first; among them, those where a target fails or errors before those that differ
  // only in what ran (absent, skipped), since failures are what a reader acts on.
  const rank = (r: CompareRow): number => (!r.differs ? 2 : r.cells.some((c) => c.status === 'fail' || c.status === 'error') ? 0 : 1);
  rows.sort((a, b) => rank(a) - rank(b) || a.area.localeCompare(b.area) || a.operationId.localeCompare(b.operationId) || a.checkId.localeCompare(b.checkId));
  const scores = targets.map((name, i) => {
    const ran = rows.filter((r) => ['pass', 'warn', 'fail', 'error', 'accepted'].includes(r.cells[i]!.status));
    const passed = ran.filter((r) => r.cells[i]!.status === 'pass' || r.cells[i]!.status === 'warn').length;
    return { name, passed, ran: ran.length, score: ran.length ? passed / ran.length : undefined };
  });
  return { targets, contracts: reports.map((r) => r.spec.contract), rows, scores };
}

/** `Contract: 2026-07`, or which target was judged against which when they differ (rows then may not line up). */
export function contractLine(m: Pick<CompareMatrix, 'targets' | 'contracts'>): string {
  const label = (c: string | undefined): string => c ?? 'another document';
  const distinct = [...new Set(m.contracts)];
  if (distinct.length === 1) return distinct[0] === undefined ? '' : `Contract: ${distinct[0]}.`;
  return `Targets judged against different contracts (${m.targets.map((t, i) => `${t}: ${label(m.contracts[i])}`).join(', ')}): operations are matched by operationId, and checks and errata differ.`;
}

const SYMBOL: Record<CellStatus, string> = {
  pass: '✅ pass',
  fail: '❌ fail',
  warn: '⚠️ warn',
  skip: '⏭ skip',
  error: '💥 error',
  accepted: '☑️ accepted',
  absent: '— absent',
};

function cellText(c: CompareCell): string {
  const bits = [SYMBOL[c.status]];
  if (c.passRate !== undefined) bits.push(percent(c.passRate));
  if (c.medianMs !== undefined) bits.push(`${c.medianMs} ms`);
  return bits.join(' · ');
}

function markdown(m: CompareMatrix): string {
  const out = ['## Conformance comparison', ''];
  const contract = contractLine(m);
  if (contract) out.push(mdText(contract), '');
  out.push('| target | score | passed / ran |', '|---|---:|---:|');
  for (const s of m.scores) out.push(`| ${mdText(s.name)} | ${percent(s.score)} | ${s.passed} / ${s.ran} |`);
  out.push('', `_${mdText(SCORE_DEFINITION)}_`, '');
  const differing = m.rows.filter((r) => r.differs).length;
  out.push(
    `${differing} of ${m.rows.length} rows differ between targets; they come first, marked **≠**. Cells: outcome · pass rate of the check's outcomes · median latency of the operation.`,
    '',
  );
  out.push(`| | area | operation | check | ${m.targets.map(mdText).join(' | ')} |`, `|---|---|---|---|${m.targets.map(() => '---').join('|')}|`);
  for (const r of m.rows)
    out.push(
      `| ${r.differs ? '**≠**' : ''} | ${mdText(r.area)} | ${mdText(r.operationId)} | ${mdText(r.checkId)} | ${r.cells.map((c) => (r.differs ? `**${cellText(c)}**` : cellText(c))).join(' | ')} |`,
    );
  const failures = m.rows.flatMap((r) =>
    r.cells.flatMap((c, i) => (c.firstMessage && r.differs ? [`${m.targets[i]} · ${r.operationId} › ${r.checkId}: ${c.firstMessage}`] : [])),
  );
  if (failures.length) out.push('', '<details><summary>First messages of differing rows</summary>', '', codeBlock(failures.join('\n')), '', '</details>');
  return `${out.join('\n')}\n`;
}

function html(m: CompareMatrix): string {
  const head = m.targets.map((t) => `<th>${escapeHtml(t)}</th>`).join('');
  const body = m.rows
    .map(
      (r) =>
        `<tr class="${r.differs ? 'differs' : ''}"><td>${r.differs ? '≠' : ''}</td><td>${escapeHtml(r.area)}</td><td>${escapeHtml(r.operationId)}</td><td>${escapeHtml(r.checkId)}</td>${r.cells
          .map((c) => `<td class="c-${c.status}"${c.firstMessage ? ` title="${escapeHtml(c.firstMessage)}"` : ''}>${escapeHtml(cellText(c))}</td>`)
          .join('')}</tr>`,
    )
    .join('\n');
  const scores = m.scores.map((s) => `<tr><td>${escapeHtml(s.name)}</td><td>${percent(s.score)}</td><td>${s.passed} / ${s.ran}</td></tr>`).join('');
  const differing = m.rows.filter((r) => r.differs).length;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<link rel="icon" href="data:,">
<title>Conformance comparison</title>
<style>
body { font: 14px/1.4 system-ui, sans-serif; margin: 16px 24px; color: #1f2328; }
table { border-collapse: collapse; } th, td { border: 1px solid #d0d7de; padding: 3px 8px; text-align: left; }
th { background: #f6f8fa; position: sticky; top: 0; }
tr.differs { background: #fff8c5; font-weight: 600; }
.c-pass { color: #1a7f37; } .c-fail, .c-error { color: #cf222e; } .c-warn { color: #9a6700; } .c-skip, .c-absent { color: #6e7781; } .c-accepted { color: #0969da; }
.def { max-width: 60em; color: #57606a; }
</style></head><body>
<h1>Conformance comparison</h1>
${contractLine(m) ? `<p>${escapeHtml(contractLine(m))}</p>\n` : ''}<table><thead><tr><th>Target</th><th>Score</th><th>Passed / ran</th></tr></thead><tbody>${scores}</tbody></table>
<p class="def">${escapeHtml(SCORE_DEFINITION)}</p>
<p>${differing} of ${m.rows.length} rows differ between targets; they are highlighted and come first. Cells: outcome · pass rate of the check's outcomes · median latency of the operation.</p>
<table><thead><tr><th></th><th>Area</th><th>Operation</th><th>Check</th>${head}</tr></thead><tbody>
${body}
</tbody></table>
</body></html>
`;
}

export function renderCompare(reports: RunResults[], format: 'markdown' | 'html', opts: RenderOptions = {}): string {
  const m = compareMatrix(reports, opts);
  return format === 'html' ? html(m) : markdown(m);
}
