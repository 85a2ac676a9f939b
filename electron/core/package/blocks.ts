// The one loop that moves entry bytes, for the writer (file → package) and the reader (package → hash, or
// → extracted file): 1 MiB blocks, because node's SHA-256 runs at half speed on 64 KiB chunks, and SHA-256
// plus Node's native CRC-32 on every block (pitfalls.md, "Hashing and signing"). Three rotating buffers
// let block i+1 be read while block i is hashed and block i-1 is written.
import { createHash, type Hash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { crc32 } from 'node:zlib';
import { BLOCK_BYTES } from '../attachments/store.js';
import { cancelled } from './fsUtil.js';

export interface Digest {
  hash: Hash;
  crc: number;
}

export function newDigest(): Digest {
  return { hash: createHash('sha256'), crc: 0 };
}

export function feed(digest: Digest, chunk: Buffer): void {
  digest.hash.update(chunk);
  digest.crc = crc32(chunk, digest.crc);
}

/** Three block buffers; no larger than `size` when the data is known to be smaller than a block. */
export function blockBuffers(size = BLOCK_BYTES): Buffer[] {
  const bytes = Math.max(1, Math.min(BLOCK_BYTES, size));
  return [0, 1, 2].map(() => Buffer.allocUnsafe(bytes));
}

export interface PumpOptions {
  src: FileHandle;
  start: number;
  size: number;
  buffers: Buffer[];
  digest: Digest;
  /** Where the block goes after hashing; the returned promise settles when it is written. */
  write?: (chunk: Buffer) => Promise<void>;
  signal?: AbortSignal | undefined;
}

/** Reads `size` bytes of `src` from `start` (stopping early at its end); returns the count read. */
export async function pump({ src, start, size, buffers, digest, write, signal }: PumpOptions): Promise<number> {
  let total = 0;
  let turn = 0;
  const readNext = async (): Promise<Buffer> => {
    const buf = buffers[turn++ % buffers.length]!;
    const want = Math.min(buf.length, size - total);
    if (want <= 0) return buf.subarray(0, 0);
    const { bytesRead } = await src.read(buf, 0, want, start + total);
    total += bytesRead;
    return buf.subarray(0, bytesRead);
  };
  let writing = Promise.resolve();
  let next = readNext();
  try {
    for (;;) {
      const chunk = await next;
      if (chunk.length === 0) break;
      if (signal?.aborted) throw cancelled();
      next = readNext();
      feed(digest, chunk);
      if (!write) continue;
      await writing;
      writing = write(chunk);
      // A failed write surfaces at the next await; until then it must not count as unhandled.
      writing.catch(() => {});
    }
    await writing;
  } finally {
    // On a cancel or a failure nothing may still be reading or writing when the caller closes its handles.
    await next.catch(() => {});
    await writing.catch(() => {});
  }
  return total;
}
