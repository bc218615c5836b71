// Progress of a run, as an event listener: on a terminal one line redrawn in place, in CI logs a plain
// line every interval, nothing when quiet. Progress is a courtesy: it never throws into the run, and
// a stream that fails (closed pipe) only switches it off.
import type { Writable } from 'node:stream';
import { escapeControls } from '../../reporters/control-chars.js';
import { redact } from '../../reporters/render-options.js';
import type { RunEvent } from '../engine/events.js';
import { safeWriter, type SafeWriter } from './progress/safe-writer.js';
import { type ProgressStatus, ProgressTally } from './progress/tally.js';

export { formatDuration } from './progress/format-duration.js';

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
  /** The run's secrets: a log message may quote what the target sent. */
  secrets?: string[];
}

export interface Progress {
  onEvent(event: RunEvent): void;
  /** Totals learnt after the run started (the plan): enables the bar, the estimate and operations done. */
  setTotals(totals: { cases?: number; casesByOperation?: Record<string, number> }): void;
  stop(): void;
}

const REDRAW_MS = 100;
const BAR = 20;
const NOOP: Progress = { onEvent() {}, setTotals() {}, stop() {} };

export function createProgress(options: ProgressOptions): Progress {
  if (options.quiet) return NOOP;
  const now = options.now ?? Date.now;
  const timers = options.timers ?? { setInterval, clearInterval };
  const out = safeWriter(options.stream);
  const tally = new ProgressTally(now, options.totalCases);
  const line = createLine(options, out, tally, now);
  // What a log message quotes from the target: no secret, no terminal sequence.
  const shown = (message: string): string => escapeControls(redact(message, options.secrets));
  // A handler that throws switches progress off instead of reaching the run.
  const guarded =
    <A extends unknown[]>(fn: (...args: A) => void) =>
    (...args: A): void => {
      try {
        fn(...args);
      } catch {
        out.kill();
      }
    };
  const tick = options.isTTY ? Math.min(1000, Math.max(REDRAW_MS, options.intervalMs)) : Math.max(1, options.intervalMs);
  const timer = timers.setInterval(
    guarded(() => {
      if (!line.finished) line.draw(false);
    }),
    tick,
  );
  (timer as { unref?: () => void }).unref?.();

  return {
    onEvent: guarded((event: RunEvent) => onEvent(event, tally, line, out, options.isTTY, shown)),
    setTotals: guarded((totals: { cases?: number; casesByOperation?: Record<string, number> }) => tally.setTotals(totals)),
    stop: guarded(() => {
      timers.clearInterval(timer);
      line.end(false);
      out.dispose();
    }),
  };
}

function onEvent(event: RunEvent, tally: ProgressTally, line: Line, out: SafeWriter, isTTY: boolean, shown: (message: string) => string): void {
  switch (event.type) {
    case 'run-started':
      tally.started(event.operations.length);
      line.draw(true);
      return;
    case 'case-finished':
      tally.caseFinished(event);
      line.draw(false);
      return;
    case 'operation-skipped':
      tally.operationSkipped(event.operationId);
      line.draw(false);
      return;
    case 'log':
      if (event.level === 'info') return;
      // On a terminal the message goes above the line, which is then redrawn.
      if (isTTY && line.drawn) {
        out.write(`\r\x1b[K${event.level}: ${shown(event.message)}\n`);
        line.draw(true);
      } else out.write(`[mistral-conformance] ${event.level}: ${shown(event.message)}\n`);
      return;
    case 'run-finished':
      tally.finished(event.notRun);
      line.draw(true);
      line.end(true);
      return;
    default:
      return;
  }
}

interface Line {
  /** Draws the status now (`force`) or when the last drawing is old enough. */
  draw(force: boolean): void;
  /** Whether a terminal line is on screen (a message must clear it first). */
  readonly drawn: boolean;
  /** The run is over: the clock no longer ticks. */
  readonly finished: boolean;
  /** The run is over (or progress stopped): a terminal line gets its newline, and nothing is drawn again. */
  end(runFinished: boolean): void;
}

function createLine(options: ProgressOptions, out: SafeWriter, tally: ProgressTally, now: () => number): Line {
  let lastDraw = -Infinity;
  let drawn = false;
  let finished = false;
  const columns = (): number | undefined => (options.stream as { columns?: number }).columns;
  return {
    draw(force) {
      const t = now();
      if (!force && t - lastDraw < (options.isTTY ? REDRAW_MS : options.intervalMs)) return;
      if (options.isTTY) {
        out.write(`\r${terminalLine(tally.status(), columns())}\x1b[K`);
        drawn = true;
      } else out.write(`${plainLine(tally.status())}\n`);
      lastDraw = t;
    },
    get drawn() {
      return drawn;
    },
    get finished() {
      return finished;
    },
    end(runFinished) {
      // After run-finished the terminal line always ends; on stop, only if one is still open.
      if (options.isTTY && (runFinished || (drawn && !finished))) out.write('\n');
      drawn = false;
      finished = true;
    },
  };
}

function terminalLine({ parts, fraction }: ProgressStatus, columns: number | undefined): string {
  let line = parts.join(' · ');
  if (fraction !== undefined) line = `[${'#'.repeat(Math.round(fraction * BAR)).padEnd(BAR, '-')}] ${String(Math.floor(fraction * 100)).padStart(3)}% ${line}`;
  return columns && line.length > columns - 1 ? line.slice(0, Math.max(0, columns - 1)) : line;
}

function plainLine({ parts, fraction }: ProgressStatus): string {
  return `[mistral-conformance] progress: ${[...(fraction !== undefined ? [`${Math.floor(fraction * 100)}%`] : []), ...parts].join(', ')}`;
}
