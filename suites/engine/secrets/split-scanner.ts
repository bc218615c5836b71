// A key a server sends in pieces, one per stream event (`"sk-ca"`, then `"nary-…"` in the next chunk's
// content), is in no single event: a client joins the pieces, and so does this scanner. The string
// values of each event are appended per JSON path (the path of `choices[0].delta.content` is the same
// in every chunk), the joined text is searched for every form of every secret, and the events that
// held a piece of one are named so their kept copies can be redacted too.
import { isObject } from '../../openapi/is-object.js';
import type { Redactor } from './redactor.js';

export interface SplitFinding {
  /** JSON path of the pieces (`["choices",0,"delta","content"]`); `[]` for the data of events that are not JSON. */
  path: Array<string | number>;
  /** Indexes of the events that held a piece. */
  events: number[];
}

interface Joined {
  path: Array<string | number>;
  text: string;
  /** Event index and end offset in `text` of each piece still in it. */
  pieces: Array<{ event: number; end: number }>;
}

/** Paths followed at most (a hostile stream could make every event's keys new). */
const MAX_PATHS = 256;
const MAX_DEPTH = 32;
const MAX_LEAVES = 1_000;

export class SplitSecretScanner {
  private readonly joined = new Map<string, Joined>();
  private readonly seen = new Set<string>();
  readonly findings: SplitFinding[] = [];

  constructor(private readonly redactor: Redactor) {}

  /** Feeds event `index`: its parsed JSON, or its data when it is not JSON. */
  add(index: number, value: unknown): void {
    if (this.redactor.empty) return;
    if (typeof value === 'string') return this.append('', index, value);
    let leaves = 0;
    // Paths as strings built on the way down (no array per leaf: this runs for every stream event).
    const walk = (v: unknown, key: string, depth: number): void => {
      if (leaves >= MAX_LEAVES || depth > MAX_DEPTH) return;
      if (typeof v === 'string') {
        leaves++;
        this.append(key, index, v);
      } else if (Array.isArray(v)) {
        for (let i = 0; i < v.length; i++) walk(v[i], `${key}\u0000${i}`, depth + 1);
      } else if (isObject(v)) {
        for (const k in v) walk(v[k], `${key}\u0000"${k}`, depth + 1);
      }
    };
    walk(value, '', 0);
  }

  /** Searches what is left of every joined text: call once the stream is over. */
  finish(): SplitFinding[] {
    for (const j of this.joined.values()) this.scan(j, true);
    return this.findings;
  }

  private append(key: string, index: number, piece: string): void {
    if (piece === '') return;
    let j = this.joined.get(key);
    if (!j) {
      if (this.joined.size >= MAX_PATHS) return;
      j = { path: pathOf(key), text: '', pieces: [] };
      this.joined.set(key, j);
    }
    j.text += piece;
    j.pieces.push({ event: index, end: j.text.length });
    // Searched in windows of twice the longest form, keeping the tail a form could start in: each
    // character is searched about twice, whatever the size of the pieces.
    if (j.text.length >= 2 * this.redactor.maxFormLength) this.scan(j, false);
  }

  private scan(j: Joined, last: boolean): void {
    const { text } = j;
    const r = this.redactor;
    // Where each match lies: the pieces it overlaps.
    for (const [start, end] of r.ranges(text)) {
      let begin = 0;
      const events = new Set<number>();
      for (const p of j.pieces) {
        if (p.end > start && begin < end) events.add(p.event);
        begin = p.end;
      }
      this.record(j.path, [...events]);
    }
    if (last) return;
    const keep = Math.max(0, r.maxFormLength - 1);
    const cut = text.length - keep;
    if (cut <= 0) return;
    j.text = text.slice(cut);
    j.pieces = j.pieces.filter((p) => p.end > cut).map((p) => ({ event: p.event, end: p.end - cut }));
  }

  private record(path: Array<string | number>, events: number[]): void {
    const key = `${JSON.stringify(path)}:${events.join(',')}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.findings.push({ path, events });
  }
}

/** The path a key of `add` stands for: array indexes as numbers, object keys (marked by `"`) as strings. */
function pathOf(key: string): Array<string | number> {
  return key
    .split('\u0000')
    .slice(1)
    .map((part) => (part.startsWith('"') ? part.slice(1) : Number(part)));
}
