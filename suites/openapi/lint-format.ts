// Formats lint findings for a terminal: grouped by rule, one line per finding, then a count line.
import type { LintFinding } from './lint.js';

export function formatLintFindings(findings: readonly LintFinding[]): string {
  const groups = new Map<string, LintFinding[]>();
  for (const f of findings) groups.set(f.rule, [...(groups.get(f.rule) ?? []), f]);
  const lines: string[] = [];
  for (const [rule, list] of groups) {
    lines.push(`${rule} (${list.length})`);
    for (const f of [...list].sort((a, b) => a.pointer.localeCompare(b.pointer))) {
      const fixed = f.fixedByErratum ? ` [fixed by erratum ${f.fixedByErratum}]` : '';
      lines.push(`  ${f.severity.padEnd(7)} #${f.pointer}  ${f.message.replace(/\s*\n\s*/g, ' ')}${fixed}`);
    }
  }
  const errors = findings.filter((f) => f.severity === 'error');
  const fixed = errors.filter((f) => f.fixedByErratum).length;
  const warnings = findings.length - errors.length;
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  lines.push(
    `${plural(findings.length, 'finding')}: ${plural(errors.length, 'error')} (${fixed} fixed by errata, ${errors.length - fixed} open), ${plural(warnings, 'warning')}`,
  );
  return lines.join('\n');
}
