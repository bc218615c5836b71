// Progress of a run, as an event listener: on a terminal one line redrawn in place, in CI logs a plain
// line every interval, nothing when quiet. Progress is a courtesy: it never throws into the run, and
// a stream that fails (closed pipe) only switches it off.
import type { Writable } from 'node:stream';
import type { RunEvent } from '../engine/events.js';

export interface ProgressOptions {
  stream: NodeJS.WritableStream | Writable;
  isTTY: boolean;
  quiet: boolean;
  /** Plain lines (not a terminal): at most one per interval. Terminal: the elapsed time ticks at this pace (≤ 1 s). */
  intervalMs: number;
  totalCases?: number;
  /** Clock and timers, replaceable in tests. */
  now?: () => number;
  timers?: { setInterval: typeof setInterval; clearInterval: typeof clearInterval };
}

export interface Progress {
  onEvent(event: RunEvent): void;
  /** Totals learnt after the run started (the plan): enables the bar, the estimate and operations done. */
  setTotals(totals: { cases?: number; casesByOperation?: Record<string, number> }): void;
  stop(): void;
}

const REDRAW_MS = 100;
const BAR = 20;

export function createProgress(options: ProgressOptions): Progress {
  const noop: Progress = { onEvent() {}, setTotals() {}, stop() {} };
  if (options.quiet) return noop;
  const now = options.now ?? Date.now;
  const timers = options.timers ?? { setInterval, clearInterval };
  const stream = options.stream;
  let alive = true;
  let startedAt = now();
  let lastDraw = -Infinity;
  let drawn = false;
  let finished = false;
  let totalCases = options.totalCases;
  let byOperation: Record<string, number> | undefined;
  let opsTotal = 0;
  const opCases = new Map<string, number>();
  const skipped = new Set<string>();
  let cases = 0;
  let failed = 0;
  let warned = 0;

  const write = (text: string): void => {
    if (!alive) return;
    try {
      stream.write(text);
    } catch {
      alive = false;
    }
  };
  const onStreamError = (): void => {
    alive = false;
  };
  try {
    stream.on?.('error', onStreamError);
  } catch {
    /* a stream without events is fine */
  }

  const opsDone = (): number => {
    let done = skipped.size;
    for (const [op, n] of opCases) {
      if (skipped.has(op)) continue;
      // Without the plan an operation counts once it has started; with it, once all its cases ran.
      const planned = byOperation?.[op];
      if (planned === undefined || n >= planned) done++;
    }
    return done;
  };

  const status = (): { parts: string[]; fraction?: number } => {
    const elapsed = now() - startedAt;
    const parts = [`ops ${opsDone()}/${opsTotal}`, totalCases ? `cases ${cases}/${totalCases}` : `cases ${cases}`, `${failed} failed`];
    if (warned) parts.push(`${warned} warned`);
    parts.push(formatDuration(elapsed));
    let fraction: number | undefined;
    if (totalCases) {
      fraction = Math.min(1, cases / totalCases);
      if (cases > 0 && cases < totalCases) parts.push(`~${formatDuration((elapsed / cases) * (totalCases - cases))} left`);
    }
    return fraction === undefined ? { parts } : { parts, fraction };
  };

  const draw = (force: boolean): void => {
    const t = now();
    if (options.isTTY) {
      if (!force && t - lastDraw < REDRAW_MS) return;
      const { parts, fraction } = status();
      let line = parts.join(' · ');
      if (fraction !== undefined)
        line = `[${'#'.repeat(Math.round(fraction * BAR)).padEnd(BAR, '-')}] ${String(Math.floor(fraction * 100)).padStart(3)}% ${line}`;
      const columns = (stream as { columns?: number }).columns;
      if (columns && line.length > columns - 1) line = line.slice(0, Math.max(0, columns - 1));
      write(`\r${line}\x1b[K`);
      drawn = true;
    } else {
      if (!force && t - lastDraw < options.intervalMs) return;
      const { parts, fraction } = status();
      write(`[mistral-conformance] progress: ${[...(fraction !== undefined ? [`${Math.floor(fraction * 100)}%`] : []), ...parts].join(', ')}\n`);
    }
    lastDraw = t;
  };

  const tick = options.isTTY ? Math.min(1000, Math.max(REDRAW_MS, options.intervalMs)) : Math.max(1, options.intervalMs);
  const timer = timers.setInterval(() => {
    try {
      if (!finished) draw(false);
    } catch {
      alive = false;
    }
  }, tick);
  (timer as { unref?: () => void }).unref?.();

  const safe =
    <A extends unknown[]>(fn: (...args: A) => void) =>
    (...args: A): void => {
      try {
        fn(...args);
      } catch {
        alive = false;
      }
    };

  return {
    onEvent: safe((event: RunEvent) => {
      switch (event.type) {
        case 'run-started':
          startedAt = now();
          opsTotal = event.operations.length;
          draw(true);
          return;
        case 'case-finished':
          cases++;
          opCases.set(event.operationId, (opCases.get(event.operationId) ?? 0) + 1);
          if (event.outcomes.some((o) => o.status === 'failed' || o.status === 'errored')) failed++;
          else if (event.outcomes.some((o) => o.status === 'warning')) warned++;
          draw(false);
          return;
        case 'operation-skipped':
          skipped.add(event.operationId);
          draw(false);
          return;
        case 'log':
          if (event.level === 'info') return;
          // On a terminal the message goes above the bar, which is then redrawn.
          write(options.isTTY && drawn ? `\r\x1b[K${event.level}: ${event.message}\n` : `[mistral-conformance] ${event.level}: ${event.message}\n`);
          if (options.isTTY && drawn) draw(true);
          return;
        case 'run-finished':
          if (totalCases === undefined && event.notRun === undefined) totalCases = cases;
          draw(true);
          if (options.isTTY) write('\n');
          finished = true;
          drawn = false;
          return;
        default:
          return;
      }
    }),
    setTotals: safe((totals: { cases?: number; casesByOperation?: Record<string, number> }) => {
      if (totals.casesByOperation) {
        byOperation = totals.casesByOperation;
        totalCases ??= Object.values(byOperation).reduce((a, b) => a + b, 0);
      }
      if (totals.cases !== undefined) totalCases = totals.cases;
    }),
    stop: safe(() => {
      timers.clearInterval(timer);
      if (options.isTTY && drawn && !finished) write('\n');
      drawn = false;
      finished = true;
      try {
        stream.off?.('error', onStreamError);
      } catch {
        /* ignore */
      }
    }),
  };
}

export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}
