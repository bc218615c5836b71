// A run owns the files it writes in its report folder, and only those. Before writing, it clears
// what an earlier run left there (a second run with fewer formats must not leave stale reports that
// a reader takes for this run's), and refuses a non-empty folder that holds no report of ours
// (`--report-dir .` must not scatter files into, or delete from, someone's project).
import { lstat, mkdir, open, readdir, rm, rmdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EVENT_LOG_FORMAT } from './ndjson.js';
import { TEMP_FILE } from './safe-write.js';

/** Marks a folder as written by this tool: a later run may clear the files listed below in it. */
export const MARKER_FILE = '.mistral-conformance';

/** Every file name a run writes into its report folder. */
export const OWNED_FILES: readonly string[] = [
  'report.json',
  'junit.xml',
  'summary.md',
  'report.html',
  'events.ndjson',
  'compare.md',
  'compare.html',
  MARKER_FILE,
];

export class ReportDirError extends Error {
  override name = 'ReportDirError';
}

async function exists(path: string): Promise<boolean> {
  return lstat(path).then(
    () => true,
    () => false,
  );
}

/**
 * Ours: the marker, or (folders written before the marker existed) an event log whose first line is
 * our header, or a sub-folder that is ours (the per-target folders of a multi-target run).
 */
async function isOurs(dir: string, lookInside = true): Promise<boolean> {
  if ((await exists(join(dir, MARKER_FILE))) || (await hasOurLog(dir))) return true;
  if (!lookInside) return false;
  try {
    // Symlinked folders are not entries of type directory here: never followed.
    for (const entry of await readdir(dir, { withFileTypes: true })) if (entry.isDirectory() && (await isOurs(join(dir, entry.name), false))) return true;
  } catch {
    return false;
  }
  return false;
}

async function hasOurLog(dir: string): Promise<boolean> {
  try {
    const st = await lstat(join(dir, 'events.ndjson'));
    if (!st.isFile()) return false;
    const handle = await open(join(dir, 'events.ndjson'), 'r');
    try {
      const { buffer, bytesRead } = await handle.read(Buffer.alloc(256), 0, 256, 0);
      return buffer.subarray(0, bytesRead).toString('utf8').includes(`"format":"${EVENT_LOG_FORMAT}"`);
    } finally {
      await handle.close();
    }
  } catch {
    return false;
  }
}

/** Removes our files (a symlink by that name is removed, never followed) and our temporary files; recurses into our sub-folders (one per target). */
async function clearOwned(dir: string, shown: string, removed: string[]): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!(await isOurs(path, false))) continue;
      await clearOwned(path, `${shown}${entry.name}/`, removed);
      // Left in place when it holds someone else's files too.
      await rmdir(path).catch(() => undefined);
    } else if (OWNED_FILES.includes(entry.name) || TEMP_FILE.test(entry.name)) {
      await rm(path, { force: true });
      if (entry.name !== MARKER_FILE) removed.push(`${shown}${entry.name}`);
    }
  }
}

export interface PreparedReportDir {
  /** Files of an earlier run removed (relative to the folder). */
  removed: string[];
}

/**
 * Makes `dir` ready for a run: created if missing, cleared of an earlier run's files, marked as ours.
 * Throws ReportDirError for a non-empty folder that is not ours (nothing is changed then).
 */
export async function prepareReportDir(dir: string): Promise<PreparedReportDir> {
  let entries: string[] = [];
  try {
    entries = await readdir(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT')
      throw new ReportDirError(`[mistral-conformance] Failed to prepare the report folder ${dir}: ${oneLine(err)}. Check --report-dir`);
  }
  const removed: string[] = [];
  if (entries.length > 0) {
    if (!(await isOurs(dir))) {
      const shown = entries.slice(0, 5).join(', ') + (entries.length > 5 ? `, … (${entries.length} entries)` : '');
      throw new ReportDirError(
        `[mistral-conformance] Failed to prepare the report folder ${dir}: it is not empty and holds no report of this tool (${shown}). Choose a new or empty folder with --report-dir`,
      );
    }
    await clearOwned(dir, '', removed);
  }
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, MARKER_FILE), 'Reports of mistral-conformance. A new run into this folder clears the files it wrote here, and only those.\n', {
      flag: 'wx',
    });
  } catch (err) {
    throw new ReportDirError(`[mistral-conformance] Failed to prepare the report folder ${dir}: ${oneLine(err)}. Check free space and permissions`);
  }
  return { removed };
}

function oneLine(err: unknown): string {
  return ((err as Error).message ?? String(err)).split('\n', 1)[0] ?? '';
}
