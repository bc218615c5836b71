// list-consistency: a listing's `total` agrees with the items of each page, page sizes are honoured,
// pages of one snapshot neither repeat nor lose items, and the filters sent (purpose, search, status,
// model, suffix, created_after) hold for every item returned.
import type { Exchange } from '../../../engine/types.js';
import { listOf, queryOf, type Json, type ListPage } from '../exchange-data.js';
import { nothingToJudge, statefulCheck, type Finding } from './stateful-check.js';

/** The spec's defaults for page and page_size. */
const DEFAULT_PAGE = 0;
const DEFAULT_PAGE_SIZE = 100;

function intParam(q: URLSearchParams, name: string): number | undefined {
  const v = q.get(name);
  return v !== null && /^\d+$/.test(v) ? Number(v) : undefined;
}

type FilterTest = (item: Json, value: string) => boolean;

// Each filter as the documentation describes it; an item lacking the field is not judged.
const FILTERS: Record<string, FilterTest> = {
  purpose: (item, v) => item.purpose === undefined || item.purpose === v,
  search: (item, v) => typeof item.filename !== 'string' || item.filename.toLowerCase().includes(v.toLowerCase()),
  status: (item, v) => item.status === undefined || item.status === v,
  model: (item, v) => item.model === undefined || item.model === v,
  suffix: (item, v) => item.suffix === undefined || item.suffix === v,
  created_after: (item, v) => {
    const t = Date.parse(v);
    return typeof item.created_at !== 'number' || Number.isNaN(t) || item.created_at >= Math.floor(t / 1000);
  },
};

function pageFindings(index: number, exchange: Exchange, list: ListPage): Finding[] {
  const findings: Finding[] = [];
  const q = queryOf(exchange);
  const page = intParam(q, 'page') ?? DEFAULT_PAGE;
  const size = intParam(q, 'page_size') ?? DEFAULT_PAGE_SIZE;
  const n = list.items.length;
  if (size > 0 && n > size) findings.push({ step: index, message: `page_size=${size} returned ${n} items` });
  if (list.total !== undefined && size > 0) {
    const expected = Math.max(0, Math.min(size, list.total - page * size));
    if (n !== expected)
      findings.push({
        step: index,
        message: `total says ${list.total}, so page ${page} of size ${size} should hold ${expected} items\nReceived: ${n} items\nExpected: ${expected}`,
      });
  }
  const ids = list.items.map((i) => i.id);
  const dup = ids.find((id, i) => ids.indexOf(id) !== i);
  if (dup !== undefined) findings.push({ step: index, message: `item ${String(dup)} appears twice in one page` });
  for (const [name, test] of Object.entries(FILTERS)) {
    const value = q.get(name);
    if (value === null || value === '') continue;
    const wrong = list.items.filter((item) => !test(item, value));
    if (wrong.length) {
      const field = name === 'search' ? 'filename' : name === 'created_after' ? 'created_at' : name;
      findings.push({
        step: index,
        message: `filter ${name}=${value} not honoured: ${wrong.length} item(s) do not match, e.g. ${String(wrong[0]!.id)} with ${field} ${JSON.stringify(wrong[0]![field])}`,
      });
    }
  }
  return findings;
}

interface GroupPage {
  index: number;
  page: number;
  size: number;
  list: ListPage;
}

/** Pages of one snapshot against each other and against the unpaged listing of the same group. */
function groupFindings(pages: GroupPage[], full: GroupPage | undefined): Finding[] {
  const findings: Finding[] = [];
  const last = pages[pages.length - 1];
  if (!last) return findings;
  const totals = new Set(pages.map((p) => p.list.total).concat(full ? [full.list.total] : []));
  totals.delete(undefined);
  if (totals.size > 1) findings.push({ step: last.index, message: `total changes across pages of one snapshot: ${[...totals].join(', ')}` });
  const where = new Map<unknown, number>();
  for (const p of pages) {
    for (const item of p.list.items) {
      const prior = where.get(item.id);
      if (prior !== undefined && prior !== p.page)
        findings.push({ step: p.index, message: `item ${String(item.id)} appears on page ${prior} and page ${p.page}` });
      where.set(item.id, p.page);
    }
  }
  if (full && full.list.total !== undefined && full.list.items.length >= full.list.total) {
    const size = pages[0]!.size;
    const covered = new Set(pages.map((p) => p.page));
    for (const [pos, item] of full.list.items.entries()) {
      if (!covered.has(Math.floor(pos / size))) continue;
      if (!where.has(item.id))
        findings.push({ step: last.index, message: `item ${String(item.id)} (position ${pos} of the full listing) is on none of the pages of size ${size}` });
    }
  }
  return findings;
}

export const listConsistency = statefulCheck(
  {
    id: 'list-consistency',
    title: 'Inconsistent listing',
    severity: 'medium',
    description: 'total agrees with the items of every page, pages of a snapshot are stable, filters are honoured.',
  },
  ({ steps }) => {
    const findings: Finding[] = [];
    const groups = new Map<string, { pages: GroupPage[]; full?: GroupPage }>();
    let judged = 0;
    for (const { index, role, exchange } of steps) {
      if (role.role !== 'list' && role.role !== 'dry-run-list') continue;
      const list = listOf(exchange);
      if (!list) continue;
      judged++;
      findings.push(...pageFindings(index, exchange, list));
      if (role.role === 'list' && role.group) {
        const q = queryOf(exchange);
        const g = groups.get(role.group) ?? { pages: [] };
        const entry: GroupPage = { index, page: intParam(q, 'page') ?? DEFAULT_PAGE, size: intParam(q, 'page_size') ?? DEFAULT_PAGE_SIZE, list };
        if (q.has('page_size')) g.pages.push(entry);
        else g.full = entry;
        groups.set(role.group, g);
      }
    }
    for (const g of groups.values()) findings.push(...groupFindings(g.pages, g.full));
    return judged ? findings : nothingToJudge('listing');
  },
);
