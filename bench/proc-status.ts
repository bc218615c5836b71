// Peak resident memory of a child process, read from /proc/<pid>/status (Linux). VmHWM is the
// kernel's own high-water mark, so polling cannot miss a short peak as long as one read happens
// while the process is alive; VmRSS is kept too, for kernels or sandboxes without VmHWM.
import { readFile } from 'node:fs/promises';

export interface ProcMemory {
  /** Peak resident set size (VmHWM), bytes. */
  hwmBytes?: number;
  /** Current resident set size (VmRSS), bytes. */
  rssBytes?: number;
}

const FIELD = /^(VmHWM|VmRSS):\s+(\d+)\s*kB\s*$/;

export function parseProcStatus(text: string): ProcMemory {
  const out: ProcMemory = {};
  for (const line of text.split('\n')) {
    const m = FIELD.exec(line.trim());
    if (!m) continue;
    const bytes = Number(m[2]) * 1024;
    if (m[1] === 'VmHWM') out.hwmBytes = bytes;
    else out.rssBytes = bytes;
  }
  return out;
}

/** The larger of the peaks seen so far and in this reading. */
export function foldPeak(peak: number | undefined, reading: ProcMemory): number | undefined {
  const values = [peak, reading.hwmBytes, reading.rssBytes].filter((v): v is number => v !== undefined);
  return values.length ? Math.max(...values) : undefined;
}

export interface PeakRssWatch {
  /** Stops polling; the peak in bytes, undefined when /proc could never be read. */
  stop(): number | undefined;
}

export function watchPeakRss(pid: number, intervalMs = 25): PeakRssWatch {
  let peak: number | undefined;
  let reading = false;
  const poll = (): void => {
    if (reading) return;
    reading = true;
    readFile(`/proc/${pid}/status`, 'utf8').then(
      (text) => {
        peak = foldPeak(peak, parseProcStatus(text));
        reading = false;
      },
      () => {
        // The process has exited (or /proc is unavailable): the last reading stands.
        reading = false;
      },
    );
  };
  poll();
  const timer = setInterval(poll, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      return peak;
    },
  };
}
