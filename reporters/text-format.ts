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

export function failureText(f: FailureRecord, withExchanges = true): string {
  const parts = [`[${f.caseId}] ${f.message}`];
  if (f.violation) parts.push(`Violation: ${f.violation.detail} (${f.violation.constraint} at ${f.violation.location})`);
  if (withExchanges) for (const ex of f.exchanges) parts.push(exchangeText(ex));
  const repro = reproductionLines(f);
  if (repro.length) parts.push(`Reproduce:\n${repro.join('\n')}`);
  return parts.join('\n');
}

export function firstLine(text: string): string {
  return text.split('\n', 1)[0] ?? '';
}
