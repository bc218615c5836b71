// The report page's stylesheet, inlined.
export const STYLE = `
:root { --pass:#1a7f37; --fail:#cf222e; --warn:#9a6700; --err:#8250df; --skip:#6e7781; --acc:#0969da; --bg:#fff; --fg:#1f2328; --line:#d0d7de; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg); margin: 0; padding: 16px 24px; }
h1 { font-size: 20px; margin: 0 0 4px; } h2 { font-size: 16px; margin: 24px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h4 { margin: 8px 0 2px; font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: #57606a; display: flex; gap: 8px; align-items: center; }
.verdict { font-weight: 600; padding: 6px 10px; border-radius: 6px; display: inline-block; color: #fff; }
.verdict.pass { background: var(--pass); } .verdict.fail { background: var(--fail); }
.muted { color: #57606a; font-size: 12px; margin: 2px 0; }
.cards { display: flex; flex-wrap: wrap; gap: 8px; margin: 12px 0; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: 6px 12px; min-width: 90px; }
.card b { display: block; font-size: 18px; }
.charts { display: flex; flex-wrap: wrap; gap: 24px; }
figure.chart { margin: 0; } figcaption { font-weight: 600; margin-bottom: 4px; }
svg text { font-size: 11px; dominant-baseline: middle; fill: var(--fg); }
svg .bar-pass { fill: var(--pass); } svg .bar-median { fill: #54aeff; } svg .bar-p95 { fill: #0550ae; } svg .bar-first { fill: #bf8700; }
.filters { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin: 8px 0; position: sticky; top: 0; background: var(--bg); padding: 6px 0; z-index: 1; }
select, input[type=search], button { font: inherit; padding: 3px 6px; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; border-bottom: 1px solid var(--line); padding: 4px 6px; }
th { background: #f6f8fa; }
td.num { white-space: nowrap; font-variant-numeric: tabular-nums; }
td.msg { max-width: 60vw; overflow-wrap: anywhere; }
.method { font-weight: 600; font-size: 12px; }
td.outcome { font-weight: 600; }
tr.o-passed td.outcome { color: var(--pass); } tr.o-failed td.outcome { color: var(--fail); } tr.o-warning td.outcome { color: var(--warn); }
tr.o-errored td.outcome { color: var(--err); } tr.o-skipped td.outcome { color: var(--skip); } tr.o-accepted td.outcome { color: var(--acc); }
tr.o-inconclusive td.outcome { color: var(--warn); }
pre { background: #f6f8fa; border: 1px solid var(--line); border-radius: 4px; padding: 6px 8px; white-space: pre-wrap; overflow-wrap: anywhere; max-height: 24em; overflow: auto; margin: 0; font-size: 12px; }
.failure { border-left: 3px solid var(--fail); padding: 4px 0 8px 10px; margin: 8px 0; }
.failure.warning { border-color: var(--warn); } .failure.errored { border-color: var(--err); }
summary { cursor: pointer; color: #0969da; }
button.copy { text-transform: none; letter-spacing: 0; font-size: 12px; }
table.findings td, table.findings th { font-size: 13px; }
`;
