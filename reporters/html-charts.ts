// Inline SVG charts drawn here (no chart library, no network): horizontal bars, one row per label.
import { clip } from '../suites/engine/clip.js';
import { escapeHtml } from './html-escape.js';

export interface BarSeries {
  name: string;
  /** CSS class giving the colour (defined in the page's style). */
  className: string;
}

export interface BarRow {
  label: string;
  /** One value per series; undefined draws no bar. */
  values: Array<number | undefined>;
  /** Text after the bars (e.g. `82.5%` or `120 / 340 ms`). */
  note: string;
}

export interface BarChartOptions {
  title: string;
  series: BarSeries[];
  rows: BarRow[];
  /** Value of a full-width bar; defaults to the largest value. */
  max?: number;
  /** Accessible description. */
  description: string;
}

const LABEL_W = 260;
const BAR_W = 360;
const NOTE_W = 150;
const BAR_H = 10;

/** A label of at most `max` characters, the ellipsis included. */
function shorten(label: string, max = 38): string {
  return label.length <= max ? label : clip(label, max - 1);
}

export function barChart(o: BarChartOptions): string {
  if (!o.rows.length) return `<p class="muted">${escapeHtml(o.title)}: no data.</p>`;
  const max = o.max ?? Math.max(1e-9, ...o.rows.flatMap((r) => r.values.filter((v): v is number => v !== undefined)));
  const rowH = o.series.length * (BAR_H + 2) + 8;
  const legendH = o.series.length > 1 ? 18 : 0;
  const height = legendH + o.rows.length * rowH + 4;
  const width = LABEL_W + BAR_W + NOTE_W;
  const parts: string[] = [];
  if (legendH) {
    o.series.forEach((s, i) => {
      const x = LABEL_W + i * 120;
      parts.push(`<rect class="${s.className}" x="${x}" y="3" width="10" height="10"/><text x="${x + 14}" y="12">${escapeHtml(s.name)}</text>`);
    });
  }
  o.rows.forEach((r, i) => {
    const y = legendH + i * rowH + 4;
    parts.push(
      `<text class="label" x="${LABEL_W - 6}" y="${y + rowH / 2}" text-anchor="end"><title>${escapeHtml(r.label)}</title>${escapeHtml(shorten(r.label))}</text>`,
    );
    r.values.forEach((v, j) => {
      if (v === undefined) return;
      const w = Math.max(1, Math.round((Math.min(v, max) / max) * BAR_W));
      parts.push(
        `<rect class="${o.series[j]?.className ?? ''}" x="${LABEL_W}" y="${y + j * (BAR_H + 2)}" width="${w}" height="${BAR_H}"><title>${escapeHtml(`${r.label}: ${o.series[j]?.name ?? ''} ${v}`)}</title></rect>`,
      );
    });
    parts.push(`<text class="note" x="${LABEL_W + BAR_W + 6}" y="${y + rowH / 2}">${escapeHtml(r.note)}</text>`);
  });
  return `<figure class="chart"><figcaption>${escapeHtml(o.title)}</figcaption><svg role="img" aria-label="${escapeHtml(o.description)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">${parts.join('')}</svg></figure>`;
}
