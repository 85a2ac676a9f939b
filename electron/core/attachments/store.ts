// The content-addressed store beside the database: `<dataDir>/store/<first 2 hex>/<sha256>`.
// Bytes are streamed into `store/tmp/<pid>-<uuid>.part` while hashed, fsynced, then renamed to their
// name, so a crash never leaves half a file under a real name; temp files of dead processes are removed
// when a workspace opens. The same bytes are stored once.
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { mkdir, open, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { syncDir } from '../durable.js';
import path from 'node:path';
import { DossierError } from '../errors.js';

/** Hashing and writing in 1 MiB blocks: node's sha256 runs at half speed on 64 KiB chunks (pitfalls.md). */
export const BLOCK_BYTES = 1 << 20;
const SHA256 = /^[0-9a-f]{64}$/;

export interface StoreIo {
  /** Writes one whole block to the temp file. Tests replace it to simulate a full disk. */
  write(handle: FileHandle, block: Buffer): Promise<void>;
}

export interface Store {
  dir: string;
  io: StoreIo;
}

export const realIo: StoreIo = {
  async write(handle, block) {
    let offset = 0;
    while (offset < block.length) {
      const { bytesWritten } = await handle.write(block, offset, block.length - offset);
      offset += bytesWritten;
    }
  },
};

/** Opens (creates) the store of a data folder and removes the temp files a crashed process left. */
export function openStore(dataDir: string, io: StoreIo = realIo): Store {
  const dir = path.join(dataDir, 'store');
  mkdirSync(path.join(dir, 'tmp'), { recursive: true });
  cleanTemp(dir);
  return { dir, io };
}

/** Another process (the CLI beside the app) may be adding right now: only dead processes' files go. */
function cleanTemp(dir: string): void {
  for (const name of readdirSync(path.join(dir, 'tmp'))) {
    const pid = Number(/^(\d+)-/.exec(name)?.[1]);
    if (Number.isInteger(pid) && pid !== process.pid && isAlive(pid)) continue;
    rmSync(path.join(dir, 'tmp', name), { force: true, recursive: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function storedPath(store: Store, sha256: string): string {
  if (!SHA256.test(sha256)) throw new Error(`not a sha256: ${sha256}`);
  return path.join(store.dir, sha256.slice(0, 2), sha256);
}

export interface Staged {
  tempPath: string;
  sha256: string;
  bytes: number;
}

/** Bytes to add: a stream (an HTTP body, a file stream) or, for bytes already in memory, an array of chunks. */
export type ByteSource = AsyncIterable<Uint8Array | string> | Iterable<Uint8Array>;

export interface StageOptions {
  fileName: string;
  maxBytes: number;
}

/**
 * Streams a source into a temp file, hashing on the way, and fsyncs it. On any failure (source error,
 * too large, disk full) the temp file is removed and nothing else was touched.
 */
export async function stage(store: Store, source: ByteSource, { fileName, maxBytes }: StageOptions): Promise<Staged> {
  const tempPath = path.join(store.dir, 'tmp', `${process.pid}-${randomUUID()}.part`);
  const hash = createHash('sha256');
  let handle: FileHandle | undefined;
  let bytes = 0;
  try {
    handle = await open(tempPath, 'wx');
    const fh = handle;
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    // One block is written while the next is read and hashed; a failed write surfaces at the next await.
    let writing: Promise<void> = Promise.resolve();
    const flush = async (block: Buffer) => {
      hash.update(block);
      await writing;
      writing = store.io.write(fh, block);
      writing.catch(() => {});
    };
    for await (const chunk of source) {
      const buf =
        typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
      bytes += buf.length;
      if (bytes > maxBytes) throw tooLarge(fileName, maxBytes);
      if (pendingBytes === 0 && buf.length >= BLOCK_BYTES) {
        await flush(buf);
        continue;
      }
      pending.push(buf);
      pendingBytes += buf.length;
      if (pendingBytes >= BLOCK_BYTES) {
        const block = Buffer.concat(pending, pendingBytes);
        pending = [];
        pendingBytes = 0;
        await flush(block);
      }
    }
    if (pendingBytes > 0) await flush(Buffer.concat(pending, pendingBytes));
    await writing;
    await fh.sync();
    await fh.close();
    handle = undefined;
    return { tempPath, sha256: hash.digest('hex'), bytes };
  } catch (e) {
    await handle?.close().catch(() => {});
    await rm(tempPath, { force: true });
    throw toWriteError(e, fileName, tempPath);
  }
}

/**
 * Moves a staged file to its name. When the name exists with these very bytes, the temp file is dropped
 * (the same scan is stored once); a stored file that no longer hashes to its name is damaged and is
 * replaced by the good bytes, so adding a scan again repairs what the integrity check found.
 */
export async function commit(store: Store, staged: Staged): Promise<{ path: string; isNew: boolean }> {
  const final = storedPath(store, staged.sha256);
  const existing = await stat(final).catch(() => null);
  if (existing?.isFile() && existing.size === staged.bytes && (await hashFile(final)).sha256 === staged.sha256) {
    await discard(staged);
    return { path: final, isNew: false };
  }
  await mkdir(path.dirname(final), { recursive: true });
  await rename(staged.tempPath, final);
  await syncDir(path.dirname(final));
  return { path: final, isNew: true };
}

export async function discard(staged: Staged): Promise<void> {
  await rm(staged.tempPath, { force: true });
}

/** SHA-256 of a file, read in 1 MiB blocks. */
export async function hashFile(file: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: BLOCK_BYTES })) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), bytes };
}

/** Every file stored under a hash name, and anything else found in the hash folders. */
export function listStored(store: Store): { hashes: string[]; strays: string[] } {
  const hashes: string[] = [];
  const strays: string[] = [];
  for (const prefix of readdirSync(store.dir)) {
    if (prefix === 'tmp') continue;
    const folder = path.join(store.dir, prefix);
    if (!/^[0-9a-f]{2}$/.test(prefix)) {
      strays.push(prefix);
      continue;
    }
    for (const name of readdirSync(folder)) {
      if (SHA256.test(name) && name.startsWith(prefix)) hashes.push(name);
      else strays.push(`${prefix}/${name}`);
    }
  }
  return { hashes: hashes.sort(), strays };
}

export function tooLarge(fileName: string, maxBytes: number): DossierError {
  const mb = (maxBytes / 1e6).toFixed(0);
  return new DossierError('too_large', {
    zh: `“${fileName}”超过 ${mb} MB，未添加。请拆分或以较低分辨率重新扫描；上限可在上传规格中修改。`,
    en: `"${fileName}" is larger than ${mb} MB and was not added. Split it or scan at a lower resolution; the limit can be changed in the upload profile.`,
  });
}

function toWriteError(e: unknown, fileName: string, tempPath: string): unknown {
  if (e instanceof DossierError) return e;
  const { code, path: failedPath } = e as NodeJS.ErrnoException;
  // The source vanished between choosing and adding (the temp file's own ENOENT is a write failure).
  if (code === 'ENOENT' && failedPath !== undefined && failedPath !== tempPath) return missingFile(fileName);
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new DossierError('disk_full', {
      zh: `磁盘空间不足，“${fileName}”未添加，也未留下任何部分文件。请清理磁盘后重试。`,
      en: `The disk is full: "${fileName}" was not added and nothing partial was left. Free some space and try again.`,
    });
  }
  const detail = e instanceof Error ? e.message : String(e);
  return new DossierError('write_failed', {
    zh: `“${fileName}”未能添加（${detail}），未留下任何部分文件。`,
    en: `"${fileName}" could not be added (${detail}); nothing partial was left.`,
  });
}

export function missingFile(fileName: string): DossierError {
  return new DossierError('file_missing', {
    zh: `找不到文件“${fileName}”：它可能在选择后被移动或删除了。请重新选择。`,
    en: `"${fileName}" is gone: it may have been moved or deleted after it was chosen. Choose it again.`,
  });
}
