// Writes a report file so that what is on disk is either the whole new report or nothing new: the
// text goes to a temporary file beside the target (created exclusively, so never through a
// symlink), is flushed to disk (a full disk fails here, not silently later), and is renamed over the
// target. A rename replaces a symlink at the target; it never follows it, so a link planted in the
// report folder cannot make the tool overwrite the file it points to.
import { randomBytes } from 'node:crypto';
import { lstat, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Temporary files look like `.report.json.1234.ab12cd34.tmp`: hidden, and recognisable as ours. */
export const TEMP_FILE = /^\..+\.\d+\.[0-9a-f]{8}\.tmp$/;

export type WriteText = (path: string, text: string) => Promise<void>;

export const writeFileAtomic: WriteText = async (path, text) => {
  // A device, a folder or a pipe at that name is not a report to replace.
  const existing = await lstat(path).catch(() => undefined);
  if (existing && !existing.isFile() && !existing.isSymbolicLink()) throw new Error(`${path} exists and is not a regular file`);
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const handle = await open(tmp, 'wx', 0o644);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw err;
  }
};

/** One line for a failed write: the errno code first when there is one (`ENOSPC: no space left on device`). */
export function writeFailureReason(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  const message = (e instanceof Error ? e.message : String(err)).split('\n', 1)[0] ?? '';
  // Node's messages repeat the path and the syscall: `ENOSPC: no space left on device, write`.
  return message.replace(/,\s*(open|write|rename|fsync|close)\b.*$/, '');
}
