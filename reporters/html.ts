// report.html: one self-contained page (inline CSS, JS and SVG; no network) with the verdict, charts,
// a filterable table of (operation, check) rows whose failures open to request, response and
// reproduction, and the spec findings in their own section. Data travels as escaped JSON in a
// non-executed <script type="application/json">; a CSP with the script's hash means even an
// escaping bug could not run injected script.
import { createHash } from 'node:crypto';
import type { RunResults } from '../suites/engine/results.js';
import type { RenderOptions } from './render-options.js';
import { sanitizeResults } from './sanitize.js';
import { dropParsedBodies } from './json.js';
import { barChart } from './html-charts.js';
import { failuresByConstraint } from './by-constraint.js';
import { CLIENT_SCRIPT } from './html-client.js';
import { escapeControls } from './control-chars.js';
import { escapeHtml, jsonForScript } from './html-escape.js';
import { STYLE } from './html-style.js';
import { checkTitle, contractLabel, passRate, percent, verdictLine } from './summarize.js';

export interface HtmlRow {
  area: string;
  op: string;
  method: string;
  path: string;
  check: string;
  title: string;
  outcome: string;
  counts: string;
  message: string;
  /** One sample per distinct cause. */
  failures: unknown[];
  /** Failing outcomes of causes not kept (past the cap). */
  otherCauses?: number;
  /** Lower-cased text the search box matches. */
  search: string;
}

export function htmlRows(r: RunResults): HtmlRow[] {
  const rows: HtmlRow[] = [];
  for (const op of r.operations) {
    const base = { area: op.area, op: op.operationId, method: op.method, path: op.path };
    if (op.skipped) {
      rows.push({
        ...base,
        check: '(operation)',
        title: 'Operation skipped',
        outcome: 'skipped',
        counts: '',
        message: op.skipped,
        failures: [],
        search: `${op.operationId} ${op.path} ${op.skipped}`.toLowerCase(),
      });
    }
    if (op.inconclusive) {
      const message = `${op.inconclusive.cases} cases not judged: ${op.inconclusive.reasons.join(' · ')}`;
      rows.push({
        ...base,
        check: '(inconclusive)',
        title: 'Cases not judged: no valid request of theirs was accepted',
        outcome: 'inconclusive',
        counts: `${op.inconclusive.cases} ?`,
        message,
        failures: [],
        search: `${op.operationId} ${op.path} inconclusive ${message}`.toLowerCase(),
      });
    }
    for (const c of op.checks) {
      const counts = [
        `${c.passed} ✓`,
        c.failed ? `${c.failed} ✗` : '',
        c.warnings ? `${c.warnings} warn` : '',
        c.errored ? `${c.errored} err` : '',
        c.skipped ? `${c.skipped} skip` : '',
        c.accepted ? `${c.accepted} accepted` : '',
      ]
        .filter(Boolean)
        .join(' · ');
      const message =
        c.failures[0]?.message.split('\n', 1)[0] ??
        (c.outcome === 'skipped'
          ? c.skipReasons.join('; ')
          : c.outcome === 'accepted'
            ? `accepted by baseline${c.acceptedReason ? `: ${c.acceptedReason}` : ''}`
            : '');
      const title = checkTitle(r, c.checkId);
      rows.push({
        ...base,
        check: c.checkId,
        title,
        outcome: c.outcome,
        counts,
        message,
        failures: c.failures,
        ...(c.otherCauses ? { otherCauses: c.otherCauses } : {}),
        search: `${op.operationId} ${op.path} ${c.checkId} ${title} ${c.failures.map((f) => f.message).join(' ')} ${message}`.toLowerCase(),
      });
    }
  }
  return rows;
}

function charts(r: RunResults): string {
  const areas = new Map<string, { passed: number; failed: number; warnings: number; errored: number; accepted: number }>();
  for (const op of r.operations) {
    const a = areas.get(op.area) ?? { passed: 0, failed: 0, warnings: 0, errored: 0, accepted: 0 };
    for (const c of op.checks) {
      a.passed += c.passed;
      a.failed += c.failed;
      a.warnings += c.warnings;
      a.errored += c.errored;
      a.accepted += c.accepted ?? 0;
    }
    areas.set(op.area, a);
  }
  const passRows = [...areas.entries()]
    .map(([area, a]) => ({ area, rate: passRate(a) }))
    .filter((x) => x.rate !== undefined)
    .sort((x, y) => x.area.localeCompare(y.area))
    .map((x) => ({ label: x.area, values: [x.rate! * 100], note: percent(x.rate) }));
  const ran = r.operations.filter((o) => o.latency.count > 0);
  const latencyRows = ran.map((o) => ({ label: o.operationId, values: [o.latency.median, o.latency.p95], note: `${o.latency.median} / ${o.latency.p95} ms` }));
  const streamRows = ran
    .filter((o) => o.firstEvent)
    .map((o) => ({ label: o.operationId, values: [o.firstEvent!.median, o.firstEvent!.p95], note: `${o.firstEvent!.median} / ${o.firstEvent!.p95} ms` }));
  const latencySeries = [
    { name: 'median', className: 'bar-median' },
    { name: 'p95', className: 'bar-p95' },
  ];
  return [
    barChart({
      title: 'Pass rate by area (check outcomes passed or warned / ran)',
      description: 'Pass rate per area',
      series: [{ name: 'pass rate', className: 'bar-pass' }],
      rows: passRows,
      max: 100,
    }),
    barChart({ title: 'Latency per operation, median / p95 (ms)', description: 'Latency per operation', series: latencySeries, rows: latencyRows }),
    barChart({
      title: 'Streams: time to first event, median / p95 (ms)',
      description: 'Stream time to first event',
      series: latencySeries.map((s, i) => (i === 0 ? { ...s, className: 'bar-first' } : s)),
      rows: streamRows,
    }),
  ].join('\n');
}

function specSection(r: RunResults): string {
  const s = r.spec;
  const errata = s.errata.length
    ? `<table class="findings"><thead><tr><th>Erratum</th><th>What the document gets wrong</th><th>Evidence</th><th>Cases matched</th></tr></thead><tbody>${s.errata
        .map(
          (e) =>
            `<tr><td><code>${escapeHtml(e.id)}</code></td><td>${escapeHtml(e.description)}</td><td>${e.evidence.map((x) => escapeHtml(x)).join('<br>')}</td><td>${e.matched}</td></tr>`,
        )
        .join('')}</tbody></table>`
    : '<p class="muted">No errata.</p>';
  const lint = s.lint.length
    ? `<table class="findings"><thead><tr><th>Lint rule</th><th>Where</th><th>Finding</th><th>Fixed by erratum</th></tr></thead><tbody>${s.lint
        .map(
          (l) =>
            `<tr><td>${escapeHtml(l.rule)}</td><td><code>${escapeHtml(l.pointer)}</code></td><td>${escapeHtml(l.message)}</td><td>${escapeHtml(l.fixedByErratum ?? '')}</td></tr>`,
        )
        .join('')}</tbody></table>`
    : '<p class="muted">No lint findings.</p>';
  return `<section id="spec-findings"><h2>Spec findings (defects of the document, not of the server)</h2><p>${s.errataApplied ? 'Errata applied' : 'Errata not applied: the literal spec was used'}. ${s.contract ? `Contract ${escapeHtml(s.contract)}: ` : ''}${escapeHtml(s.title)} ${escapeHtml(s.version)} (OpenAPI ${escapeHtml(s.openapi)}), sha256 <code>${escapeHtml(s.sha256)}</code>.</p>${errata}<h3>Lint</h3>${lint}</section>`;
}

/** Server-rendered (no script needed): failing negative cases grouped by the constraint they broke. */
function constraintSection(r: RunResults): string {
  const groups = failuresByConstraint(r);
  if (!groups.length) return '';
  const rows = groups
    .map((g) => {
      const cases = g.cases
        .map(
          (c) =>
            `<li><code>${escapeHtml(c.caseId)}</code>: ${escapeHtml(c.detail)}${c.status !== undefined ? ` → got ${c.status}` : ''} <span class="muted">(${escapeHtml(c.checks.join(', '))})</span></li>`,
        )
        .join('');
      return `<tr><td><code>${escapeHtml(g.constraint)}</code></td><td class="num">${g.failingCases}</td><td>${g.locations.map((l) => `<code>${escapeHtml(l)}</code>`).join('<br>')}</td><td>${g.operations.map((o) => escapeHtml(o)).join('<br>')}</td><td><ul>${cases}</ul></td></tr>`;
    })
    .join('');
  return `<section id="by-constraint"><h2>Failing negative cases by broken constraint</h2><p class="muted">Invalid requests the server did not reject as it should, grouped by the constraint each one broke: every failing case is counted, one sample is listed per cause (the rows below hold its request and response).</p><table class="findings"><thead><tr><th>Constraint</th><th>Failing cases</th><th>Where</th><th>Operations</th><th>Cases: what was sent, what came back</th></tr></thead><tbody>${rows}</tbody></table></section>
`;
}

function cards(r: RunResults): string {
  const c = r.summary.checks;
  const items: Array<[string, string | number]> = [
    ['operations', r.summary.operations - r.summary.operationsSkipped],
    ['skipped ops', r.summary.operationsSkipped],
    ...(r.summary.inconclusive ? ([['inconclusive', r.summary.inconclusive]] as Array<[string, number]>) : []),
    ['cases', r.summary.cases],
    ['requests', r.summary.requests],
    ['passed', c.passed],
    ['failed', c.failed],
    ['warnings', c.warnings],
    ['errored', c.errored],
    ['skipped', c.skipped],
  ];
  if (c.accepted) items.push(['accepted', c.accepted]);
  if (r.timings.durationMs !== undefined) items.push(['duration', `${(r.timings.durationMs / 1000).toFixed(1)} s`]);
  return `<div class="cards">${items.map(([k, v]) => `<div class="card"><b>${escapeHtml(String(v))}</b>${escapeHtml(k)}</div>`).join('')}</div>`;
}

export function renderHtml(results: RunResults, opts: RenderOptions = {}): string {
  // The page shows bodies as text only; the parsed copies would double the embedded data.
  const r = dropParsedBodies(sanitizeResults(results, opts));
  const rows = htmlRows(r);
  const scriptHash = createHash('sha256').update(CLIENT_SCRIPT).digest('base64');
  const csp = `default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-${scriptHash}'`;
  const target = r.targetName ? `${r.targetName} (${r.target})` : r.target;
  const verdict = verdictLine(r);
  const incomplete = r.summary.complete
    ? ''
    : `<p><b>Run incomplete</b>${r.summary.stoppedBy ? `: ${escapeHtml(r.summary.stoppedBy)}` : ''}${r.summary.notRun ? ` (${r.summary.notRun} cases not run)` : ''}</p>`;
  const outcomes = ['failed', 'errored', 'warning', 'inconclusive', 'accepted', 'passed', 'skipped'];
  // Controls escaped over the whole page: no raw ESC or bidi override reaches the file.
  return escapeControls(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${escapeHtml(`${r.summary.verdict.toUpperCase()} · ${r.tool.name} · ${target}`)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${escapeHtml(r.tool.name)} ${escapeHtml(r.tool.version)} · ${escapeHtml(target)}</h1>
<p><span class="verdict ${r.summary.verdict}" id="verdict">${escapeHtml(verdict)}</span></p>
<p class="muted">Run ${escapeHtml(r.runId)} · ${escapeHtml(contractLabel(r.spec))} · seed ${r.seed} · started ${escapeHtml(r.timings.startedAt)}${r.shard ? ` · shard ${r.shard.index + 1}/${r.shard.total}` : ''}</p>
${incomplete}${cards(r)}
</header>
<section id="charts"><h2>Charts</h2><div class="charts">${charts(r)}</div></section>
${constraintSection(r)}<section id="results"><h2>Results by operation and check</h2>
<div class="filters">
<label>Area <select id="f-area"><option value="">all</option></select></label>
<label>Operation <select id="f-op"><option value="">all</option></select></label>
<label>Check <select id="f-check"><option value="">all</option></select></label>
<label>Outcome <select id="f-outcome"><option value="">all</option>${outcomes.map((o) => `<option value="${o}">${o}</option>`).join('')}</select></label>
<input type="search" id="f-text" placeholder="Search messages, ids, paths" aria-label="Search">
<button type="button" id="f-reset">Reset</button>
<span class="muted" id="shown"></span>
</div>
<table><thead><tr><th>Area</th><th>Operation</th><th>Check</th><th>Outcome</th><th>Counts</th><th>First message</th></tr></thead><tbody id="rows"></tbody></table>
<noscript><p>Enable JavaScript to see the rows; report.json holds the same data.</p></noscript>
</section>
${specSection(r)}
<script type="application/json" id="report-data">${jsonForScript({ rows })}</script>
<script>${CLIENT_SCRIPT}</script>
</body>
</html>
`);
}
