// JUnit XML: one <testsuite> per operation, one <testcase> per (operation, check), for CI systems
// that show test results. Failures carry every kept message and the curl reproduction.
import type { CheckResult, OperationResult, RunResults } from '../suites/engine/results.js';
import type { RenderOptions } from './render-options.js';
import { escapeControls } from './control-chars.js';
import { sanitizeResults } from './sanitize.js';
import { failureText } from './text-format.js';
import { checkTitle } from './summarize.js';

/** Characters XML 1.0 forbids (controls, lone surrogates, U+FFFE/FFFF): removed, as no escape exists. */
const FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text content: only `&`, `<` and `>` need escaping (`>` for `]]>`); quotes stay readable. */
export function xmlEscape(text: string): string {
  // Controls shown as escapes first (ESC would otherwise just vanish with the forbidden characters).
  return escapeControls(text).replace(FORBIDDEN, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Attribute values keep line breaks only as character references (parsers normalise raw ones away). */
function attr(text: string): string {
  return xmlEscape(text).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

function seconds(ms: number | undefined): string {
  return ((ms ?? 0) / 1000).toFixed(3);
}

function testcase(op: OperationResult, c: CheckResult, title: string): string {
  const head = `    <testcase name="${attr(c.checkId)}" classname="${attr(`${op.area}.${op.operationId}`)}" time="0.000"`;
  const first = c.failures[0]?.message ?? '';
  const body = c.failures.map((f) => failureText(f)).join('\n\n');
  const counts = `${c.passed} passed, ${c.failed} failed, ${c.warnings} warnings, ${c.errored} errored, ${c.skipped} skipped`;
  switch (c.outcome) {
    case 'failed':
      return `${head}>\n      <failure message="${attr(`${title}: ${first}`)}" type="${attr(c.checkId)}">${xmlEscape(`${counts}\n\n${body}`)}</failure>\n    </testcase>`;
    case 'errored':
      return `${head}>\n      <error message="${attr(`${title}: ${first}`)}" type="${attr(c.checkId)}">${xmlEscape(`${counts}\n\n${body}`)}</error>\n    </testcase>`;
    case 'skipped':
      return `${head}>\n      <skipped message="${attr(c.skipReasons.join('; ') || 'not applicable')}"/>\n    </testcase>`;
    case 'accepted':
      return `${head}>\n      <skipped message="${attr(`known failure accepted by baseline${c.acceptedReason ? `: ${c.acceptedReason}` : ''}`)}"/>\n      <system-out>${xmlEscape(body)}</system-out>\n    </testcase>`;
    case 'warning':
      return `${head}>\n      <system-out>${xmlEscape(`WARNING ${counts}\n\n${body}`)}</system-out>\n    </testcase>`;
    default:
      return `${head}/>`;
  }
}

// Suite time is an estimate (median latency × cases): cases ran concurrently and per-check time is not measured.
function suite(op: OperationResult, results: RunResults): string {
  const cases = op.checks.map((c) => testcase(op, c, checkTitle(results, c.checkId)));
  if (op.skipped)
    cases.push(
      `    <testcase name="(operation)" classname="${attr(`${op.area}.${op.operationId}`)}" time="0.000">\n      <skipped message="${attr(op.skipped)}"/>\n    </testcase>`,
    );
  // Cases not judged: neither a pass nor a failure, so a skipped testcase that says why.
  if (op.inconclusive)
    cases.push(
      `    <testcase name="(inconclusive)" classname="${attr(`${op.area}.${op.operationId}`)}" time="0.000">\n      <skipped message="${attr(`${op.inconclusive.cases} cases inconclusive: ${op.inconclusive.reasons[0] ?? ''}`)}"/>\n      <system-out>${xmlEscape(op.inconclusive.reasons.join('\n'))}</system-out>\n    </testcase>`,
    );
  const count = (o: CheckResult['outcome']): number => op.checks.filter((c) => c.outcome === o).length;
  const skipped = count('skipped') + count('accepted') + (op.skipped ? 1 : 0) + (op.inconclusive ? 1 : 0);
  const name = `${op.method} ${op.path} (${op.operationId})`;
  return `  <testsuite name="${attr(name)}" tests="${cases.length}" failures="${count('failed')}" errors="${count('errored')}" skipped="${skipped}" time="${seconds(op.latency.median * op.cases)}">\n${cases.join('\n')}\n  </testsuite>`;
}

export function renderJunit(results: RunResults, opts: RenderOptions = {}): string {
  const r = sanitizeResults(results, opts);
  const suites = r.operations.map((op) => suite(op, r));
  const all = r.operations.flatMap((op) => op.checks);
  const extra = r.operations.filter((o) => o.skipped).length + r.operations.filter((o) => o.inconclusive).length;
  const tests = all.length + extra;
  const failures = all.filter((c) => c.outcome === 'failed').length;
  const errors = all.filter((c) => c.outcome === 'errored').length;
  const skipped = all.filter((c) => c.outcome === 'skipped' || c.outcome === 'accepted').length + extra;
  const name = `${r.tool.name} ${r.targetName ?? r.target}`;
  return escapeControls(
    `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="${attr(name)}" tests="${tests}" failures="${failures}" errors="${errors}" skipped="${skipped}" time="${seconds(r.timings.durationMs)}">\n${suites.join('\n')}\n</testsuites>\n`,
  );
}
