// The bench's results: one row per figure with its floor and verdict, printed as a table and saved as JSON.
import type { Summary } from './stats.js';

export interface Floor {
  /** `max`: the median must stay below `value`; `min`: it must reach `value`. */
  kind: 'max' | 'min';
  value: number;
}

export interface FigureRow extends Summary {
  figure: string;
  unit: string;
  floor?: Floor;
  verdict?: 'PASS' | 'FAIL';
  note?: string;
}

export function judge(summary: Summary, floor: Floor | undefined): 'PASS' | 'FAIL' | undefined {
  if (!floor) return undefined;
  return (floor.kind === 'max' ? summary.median < floor.value : summary.median >= floor.value) ? 'PASS' : 'FAIL';
}

export function row(figure: string, unit: string, summary: Summary, floor?: Floor, note?: string): FigureRow {
  const verdict = judge(summary, floor);
  return { figure, unit, ...summary, ...(floor ? { floor } : {}), ...(verdict ? { verdict } : {}), ...(note ? { note } : {}) };
}

export function formatNumber(n: number): string {
  if (Math.abs(n) >= 100) return Math.round(n).toLocaleString('en-US');
  if (Math.abs(n) >= 10) return n.toFixed(1);
  return n.toFixed(2);
}

export function formatFloor(f: Floor | undefined, unit: string): string {
  if (!f) return '';
  return `${f.kind === 'max' ? '<' : '>='} ${formatNumber(f.value)} ${unit}`.trim();
}

export function formatTable(rows: FigureRow[]): string {
  const head = ['figure', 'median', 'min', 'max', 'unit', 'floor', 'result'];
  const body = rows.map((r) => [
    r.figure,
    formatNumber(r.median),
    formatNumber(r.min),
    formatNumber(r.max),
    r.unit,
    formatFloor(r.floor, r.unit),
    r.verdict ?? '',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const numeric = new Set([1, 2, 3]);
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => (numeric.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}
