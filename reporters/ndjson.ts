// The NDJSON event log: a versioned header line, then one RunEvent per line, written synchronously as
// events happen so a crash or Ctrl-C leaves every event so far on disk (the kernel holds what
// writeSync returned from; only the last line can be cut short, and the reader tolerates that).
import { closeSync, constants as fsConstants, fsyncSync, lstatSync, mkdirSync, openSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { EVENT_LOG_VERSION, type RunEvent } from '../suites/engine/events.js';
import type { RenderOptions } from './render-options.js';
import { escapeJsonControls } from './control-chars.js';
import { writeFailureReason } from './safe-write.js';
import { publicOptions, sanitizeValue, secretsOf } from './sanitize.js';

export const EVENT_LOG_FORMAT = 'mistral-conformance-events';

export interface EventLogHeader {
  type: 'header';
  format: typeof EVENT_LOG_FORMAT;
  version: number;
}

export interface NdjsonWriter {
  path: string;
  /** Usable directly as an engine EventListener. */
  write(event: RunEvent): void;
  close(): Promise<void>;
  /** Why the log stopped being written (full disk, ...), one line; undefined while it is whole. */
  readonly failure: string | undefined;
}

/** The events as they go to disk: credential-like option keys dropped, secrets redacted. */
function safeEvent(event: RunEvent, secrets: string[]): unknown {
  return sanitizeValue(event.type === 'run-started' ? { ...event, options: publicOptions(event.options) } : event, secrets);
}

const { O_CREAT, O_NOFOLLOW, O_TRUNC, O_WRONLY } = fsConstants;

/**
 * Opened for writing without following a symlink at `path`: a link planted in the report folder is
 * removed and replaced by the log, never written through (its target stays untouched).
 */
function openNoFollow(path: string): number {
  const flags = O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW;
  try {
    return openSync(path, flags, 0o644);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ELOOP' || !lstatSync(path).isSymbolicLink()) throw err;
    unlinkSync(path);
    return openSync(path, flags, 0o644);
  }
}

export function createNdjsonWriter(path: string, opts: RenderOptions = {}): NdjsonWriter {
  mkdirSync(dirname(path), { recursive: true });
  const fd = openNoFollow(path);
  let closed = false;
  let failure: string | undefined;
  let secrets = [...(opts.secrets ?? [])];
  // A write that fails (full disk) stops the log and is remembered: the run goes on, and the
  // command reports the log as not written instead of a listener error ending the run.
  const line = (value: unknown): void => {
    if (failure !== undefined) return;
    try {
      writeSync(fd, `${escapeJsonControls(JSON.stringify(value))}\n`);
    } catch (err) {
      failure = writeFailureReason(err);
    }
  };
  const header: EventLogHeader = { type: 'header', format: EVENT_LOG_FORMAT, version: EVENT_LOG_VERSION };
  line(header);
  return {
    path,
    write(event: RunEvent): void {
      if (closed) return;
      // The options of run-started may name the key; learn it so later events are redacted too.
      if (event.type === 'run-started') secrets = secretsOf({ options: event.options }, { secrets });
      line(safeEvent(event, secrets));
    },
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      try {
        fsyncSync(fd);
      } catch (err) {
        failure ??= writeFailureReason(err);
      } finally {
        closeSync(fd);
      }
      // A log cut off by a full disk would rebuild a report without the later (failing) cases: it goes,
      // and the command lists it as not written.
      if (failure !== undefined) rmSync(path, { force: true });
    },
    get failure() {
      return failure;
    },
  };
}

function fail(path: string, reason: string, hint: string): Error {
  return new Error(`[mistral-conformance] Failed to read event log ${path}: ${reason}. ${hint}`);
}

/** Parses an event log; an unknown format or version is an error, a cut-off last line is dropped. */
export async function readEventLog(path: string): Promise<RunEvent[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw fail(path, (e as NodeJS.ErrnoException).code ?? 'cannot read', 'Check the path');
  }
  const lines = text.split('\n');
  // A log ending in a newline has an empty last element; one cut mid-line does not.
  const cutOff = lines.length > 0 && lines[lines.length - 1] !== '';
  const events: RunEvent[] = [];
  let header: EventLogHeader | undefined;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.trim();
    if (raw === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      if (i === lines.length - 1 && cutOff) break;
      throw fail(path, `line ${i + 1} is not JSON`, 'The log is corrupt');
    }
    if (!header) {
      const h = value as Partial<EventLogHeader> | null;
      if (h?.type !== 'header' || h.format !== EVENT_LOG_FORMAT)
        throw fail(path, 'no mistral-conformance-events header on line 1', 'Pass a log written by `run --events`');
      if (h.version !== EVENT_LOG_VERSION)
        throw fail(path, `unsupported version ${String(h.version)} (this tool reads version ${EVENT_LOG_VERSION})`, 'Use the tool version that wrote it');
      header = h as EventLogHeader;
      continue;
    }
    if (value === null || typeof value !== 'object' || typeof (value as { type?: unknown }).type !== 'string') {
      throw fail(path, `line ${i + 1} is not an event`, 'The log is corrupt');
    }
    events.push(value as RunEvent);
  }
  if (!header) throw fail(path, 'the file is empty', 'The run wrote no events');
  return events;
}
