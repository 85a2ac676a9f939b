// Writing files so that a crash never leaves half of one under its real name: temp file, fsync, rename,
// and the rename itself made durable.
import { closeSync, copyFileSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';

/** Makes a rename durable; directories cannot be opened for fsync on Windows, where NTFS journals it. */
export async function syncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const fh = await open(dir, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/** Copies through a temp file beside the target, fsync, rename: the target appears whole or not at all. */
export function copyFileAtomic(from: string, to: string): void {
  const temp = `${to}.${process.pid}.tmp`;
  try {
    copyFileSync(from, temp);
    const fd = openSync(temp, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, to);
  } catch (e) {
    rmSync(temp, { force: true });
    throw e;
  }
}
