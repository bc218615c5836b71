// Regression report between two runs, keyed by (operationId, checkId): what newly fails, what got
// fixed, what still fails, what is newly skipped, and latency changes beyond a ratio. Exit code 1 on
// any new failure, so `diff` can gate a pull request against the main branch's run.
import type { CheckResult, RunResults } from '../suites/engine/results.js';
import { codeBlock, mdText } from './markdown.js';
import type { RenderOptions } from './render-options.js';
import { sanitizeResults, sanitizeValue } from './sanitize.js';

export interface DiffOptions {
  /** Ratio of change in median latency that is reported, e.g. 0.5 = ±50%. Default 0.5. */
  latencyThreshold?: number;
  /** Medians below this (ms) in both runs are noise and never reported. Default 5. */
  latencyFloorMs?: number;
}

export interface DiffEntry {
  operationId: string;
  checkId: string;
  base: string;
  current: string;
  message?: string;
}

export interface LatencyChange {
  operationId: string;
  metric: 'median' | 'p95' | 'first-event-median';
  baseMs: number;
  currentMs: number;
  /** (current - base) / base. */
  ratio: number;
}

export interface RunDiff {
  base: { target: string; runId: string; contract?: string };
  current: { target: string; runId: string; contract?: string };
  newFailures: DiffEntry[];
  fixed: DiffEntry[];
  stillFailing: DiffEntry[];
  newlySkipped: DiffEntry[];
  /** Pairs in the base run that the current run did not have at all. */
  missing: DiffEntry[];
  /** New failures a baseline applied to the current run accepts: listed, not counted as regressions. */
  accepted: DiffEntry[];
  latency: LatencyChange[];
  exitCode: 0 | 1;
}

type State = 'failing' | 'passing' | 'skipped' | 'absent';

function state(c: CheckResult | undefined): State {
  if (!c) return 'absent';
  // A failure accepted by a baseline is still a failure for regressions: fixing it shows as fixed.
  if (c.outcome === 'failed' || c.outcome === 'errored' || c.outcome === 'accepted') return 'failing';
  if (c.outcome === 'skipped') return 'skipped';
  return 'passing';
}

function index(r: RunResults): Map<string, CheckResult> {
  const m = new Map<string, CheckResult>();
  for (const op of r.operations) for (const check of op.checks) m.set(`${op.operationId}\u0000${check.checkId}`, check);
  return m;
}

export function diffRuns(baseIn: RunResults, currentIn: RunResults, opts: DiffOptions = {}): RunDiff {
  const base = sanitizeResults(baseIn);
  const current = sanitizeResults(currentIn);
  const threshold = opts.latencyThreshold ?? 0.5;
  const floor = opts.latencyFloorMs ?? 5;
  const b = index(base);
  const c = index(current);
  const curOps = new Map(current.operations.map((o) => [o.operationId, o]));
  const d: RunDiff = {
    base: { target: base.targetName ?? base.target, runId: base.runId, ...(base.spec.contract ? { contract: base.spec.contract } : {}) },
    current: { target: current.targetName ?? current.target, runId: current.runId, ...(current.spec.contract ? { contract: current.spec.contract } : {}) },
    newFailures: [],
    fixed: [],
    stillFailing: [],
    newlySkipped: [],
    missing: [],
    accepted: [],
    latency: [],
    exitCode: 0,
  };
  const keys = [...new Set([...b.keys(), ...c.keys()])].sort();
  for (const key of keys) {
    const [operationId = '', checkId = ''] = key.split('\u0000');
    const bb = b.get(key);
    const cc = c.get(key);
    const bs = state(bb);
    // An operation skipped whole in the current run has no check rows: its checks count as skipped.
    const cs = cc ? state(cc) : curOps.get(operationId)?.skipped ? 'skipped' : 'absent';
    const entry: DiffEntry = { operationId, checkId, base: bb?.outcome ?? bs, current: cc?.outcome ?? cs };
    const msg = (cc ?? bb)?.failures[0]?.message.split('\n', 1)[0];
    if (msg && (cs === 'failing' || bs === 'failing')) entry.message = msg;
    if (cs === 'failing' && bs !== 'failing') (cc?.outcome === 'accepted' ? d.accepted : d.newFailures).push(entry);
    else if (cs === 'failing') d.stillFailing.push(entry);
    else if (bs === 'failing' && cs === 'passing') d.fixed.push(entry);
    else if (cs === 'skipped' && bs !== 'skipped' && bs !== 'absent') d.newlySkipped.push(entry);
    else if (cs === 'absent' && bs !== 'absent') d.missing.push(entry);
  }
  const baseOps = new Map(base.operations.map((o) => [o.operationId, o]));
  for (const op of current.operations) {
    const was = baseOps.get(op.operationId);
    if (!was) continue;
    const pairs: Array<[LatencyChange['metric'], number | undefined, number | undefined]> = [
      ['median', was.latency.count ? was.latency.median : undefined, op.latency.count ? op.latency.median : undefined],
      ['p95', was.latency.count ? was.latency.p95 : undefined, op.latency.count ? op.latency.p95 : undefined],
      ['first-event-median', was.firstEvent?.median, op.firstEvent?.median],
    ];
    for (const [metric, baseMs, currentMs] of pairs) {
      if (baseMs === undefined || currentMs === undefined || baseMs <= 0) continue;
      if (baseMs < floor && currentMs < floor) continue;
      const ratio = (currentMs - baseMs) / baseMs;
      if (Math.abs(ratio) > threshold) d.latency.push({ operationId: op.operationId, metric, baseMs, currentMs, ratio: Math.round(ratio * 1000) / 1000 });
    }
  }
  d.exitCode = d.newFailures.length > 0 ? 1 : 0;
  return d;
}

function pct(ratio: number): string {
  return `${ratio > 0 ? '+' : ''}${Math.round(ratio * 100)}%`;
}

function line(e: DiffEntry): string {
  return `${e.operationId} › ${e.checkId} (${e.base} → ${e.current})${e.message ? `: ${e.message}` : ''}`;
}

/** `, contract 2026-07`, or `, contract 2024-11 → 2026-07` when the runs judged against different ones. */
function contractNote(d: RunDiff): string {
  const was = d.base.contract;
  const now = d.current.contract;
  if (was === undefined && now === undefined) return '';
  if (was === now) return `, contract ${now}`;
  return `, contract ${was ?? 'none'} → ${now ?? 'none'}`;
}

export function renderDiff(diff: RunDiff, format: 'text' | 'markdown', opts: RenderOptions = {}): string {
  // Messages come from responses: redact with the secrets passed in.
  const d = sanitizeValue(diff, opts.secrets ?? []) as RunDiff;
  const sections: Array<[string, string[]]> = [
    ['New failures', d.newFailures.map(line)],
    ['Fixed', d.fixed.map(line)],
    ['Still failing', d.stillFailing.map(line)],
    ['Newly skipped', d.newlySkipped.map(line)],
    ['No longer run', d.missing.map(line)],
    ['New failures accepted by the baseline (not counted)', (d.accepted ?? []).map(line)],
    ['Latency changes', d.latency.map((l) => `${l.operationId} ${l.metric}: ${l.baseMs} ms → ${l.currentMs} ms (${pct(l.ratio)})`)],
  ];
  const verdict = d.exitCode ? `REGRESSION ${d.newFailures.length} new failure${d.newFailures.length === 1 ? '' : 's'}` : 'NO NEW FAILURES';
  const acceptedNote = d.accepted?.length ? `, ${d.accepted.length} accepted by baseline` : '';
  const headline = `${verdict}: ${d.fixed.length} fixed, ${d.stillFailing.length} still failing, ${d.newlySkipped.length} newly skipped${acceptedNote}, ${d.latency.length} latency changes (base ${d.base.target} ${d.base.runId} → current ${d.current.target} ${d.current.runId}${contractNote(d)})`;
  if (format === 'text') {
    const out = [headline];
    for (const [title, items] of sections) if (items.length) out.push('', `${title} (${items.length}):`, ...items.map((i) => `  ${i}`));
    return `${out.join('\n')}\n`;
  }
  const out = [`## ${d.exitCode ? '❌' : '✅'} ${mdText(headline)}`];
  for (const [title, items] of sections) {
    if (!items.length) continue;
    out.push('', `### ${title} (${items.length})`, '');
    if (title === 'Still failing' && items.length > 10) out.push('<details><summary>Show</summary>', '', codeBlock(items.join('\n')), '', '</details>');
    else out.push(...items.map((i) => `- ${mdText(i)}`));
  }
  return `${out.join('\n')}\n`;
}
