import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { installInterruptHandler, type InterruptHandle } from './interrupt.js';

let handle: InterruptHandle | undefined;
afterEach(() => {
  handle?.dispose();
  handle = undefined;
  vi.useRealTimers();
});

describe('installInterruptHandler on process', () => {
  let before: { SIGINT: number; SIGTERM: number };
  beforeEach(() => {
    before = { SIGINT: process.listenerCount('SIGINT'), SIGTERM: process.listenerCount('SIGTERM') };
  });

  it('stops on the first SIGINT and calls onSecond on the second', () => {
    const calls: string[] = [];
    handle = installInterruptHandler({ onFirst: (s) => calls.push(`first:${s}`), onSecond: (s) => calls.push(`second:${s}`), signals: ['SIGINT', 'SIGTERM'] });
    expect(handle.stopped()).toBe(false);
    expect(handle.reason()).toBeUndefined();
    process.emit('SIGINT');
    expect(handle.stopped()).toBe(true);
    expect(handle.reason()).toBe('interrupted');
    expect(handle.signal.aborted).toBe(true); // the run stops now (the engine gives requests a short grace)
    expect(handle.exitCode()).toBe(130);
    expect(calls).toEqual(['first:SIGINT']);
    process.emit('SIGINT');
    expect(calls).toEqual(['first:SIGINT', 'second:SIGINT']);
  });

  it('treats SIGTERM (CI cancellation) like SIGINT', () => {
    const onFirst = vi.fn();
    handle = installInterruptHandler({ onFirst, onSecond: () => undefined });
    process.emit('SIGTERM');
    expect(onFirst).toHaveBeenCalledWith('SIGTERM');
    expect(handle.stopped()).toBe(true);
    expect(handle.exitCode()).toBe(143);
  });

  it('removes its listeners on dispose (twice is harmless)', () => {
    handle = installInterruptHandler({ onFirst: () => undefined, onSecond: () => undefined });
    expect(process.listenerCount('SIGINT')).toBe(before.SIGINT + 1);
    expect(process.listenerCount('SIGTERM')).toBe(before.SIGTERM + 1);
    handle.dispose();
    handle.dispose();
    expect(process.listenerCount('SIGINT')).toBe(before.SIGINT);
    expect(process.listenerCount('SIGTERM')).toBe(before.SIGTERM);
  });

  it('does nothing after dispose', () => {
    const onFirst = vi.fn();
    handle = installInterruptHandler({ onFirst, onSecond: () => undefined, signals: ['SIGTERM'] });
    handle.dispose();
    process.emit('SIGTERM'); // no listener left: emit only calls listeners, so the worker survives
    expect(onFirst).not.toHaveBeenCalled();
    expect(handle.stopped()).toBe(false);
  });

  it('survives a callback that throws', () => {
    handle = installInterruptHandler({
      onFirst: () => {
        throw new Error('boom');
      },
      onSecond: () => {
        throw new Error('boom');
      },
    });
    expect(() => process.emit('SIGINT')).not.toThrow();
    expect(() => process.emit('SIGINT')).not.toThrow();
    expect(handle.stopped()).toBe(true);
  });

  it('catches a real SIGINT sent to this process', async () => {
    const first = new Promise<string>((resolve) => {
      handle = installInterruptHandler({ onFirst: resolve, onSecond: () => undefined, signals: ['SIGINT'] });
    });
    process.kill(process.pid, 'SIGINT');
    expect(await first).toBe('SIGINT');
    expect(handle!.stopped()).toBe(true);
  });
});

describe('installInterruptHandler without onSecond', () => {
  it('re-raises the second signal with its handlers removed, so the process ends as usual', () => {
    const kill = vi.spyOn(process, 'kill').mockImplementation(() => true);
    const emitter = new EventEmitter();
    handle = installInterruptHandler({ emitter: emitter as unknown as NodeJS.Process, signals: ['SIGINT'] });
    emitter.emit('SIGINT');
    expect(kill).not.toHaveBeenCalled();
    emitter.emit('SIGINT');
    expect(kill).toHaveBeenCalledWith(process.pid, 'SIGINT');
    expect(emitter.listenerCount('SIGINT')).toBe(0);
    kill.mockRestore();
  });
});

describe('installInterruptHandler on another emitter', () => {
  it('listens where it is told', () => {
    const emitter = new EventEmitter();
    const calls: string[] = [];
    handle = installInterruptHandler({
      emitter: emitter as unknown as NodeJS.Process,
      onFirst: (s) => calls.push(s),
      onSecond: (s) => calls.push(`2${s}`),
      signals: ['SIGHUP'],
    });
    emitter.emit('SIGINT');
    expect(calls).toEqual([]);
    emitter.emit('SIGHUP');
    emitter.emit('SIGHUP');
    expect(calls).toEqual(['SIGHUP', '2SIGHUP']);
    handle.dispose();
    expect(emitter.listenerCount('SIGHUP')).toBe(0);
  });
});
