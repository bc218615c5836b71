// Plain-text renderings of a failure shared by JUnit, console, Markdown and diff: the message, what
// was sent, and how to reproduce it.
import { clip, moreChars } from '../suites/engine/clip.js';
import type { FailureRecord } from '../suites/engine/results.js';
import type { Exchange } from '../suites/engine/types.js';

export function reproductionLines(f: FailureRecord): string[] {
  const r = f.reproduction;
  if (!r) return [];
  const lines = [...r.curl];
  const replay: string[] = [];
  if (r.seed !== undefined) replay.push(`seed ${r.seed}`);
  if (r.path !== undefined) replay.push(`path ${r.path}`);
  if (replay.length) lines.push(`# fast-check ${replay.join(', ')}`);
  if (r.command) lines.push(r.command);
  return lines;
}

export function exchangeText(ex: Exchange, maxBody = 2000): string {
  const lines = [`${ex.request.method} ${ex.request.url}`];
  if (ex.request.bodyText) lines.push(clip(ex.request.bodyText, maxBody, moreChars));
  if (ex.response) {
    lines.push(`→ ${ex.response.status} ${ex.response.contentType}`);
    if (ex.response.bodyText) lines.push(clip(ex.response.bodyText, maxBody, moreChars));
  }
  if (ex.error) lines.push(`→ ${ex.error.kind}: ${ex.error.message}`);
  return lines.join('\n');
}

/** `Cause: 500 · maximum at body.temperature · "Invalid tool_choice: any" · 12 cases`, when the failure is a cause's sample. */
export function causeLine(f: FailureRecord): string | undefined {
  const c = f.cause;
  if (!c) return undefined;
  const parts: string[] = [];
  if (c.status !== undefined) parts.push(String(c.status));
  if (c.constraint) parts.push(`${c.constraint} at ${c.location ?? '?'}`);
  if (c.signature) parts.push(JSON.stringify(c.signature));
  parts.push(`${c.count} ${c.count === 1 ? 'case' : 'cases'}`);
  return `Cause: ${parts.join(' · ')}`;
}

/** `3 distinct causes` (and the outcomes of causes not kept), for a check's headline. */
export function causesNote(c: { failures: FailureRecord[]; otherCauses?: number }): string {
  const n = c.failures.filter((f) => f.status !== 'warning').length;
  const other = c.otherCauses ? `, ${c.otherCauses} more outcomes of other causes not kept` : '';
  return n > 1 || other ? `${n} distinct causes${other}` : '';
}

export function failureText(f: FailureRecord, withExchanges = true): string {
  const parts = [`[${f.caseId}] ${f.message}`];
  const cause = causeLine(f);
  if (cause) parts.push(cause);
  if (f.violation) parts.push(`Violation: ${f.violation.detail} (${f.violation.constraint} at ${f.violation.location})`);
  if (withExchanges) for (const ex of f.exchanges) parts.push(exchangeText(ex));
  const repro = reproductionLines(f);
  if (repro.length) parts.push(`Reproduce:\n${repro.join('\n')}`);
  return parts.join('\n');
}

export function firstLine(text: string): string {
  return text.split('\n', 1)[0] ?? '';
}
