// What every group of figures gets: how many times to measure, the reference server, a scratch folder,
// and where its rows go.
import type { FigureRow } from '../table.js';

export const API_KEY = 'bench-key';
export const MB = 1024 * 1024;

export interface BenchContext {
  /** Measurements per figure (BENCH_RUNS). */
  runs: number;
  /** The reference server in a process of its own. */
  reference: { url: string };
  tmp: string;
  add(row: FigureRow): void;
  log(message: string): void;
}
