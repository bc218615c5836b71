import { lstatSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEMP_FILE, writeFailureReason, writeFileAtomic } from './safe-write.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'mc-safe-write-'));

describe('writeFileAtomic', () => {
  it('replaces the file whole and leaves no temporary file', async () => {
    const dir = tmp();
    const path = join(dir, 'report.json');
    writeFileSync(path, 'old');
    await writeFileAtomic(path, 'new');
    expect(readFileSync(path, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['report.json']);
  });

  it('replaces a symlink planted at the name instead of writing through it', async () => {
    const dir = tmp();
    const victim = join(tmp(), 'victim.txt');
    writeFileSync(victim, 'precious');
    symlinkSync(victim, join(dir, 'summary.md'));
    await writeFileAtomic(join(dir, 'summary.md'), '# report');
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    expect(lstatSync(join(dir, 'summary.md')).isSymbolicLink()).toBe(false);
    expect(readFileSync(join(dir, 'summary.md'), 'utf8')).toBe('# report');
  });

  it('refuses to replace a folder or a device, and cleans up after a failure', async () => {
    const dir = tmp();
    await expect(writeFileAtomic(dir, 'x')).rejects.toThrow('exists and is not a regular file');
    await expect(writeFileAtomic('/dev/null', 'x')).rejects.toThrow('exists and is not a regular file');
    await expect(writeFileAtomic(join(dir, 'missing', 'report.json'), 'x')).rejects.toThrow(/ENOENT/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('names its temporary files so a later run recognises them', () => {
    expect(TEMP_FILE.test('.report.json.1234.0a1b2c3d.tmp')).toBe(true);
    expect(TEMP_FILE.test('notes.tmp')).toBe(false);
  });

  it('gives a one-line reason without the syscall tail', () => {
    expect(writeFailureReason(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }))).toBe('ENOSPC: no space left on device');
    expect(writeFailureReason(new Error('EFBIG: file too large, write\nmore'))).toBe('EFBIG: file too large');
    expect(writeFailureReason('plain')).toBe('plain');
  });
});
