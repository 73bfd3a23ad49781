import { randomBytes } from 'node:crypto';
import { open, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** A fresh name next to `path`, so a rename onto `path` stays on one file system and is atomic. */
export const temporarySibling = (path: string, purpose: string): string =>
  join(dirname(path), `.${basename(path)}.${purpose}-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);

/** Flushes a file (or a directory entry, after a rename) to disk. */
export async function fsyncPath(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Removes a temporary SQLite file together with its journal files; never fails. */
export async function removeQuietly(path: string): Promise<void> {
  await Promise.all(['', '-wal', '-shm', '-journal'].map((suffix) => rm(path + suffix, { force: true })));
}
