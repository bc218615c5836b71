// Markdown for a pull-request comment or $GITHUB_STEP_SUMMARY: verdict, counts, failing checks with
// their reproduction folded away, and spec findings kept apart from server failures. Untrusted text
// is escaped (a response body must not inject HTML or markup into the comment) and the whole stays
// under GitHub's comment limit.
import { clip, moreChars } from '../suites/engine/clip.js';
import type { FailureRecord, RunResults } from '../suites/engine/results.js';
import type { RenderOptions } from './render-options.js';
import { sanitizeResults } from './sanitize.js';
import { checkTitle, failingChecks, inconclusiveOperations, verdictLine } from './summarize.js';
import { escapeControls } from './control-chars.js';
import { escapeHtml } from './html-escape.js';
import { causeLine, causesNote, exchangeText, firstLine, reproductionLines } from './text-format.js';
import { failuresByConstraint } from './by-constraint.js';

/** GitHub rejects comments longer than this. */
export const GITHUB_COMMENT_LIMIT = 65_536;
/** Room kept for the sections after the failures and the truncation note. */
const FAILURES_BUDGET = 52_000;

/** Inline text: HTML and Markdown metacharacters neutralised, one line. */
export function mdText(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|~])/g, '\\$1');
}

/** A fenced code block whose fence is longer than any backtick run inside it. */
export function codeBlock(text: string, lang = ''): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((m) => m.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${lang}\n${text.replace(/\u0000/g, '')}\n${fence}`;
}

function failureDetails(f: FailureRecord): string {
  const body: string[] = [f.message];
  const cause = causeLine(f);
  if (cause) body.push(cause);
  if (f.violation) body.push(`Violation: ${f.violation.detail} (${f.violation.constraint} at ${f.violation.location})`);
  for (const ex of f.exchanges) body.push('', exchangeText(ex, 1500));
  const repro = reproductionLines(f);
  const parts = [
    `<details><summary>Case <code>${escapeHtml(f.caseId)}</code>${f.cause && f.cause.count > 1 ? ` (and ${f.cause.count - 1} more of this cause)` : ''}: request, response, reproduction</summary>`,
    '',
    codeBlock(clip(body.join('\n'), 6000, moreChars)),
  ];
  if (repro.length) parts.push('', codeBlock(repro.join('\n'), 'sh'));
  parts.push('', '</details>');
  return parts.join('\n');
}

/** Rows shown per constraint and constraints shown: the section is an overview, details follow. */
const CASES_PER_CONSTRAINT = 5;
const MAX_CONSTRAINTS = 30;

function constraintSection(r: RunResults): string[] {
  const groups = failuresByConstraint(r);
  if (!groups.length) return [];
  const out = ['### Failing negative cases by broken constraint', '', '| constraint | failing cases | where | operations |', '|---|---:|---|---|'];
  for (const g of groups.slice(0, MAX_CONSTRAINTS))
    out.push(`| \`${g.constraint.replace(/`/g, '')}\` | ${g.failingCases} | ${g.locations.map(mdText).join(', ')} | ${g.operations.map(mdText).join(', ')} |`);
  out.push('');
  for (const g of groups.slice(0, MAX_CONSTRAINTS)) {
    for (const c of g.cases.slice(0, CASES_PER_CONSTRAINT)) {
      const got = c.status !== undefined ? `, got ${c.status}` : '';
      out.push(
        `- \`${g.constraint.replace(/`/g, '')}\` · ${mdText(c.caseId)}: ${mdText(clip(c.detail, 200, moreChars))}${got} (${c.checks.map(mdText).join(', ')})`,
      );
    }
    const shown = Math.min(g.cases.length, CASES_PER_CONSTRAINT);
    if (g.failingCases > shown) out.push(`- \`${g.constraint.replace(/`/g, '')}\` · … ${g.failingCases - shown} more failing cases`);
  }
  if (groups.length > MAX_CONSTRAINTS) out.push(`- … ${groups.length - MAX_CONSTRAINTS} more constraints`);
  out.push('');
  return out;
}

function countsTable(r: RunResults): string {
  const c = r.summary.checks;
  const cols: Array<[string, number]> = [
    ['operations', r.summary.operations - r.summary.operationsSkipped],
    ['cases', r.summary.cases],
    ['passed', c.passed],
    ['failed', c.failed],
    ['warnings', c.warnings],
    ['errored', c.errored],
    ['skipped', c.skipped],
  ];
  if (c.accepted) cols.push(['accepted (baseline)', c.accepted]);
  return `| ${cols.map(([h]) => h).join(' | ')} |\n|${cols.map(() => '---:').join('|')}|\n| ${cols.map(([, n]) => n).join(' | ')} |`;
}

function specFindings(r: RunResults): string[] {
  const out = ['### Spec findings (defects of the document, not of the server)', ''];
  const e = r.spec.errata;
  out.push(r.spec.errataApplied ? `${e.length} errata applied:` : `Errata not applied (literal spec); ${e.length} known.`, '');
  if (e.length) {
    out.push('| erratum | what | places corrected |', '|---|---|---:|');
    for (const x of e) out.push(`| \`${x.id.replace(/`/g, '')}\` | ${mdText(x.description)} | ${x.matched} |`);
    out.push('');
  }
  if (r.spec.lint.length) {
    // Folded: a pull-request comment should lead with the server's verdict, not the document's lint.
    const fixed = r.spec.lint.filter((l) => l.fixedByErratum).length;
    out.push(`<details><summary>${r.spec.lint.length} lint findings on the spec (${fixed} fixed by errata)</summary>`, '');
    out.push('| lint rule | where | finding | fixed by erratum |', '|---|---|---|---|');
    for (const l of r.spec.lint)
      out.push(`| ${mdText(l.rule)} | ${mdText(l.pointer)} | ${mdText(l.message)} | ${l.fixedByErratum ? mdText(l.fixedByErratum) : ''} |`);
    out.push('', '</details>', '');
  }
  const specFailures = r.operations.flatMap((o) =>
    o.checks.flatMap((c) =>
      c.failures
        .filter((f) => f.kind === 'spec')
        .map((f) => `- ${mdText(o.operationId)} › ${mdText(c.checkId)}: ${mdText(clip(firstLine(f.message), 200, moreChars))}`),
    ),
  );
  if (specFailures.length) out.push('Checks that blame the spec:', '', ...specFailures, '');
  return out;
}

function header(r: RunResults): string[] {
  const pass = r.summary.verdict === 'pass';
  const target = r.targetName ? `${mdText(r.targetName)} (${mdText(r.target)})` : mdText(r.target);
  const out: string[] = [
    `## ${pass ? '✅' : '❌'} ${mdText(verdictLine(r))}`,
    '',
    `${mdText(r.tool.name)} ${mdText(r.tool.version)} against ${target} · seed \`${r.seed}\` · ${r.spec.contract ? `contract \`${mdText(r.spec.contract)}\` (${mdText(r.spec.title)} ${mdText(r.spec.version)})` : `spec ${mdText(r.spec.title)} ${mdText(r.spec.version)}`}${r.spec.sha256 ? ` (sha256 \`${r.spec.sha256.slice(0, 12)}\`)` : ''}${r.timings.durationMs !== undefined ? ` · ${(r.timings.durationMs / 1000).toFixed(1)} s` : ''} · ${r.summary.requests} requests`,
    '',
    countsTable(r),
    '',
  ];
  if (!r.summary.complete)
    out.push(
      `> **Run incomplete**${r.summary.stoppedBy ? `: ${mdText(r.summary.stoppedBy)}` : ''}${r.summary.notRun ? ` (${r.summary.notRun} cases not run)` : ''}`,
      '',
    );
  return out;
}

/** Failing checks by operation, each with its details while the budget lasts (`used`: characters before). */
function failingSection(r: RunResults, used: number): string[] {
  const failing = failingChecks(r);
  if (!failing.length) return [];
  const out = ['### Failing checks', ''];
  used += out.join('\n').length + 1;
  let shown = 0;
  let lastOp = '';
  for (const { operation, check } of failing) {
    const lines: string[] = [];
    if (operation.operationId !== lastOp)
      lines.push(`#### \`${operation.operationId.replace(/`/g, '')}\` ${mdText(operation.method)} ${mdText(operation.path)}`, '');
    const note = causesNote(check);
    const counts = `${check.failed} failed, ${check.errored} errored of ${check.passed + check.failed + check.warnings + check.errored}${note ? `; ${note}` : ''}`;
    lines.push(
      `- **${mdText(check.checkId)}** (${mdText(checkTitle(r, check.checkId))}, ${counts}): ${mdText(clip(firstLine(check.failures[0]?.message ?? ''), 300, moreChars))}`,
      '',
    );
    // Details too large for the room left: the summary line alone still names the failing check.
    let block = [...lines, ...check.failures.flatMap((f) => [failureDetails(f), ''])].join('\n');
    if (used + block.length > FAILURES_BUDGET) block = lines.join('\n');
    if (used + block.length > FAILURES_BUDGET) break;
    out.push(block);
    used += block.length + 1;
    shown++;
    lastOp = operation.operationId;
  }
  if (shown < failing.length)
    out.push(
      `> ${failing.length - shown} more failing checks not shown: this summary is kept under GitHub's ${GITHUB_COMMENT_LIMIT} character limit. See report.html or report.json.`,
      '',
    );
  return out;
}

/** Warnings, failures the baseline accepts, and skipped operations: a line each, bounded. */
function otherOutcomes(r: RunResults): string[] {
  const out: string[] = [];
  const warnings = r.operations.flatMap((o) =>
    o.checks
      .filter((c) => c.outcome === 'warning')
      .map(
        (c) =>
          `- ${mdText(o.operationId)} › **${mdText(c.checkId)}** (${c.warnings}): ${mdText(clip(firstLine(c.failures[0]?.message ?? ''), 200, moreChars))}`,
      ),
  );
  if (warnings.length)
    out.push('### Warnings (do not fail the run)', '', ...warnings.slice(0, 50), ...(warnings.length > 50 ? [`- … ${warnings.length - 50} more`] : []), '');
  const accepted = r.operations.flatMap((o) =>
    o.checks
      .filter((c) => c.outcome === 'accepted')
      .map((c) => `- ${mdText(o.operationId)} › **${mdText(c.checkId)}**${c.acceptedReason ? `: ${mdText(c.acceptedReason)}` : ''}`),
  );
  if (accepted.length) out.push('### Known failures accepted by the baseline', '', ...accepted.slice(0, 50), '');
  const inconclusive = inconclusiveOperations(r);
  if (inconclusive.length)
    out.push(
      '### Inconclusive cases (neither passed nor failed)',
      '',
      'Cases that change a base request the target never accepted: their answer would not say what it was about.',
      '',
      ...inconclusive.flatMap((i) => [
        `- ${mdText(i.operationId)}: ${i.cases} cases`,
        ...i.reasons.map((reason) => `  - ${mdText(clip(reason, 300, moreChars))}`),
      ]),
      '',
    );
  const skipped = r.operations.filter((o) => o.skipped);
  if (skipped.length) out.push('### Skipped operations', '', ...skipped.map((o) => `- ${mdText(o.operationId)}: ${mdText(o.skipped ?? '')}`), '');
  return out;
}

/** Cut at a line boundary under GitHub's limit (a half-written fence or tag is less likely), closing an open <details>. */
function fitToCommentLimit(text: string): string {
  if (text.length <= GITHUB_COMMENT_LIMIT) return text;
  const note = `\n\n> Truncated to fit GitHub's ${GITHUB_COMMENT_LIMIT} character limit. See report.html or report.json.\n`;
  const cut = text.slice(0, GITHUB_COMMENT_LIMIT - note.length - 200);
  return `${cut.slice(0, cut.lastIndexOf('\n'))}\n\n</details>${note}`;
}

export function renderMarkdown(results: RunResults, opts: RenderOptions = {}): string {
  const r = sanitizeResults(results, opts);
  const out = [...header(r), ...constraintSection(r)];
  out.push(...failingSection(r, out.join('\n').length), ...otherOutcomes(r), ...specFindings(r));
  const text = fitToCommentLimit(out.join('\n'));
  // Controls escaped last, over everything: a body, a message or an id from the spec alike.
  return escapeControls(text.endsWith('\n') ? text : `${text}\n`);
}
