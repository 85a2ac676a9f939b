// The content-addressed store beside the database: `<dataDir>/store/<first 2 hex>/<sha256>`.
// Bytes are streamed into `store/tmp/<pid>-<uuid>.part` while hashed, fsynced, then renamed to their
// name, so a crash never leaves half a file under a real name; temp files of dead processes are removed
// when a workspace opens. The same bytes are stored once.
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { open, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { isAlive, mkdirPrivate, mkdirPrivateSync, PRIVATE_FILE, syncDir } from '../durable.js';
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
  mkdirPrivateSync(path.join(dir, 'tmp'));
  cleanTemp(dir);
  return { dir, io };
}

/**
 * Removes the temp files under `<store>/tmp` of dead processes (and anything else there not named by a pid);
 * returns their paths. Another process (the CLI beside the app) may be adding right now: its files stay.
 */
export function cleanTemp(dir: string): string[] {
  const removed: string[] = [];
  const tmp = path.join(dir, 'tmp');
  for (const name of existsSync(tmp) ? readdirSync(tmp) : []) {
    const pid = Number(/^(\d+)-/.exec(name)?.[1]);
    if (Number.isInteger(pid) && pid !== process.pid && isAlive(pid)) continue;
    rmSync(path.join(tmp, name), { force: true, recursive: true });
    removed.push(path.join(tmp, name));
  }
  return removed;
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
/** A new temp name in the store (`tmp/<pid>-<uuid>.part`: swept when its process is gone). */
export const newTempPath = (store: Store) => path.join(store.dir, 'tmp', `${process.pid}-${randomUUID()}.part`);

export async function stage(store: Store, source: ByteSource, { fileName, maxBytes }: StageOptions): Promise<Staged> {
  const tempPath = newTempPath(store);
  const hash = createHash('sha256');
  let handle: FileHandle | undefined;
  let bytes = 0;
  try {
    handle = await open(tempPath, 'wx', PRIVATE_FILE);
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
  await mkdirPrivate(path.dirname(final));
  await rename(staged.tempPath, final);
  await syncDir(path.dirname(final));
  return { path: final, isNew: true };
}

export async function discard(staged: Staged): Promise<void> {
  await rm(staged.tempPath, { force: true });
}

/**
 * Read blocks of hashFile, kept for the next file: 8 MiB allocated per file made a full check of 1 GB of
 * scans run at 0.2× openssl's rate (the garbage collector's share), against ~1.4× with them reused
 * (scripts/bench.mjs). At most two pairs are kept (16 MiB); concurrent reads beyond that allocate their own.
 */
const spareBlocks: [Buffer, Buffer][] = [];
const HASH_BLOCK = 4 * BLOCK_BYTES;

/**
 * SHA-256 of a file, read in 4 MiB blocks, the next read under way while one is hashed (a stream's
 * buffering costs a fifth of the rate). `onBytes` hears of each block hashed (progress).
 */
export async function hashFile(
  file: string,
  onBytes?: (bytes: number) => void,
): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  const blocks = spareBlocks.pop() ?? [Buffer.allocUnsafe(HASH_BLOCK), Buffer.allocUnsafe(HASH_BLOCK)];
  let bytes = 0;
  const fh = await open(file, 'r');
  try {
    let current = 0;
    let reading = fh.read(blocks[0]!, 0, blocks[0]!.length, null);
    for (;;) {
      const { bytesRead, buffer } = await reading;
      if (bytesRead === 0) break;
      current ^= 1;
      reading = fh.read(blocks[current]!, 0, blocks[current]!.length, null);
      hash.update(buffer.subarray(0, bytesRead));
      bytes += bytesRead;
      onBytes?.(bytesRead);
    }
  } finally {
    await fh.close();
  }
  // Kept only when the loop ended (its last read, of 0 bytes, has settled): after a throw a read may
  // still be filling one of them.
  if (spareBlocks.length < 2) spareBlocks.push(blocks);
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
