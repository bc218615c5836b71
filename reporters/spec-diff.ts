// Markdown for `spec-diff OLD NEW`: the counts first, then what breaks whom per kept operation, then
// the operations removed, renamed and added. Every string from the documents is escaped: a document
// is as untrusted as a server's answer (enum values and paths land in table cells).
import type { OperationChange } from '../suites/openapi/spec-diff/operation-diff.js';
import type { ChangedOperation, OperationRef, SpecDiff } from '../suites/openapi/spec-diff/spec-diff.js';
import { mdText } from './markdown.js';

const code = (text: string): string => `\`${text.replace(/`/g, "'").replace(/[\r\n]+/g, ' ')}\``;
/** A code span inside a table cell: GitHub splits cells at a `|` even inside code, unless escaped. */
const cellCode = (text: string): string => code(text).replace(/\|/g, '\\|');
const opText = (o: { method: string; path: string }): string => `${o.method.toUpperCase()} ${o.path}`;
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

function breaking(c: ChangedOperation): OperationChange[] {
  return c.changes.filter((x) => x.breaks.length);
}

/** The headline numbers, also used for the README summary. */
export function specDiffSummaryLines(d: SpecDiff): string[] {
  const changes = (party: 'client' | 'server'): number => d.summary.breaking[party];
  return [
    `- Operations: ${d.old.operations} → ${d.new.operations}: ${d.summary.kept} kept (${plural(d.renamed.length, 'operationId')} renamed), ${d.added.length} added, ${d.removed.length} removed.`,
    `- Kept operations with a breaking change: ${d.summary.breakingOperations} of ${d.summary.kept}; ${plural(changes('client'), 'change')} break a client built on the old contract, ${plural(changes('server'), 'change')} break a server built on it.`,
    `- Kept operations without any change: ${d.unchanged}.`,
  ];
}

function changeRows(changes: OperationChange[]): string[] {
  return changes.map((x) => `| ${x.breaks.join(', ')} | ${mdText(x.location)} | ${x.at ? cellCode(x.at) : ''} | ${mdText(x.detail)} |`);
}

function byTag(ops: OperationRef[]): string[] {
  const groups = new Map<string, OperationRef[]>();
  for (const o of ops) {
    const tag = o.tags[0] ?? '(untagged)';
    groups.set(tag, [...(groups.get(tag) ?? []), o]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([tag, list]) => `| ${mdText(tag)} | ${list.length} | ${list.map((o) => cellCode(opText(o))).join(', ')} |`);
}

export function renderSpecDiffMarkdown(d: SpecDiff): string {
  const out: string[] = [
    `# Spec diff: ${mdText(d.old.title)} ${mdText(d.old.version)} → ${mdText(d.new.title)} ${mdText(d.new.version)}`,
    '',
    ...specDiffSummaryLines(d),
    '',
    'A change *breaks a client* when a client written for the old document can be refused or surprised by a server that',
    'follows the new one (a required field added to a request, an enum value or property removed, a response that may now',
    'hold new values); it *breaks a server* when a server written for the old document fails the new one (a request field',
    'it does not know, a response member now required, a status no longer documented).',
  ];
  const withBreaks = d.changed.filter((c) => breaking(c).length);
  out.push('', `## Breaking changes in kept operations (${withBreaks.length})`);
  for (const c of withBreaks) {
    const renamed = c.oldOperationId ? ` (operationId ${code(c.oldOperationId)} → ${code(c.operationId)})` : ` (${code(c.operationId)})`;
    const deprecated = c.changes.some((x) => x.kind === 'deprecated' && x.detail === 'now deprecated') ? ', deprecated in the new document' : '';
    out.push('', `### ${code(opText(c))}${renamed}${deprecated}`, '', '| breaks | where | at | change |', '|---|---|---|---|', ...changeRows(breaking(c)));
    const other = c.changes.length - breaking(c).length;
    if (other) out.push('', `${plural(other, 'compatible change')} (members added to answers, documentation) not listed.`);
  }
  const quiet = d.changed.filter((c) => !breaking(c).length);
  if (quiet.length) out.push('', `Kept operations with compatible changes only: ${quiet.map((o) => code(opText(o))).join(', ')}.`);
  out.push('', `## Removed operations (${d.removed.length})`);
  out.push(
    ...(d.removed.length
      ? ['', '| operation | operationId |', '|---|---|', ...d.removed.map((o) => `| ${cellCode(opText(o))} | ${cellCode(o.operationId)} |`)]
      : ['', 'None.']),
  );
  out.push('', `## Renamed operationIds (${d.renamed.length})`);
  out.push(
    ...(d.renamed.length
      ? ['', '| operation | old | new |', '|---|---|---|', ...d.renamed.map((r) => `| ${cellCode(opText(r))} | ${cellCode(r.from)} | ${cellCode(r.to)} |`)]
      : ['', 'None.']),
  );
  out.push('', `## Added operations (${d.added.length})`);
  if (d.added.length) out.push('', '| tag | count | operations |', '|---|---|---|', ...byTag(d.added));
  else out.push('', 'None.');
  return `${out.join('\n')}\n`;
}
