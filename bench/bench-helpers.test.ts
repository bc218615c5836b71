import { describe, expect, it } from 'vitest';
import { liveHeapGrowth } from './figures/live-heap.js';
import { groupArgs } from './figures/suite-run.js';
import { foldPeak, parseProcStatus } from './proc-status.js';
import { replayableHeaders } from './recording-proxy.js';
import { benchOnly, benchRuns, median, repeat, summarize } from './stats.js';
import { formatTable, judge, row } from './table.js';

const STATUS = `Name:\tnode
Umask:\t0022
State:\tS (sleeping)
Pid:\t4242
VmPeak:\t 1234567 kB
VmSize:\t 1200000 kB
VmHWM:\t  265432 kB
VmRSS:\t  198765 kB
RssAnon:\t  150000 kB
Threads:\t11
`;

describe('median, min, max', () => {
  it('takes the middle value of an odd count and the mean of the two middle values of an even count', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
  });
  it('summarises without reordering the input', () => {
    const values = [30, 10, 20];
    expect(summarize(values)).toEqual({ median: 20, min: 10, max: 30, runs: 3 });
    expect(values).toEqual([30, 10, 20]);
  });
  it('refuses an empty set of measurements', () => {
    expect(() => median([])).toThrow(/no measurements/);
  });
  it('repeats a measurement the given number of times, in order', async () => {
    const seen: number[] = [];
    const s = await repeat(4, async (i) => {
      seen.push(i);
      return i * 10;
    });
    expect(seen).toEqual([0, 1, 2, 3]);
    expect(s).toEqual({ median: 15, min: 0, max: 30, runs: 4 });
  });
  it('reads BENCH_RUNS, default 3, and rejects what is not a positive integer', () => {
    expect(benchRuns({})).toBe(3);
    expect(benchRuns({ BENCH_RUNS: '5' })).toBe(5);
    expect(() => benchRuns({ BENCH_RUNS: '0' })).toThrow(/BENCH_RUNS/);
    expect(() => benchRuns({ BENCH_RUNS: 'many' })).toThrow(/BENCH_RUNS/);
  });
});

describe('RSS polling parse', () => {
  it('reads VmHWM and VmRSS in bytes from /proc/<pid>/status', () => {
    expect(parseProcStatus(STATUS)).toEqual({ hwmBytes: 265432 * 1024, rssBytes: 198765 * 1024 });
  });
  it('ignores lines that only look alike (VmPeak, RssAnon) and text without the fields', () => {
    expect(parseProcStatus('VmPeak:\t 100 kB\nRssAnon:\t 50 kB\n')).toEqual({});
    expect(parseProcStatus('')).toEqual({});
  });
  it('keeps the highest reading across polls, from either field', () => {
    let peak: number | undefined;
    peak = foldPeak(peak, {});
    expect(peak).toBeUndefined();
    peak = foldPeak(peak, { rssBytes: 100 });
    expect(peak).toBe(100);
    peak = foldPeak(peak, { hwmBytes: 300, rssBytes: 120 });
    expect(peak).toBe(300);
    peak = foldPeak(peak, { hwmBytes: 250, rssBytes: 90 });
    expect(peak).toBe(300);
  });
});

describe('floors and the table', () => {
  it('passes a max floor only strictly below it and a min floor at or above it', () => {
    expect(judge({ median: 999, min: 900, max: 1100, runs: 3 }, { kind: 'max', value: 1000 })).toBe('PASS');
    expect(judge({ median: 1000, min: 900, max: 1100, runs: 3 }, { kind: 'max', value: 1000 })).toBe('FAIL');
    expect(judge({ median: 0.5, min: 0.4, max: 0.6, runs: 3 }, { kind: 'min', value: 0.5 })).toBe('PASS');
    expect(judge({ median: 0.49, min: 0.4, max: 0.6, runs: 3 }, { kind: 'min', value: 0.5 })).toBe('FAIL');
    expect(judge({ median: 1, min: 1, max: 1, runs: 1 }, undefined)).toBeUndefined();
  });
  it('prints one line per figure with its median, min, max, floor and verdict', () => {
    const text = formatTable([
      row('start-up, pinned spec', 'ms', { median: 812, min: 790, max: 1040, runs: 3 }, { kind: 'max', value: 1000 }),
      row('cases/s, c=8', 'cases/s', { median: 290.5, min: 280, max: 301, runs: 3 }),
    ]);
    const lines = text.split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[2]).toMatch(/^start-up, pinned spec\s+812\s+790\s+1,040\s+ms\s+< 1,000 ms\s+PASS$/);
    expect(lines[3]).toMatch(/^cases\/s, c=8\s+291\s+280\s+301\s+cases\/s$/);
  });
});

describe('bench plumbing', () => {
  it('selects chat and FIM for the streaming group and everything else for the non-streaming one', () => {
    expect(groupArgs('streaming')).toEqual(['--include', 'POST /v1/chat/completions', '--include', 'POST /v1/fim/completions']);
    expect(groupArgs('non-streaming')).toEqual(['--exclude', 'POST /v1/chat/completions', '--exclude', 'POST /v1/fim/completions']);
    expect(groupArgs('all')).toEqual([]);
  });
  it('drops hop-by-hop and length headers from recorded requests and joins repeated ones', () => {
    expect(
      replayableHeaders({ host: 'x', connection: 'keep-alive', 'content-length': '3', 'content-type': 'application/json', 'x-multi': ['a', 'b'] }),
    ).toEqual({ 'content-type': 'application/json', 'x-multi': 'a, b' });
  });
  it('measures live heap growth as the largest later sample over the first', () => {
    expect(
      liveHeapGrowth([
        { cases: 1000, heapUsedBytes: 100 },
        { cases: 2000, heapUsedBytes: 150 },
        { cases: 3000, heapUsedBytes: 90 },
      ]),
    ).toBe(1.5);
    expect(() => liveHeapGrowth([{ cases: 1000, heapUsedBytes: 100 }])).toThrow(/fewer than two/);
  });
});

describe('BENCH_ONLY', () => {
  it('selects every group when unset, the listed ones otherwise, and refuses unknown names', () => {
    expect(benchOnly({})('memory')).toBe(true);
    const only = benchOnly({ BENCH_ONLY: 'startup, throughput' });
    expect(only('startup')).toBe(true);
    expect(only('throughput')).toBe(true);
    expect(only('memory')).toBe(false);
    expect(() => benchOnly({ BENCH_ONLY: 'startup,speed' })).toThrow(/unknown group "speed"/);
  });
});
