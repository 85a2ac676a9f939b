// A deterministic, stored-only ZIP writer. Hand-written rather than yazl because (pitfalls.md, "ZIP"):
// yazl computes CRC-32 in JS (~0.19 GB/s) and cannot take a CRC computed elsewhere without reading the file
// twice, while here every byte is read once in 1 MiB blocks and fed to SHA-256 and Node's native
// zlib.crc32 on the way to the disk (pitfalls.md measured ~0.57 GB/s for such a minimal writer). Stored only, never deflated:
// scans and PDFs are already compressed, and the importer is strict and accepts stored entries only, so
// every entry's bytes in the file are its content, checkable with any tool. The caller decides the order
// (writePackage.ts); timestamps, attributes and headers are fixed (zipFormat.ts), so the same entries in
// the same order give the same bytes. Output goes to `<out>.tmp-<pid>-<random>` beside the target, is
// fsynced, then renamed: on any error or cancel the temp file is removed and the target never appears.
import { randomBytes } from 'node:crypto';
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { DossierError } from '../errors.js';
import { checkEntryName, foldKey, printable } from './entryName.js';
import { centralHeader, endRecords, localHeader, MAX32, needsZip64End, type CentralRecord } from './zipFormat.js';
import { blockBuffers, feed, newDigest, pump } from './blocks.js';
import { PRIVATE_FILE } from '../durable.js';
import { cancelled, removeStaleTemps, syncDir, toWriteError, writeAll } from './fsUtil.js';

export type EntrySource =
  | { kind: 'file'; path: string }
  | { kind: 'bytes'; bytes: Uint8Array }
  /** `size` bytes of a file from `start`: an entry copied raw from another package (addLevel). */
  | { kind: 'slice'; path: string; start: number; size: number }
  /** Slices of several files one after the other: a package kept as its level 1 and the unit's addition. */
  | { kind: 'parts'; parts: { path: string; start: number; size: number }[] };

export interface ZipEntryInput {
  path: string;
  source: EntrySource;
}

export interface WrittenEntry {
  path: string;
  size: number;
  sha256: string;
  crc32: number;
}

export interface ZipWriteOptions {
  /** Called after every block with the content bytes written so far and `totalBytes`. */
  onProgress?: (doneBytes: number, totalBytes: number) => void;
  totalBytes?: number;
  signal?: AbortSignal;
  /** For tests only: the size/offset from which ZIP64 fields are used (default 0xFFFFFFFF). */
  zip64At?: number;
}

export class ZipWriter {
  private position = 0;
  private done = 0;
  private readonly records: CentralRecord[] = [];
  private readonly names = new Set<string>();
  private readonly buffers = blockBuffers();

  private constructor(
    private handle: FileHandle | undefined,
    readonly out: string,
    readonly tempPath: string,
    private readonly options: ZipWriteOptions,
  ) {}

  static async create(out: string, options: ZipWriteOptions = {}): Promise<ZipWriter> {
    const tempPath = `${out}.tmp-${process.pid}-${randomBytes(6).toString('hex')}`;
    if (options.signal?.aborted) throw cancelled();
    await removeStaleTemps(out);
    try {
      return new ZipWriter(await open(tempPath, 'wx', PRIVATE_FILE), out, tempPath, options);
    } catch (e) {
      throw toWriteError(e, out);
    }
  }

  /** Appends one entry, hashing it on the way; refuses a bad or duplicate name before writing anything. */
  async add(entry: ZipEntryInput): Promise<WrittenEntry> {
    if (!this.handle) throw new Error('ZipWriter: add() after finish() or abort()');
    try {
      if (this.options.signal?.aborted) throw cancelled();
      checkEntryName(entry.path);
      const key = foldKey(entry.path);
      if (this.names.has(key)) throw duplicateName(entry.path);
      this.names.add(key);
      return await this.addData(entry);
    } catch (e) {
      await this.abort();
      throw toWriteError(e, entry.path);
    }
  }

  private async addData({ path: name, source }: ZipEntryInput): Promise<WrittenEntry> {
    const out = this.handle!;
    const nameBytes = Buffer.from(name, 'utf8');
    const offset = this.position;
    const src = source.kind === 'bytes' || source.kind === 'parts' ? undefined : await open(source.path, 'r');
    try {
      const size = source.kind === 'file' ? (await src!.stat()).size : sizeOf(source);
      const header = localHeader(nameBytes, size, 0, offset, this.options.zip64At);
      await writeAll(out, header, this.position);
      this.position += header.length;
      const digest = newDigest();
      if (source.kind === 'bytes') {
        const bytes = Buffer.from(source.bytes.buffer, source.bytes.byteOffset, source.bytes.length);
        feed(digest, bytes);
        await this.append(bytes);
      } else if (source.kind === 'parts') {
        let read = 0;
        for (const part of source.parts) {
          const fh = await open(part.path, 'r');
          try {
            const { signal } = this.options;
            const write = (chunk: Buffer) => this.append(chunk);
            read += await pump({
              src: fh,
              start: part.start,
              size: part.size,
              buffers: this.buffers,
              digest,
              write,
              signal,
            });
          } finally {
            await fh.close();
          }
        }
        if (read !== size) throw changed(name);
      } else {
        const start = source.kind === 'slice' ? source.start : 0;
        const { signal } = this.options;
        const write = (chunk: Buffer) => this.append(chunk);
        const read = await pump({ src: src!, start, size, buffers: this.buffers, digest, write, signal });
        if (read !== size || (source.kind === 'file' && (await src!.stat()).size !== size)) throw changed(name);
      }
      // The CRC-32 is known only now: it goes into its place in the local header (offset 14).
      const crc = digest.crc >>> 0;
      const crcBytes = Buffer.alloc(4);
      crcBytes.writeUInt32LE(crc);
      await writeAll(out, crcBytes, offset + 14);
      this.records.push({ name: nameBytes, crc32: crc, size, offset });
      return { path: name, size, sha256: digest.hash.digest('hex'), crc32: crc };
    } finally {
      await src?.close();
    }
  }

  /** Starts writing `chunk` at the end of the file; the returned promise settles when it is written. */
  private append(chunk: Buffer): Promise<void> {
    const at = this.position;
    this.position += chunk.length;
    this.progress(chunk.length);
    return writeAll(this.handle!, chunk, at);
  }

  private progress(bytes: number): void {
    this.done += bytes;
    this.options.onProgress?.(this.done, Math.max(this.options.totalBytes ?? 0, this.done));
  }

  /** Central directory and end records, then fsync, rename and fsync of the folder. */
  async finish(): Promise<void> {
    try {
      if (this.options.signal?.aborted) throw cancelled();
      const out = this.handle!;
      const zip64At = this.options.zip64At ?? MAX32;
      const central = Buffer.concat(this.records.map((r) => centralHeader(r, zip64At)));
      const count = this.records.length;
      const end = endRecords(
        count,
        this.position,
        central.length,
        needsZip64End(count, this.position, central.length, zip64At),
      );
      await writeAll(out, Buffer.concat([central, end]), this.position);
      await out.sync();
      await out.close();
      this.handle = undefined;
      await rename(this.tempPath, this.out);
      await syncDir(path.dirname(this.out));
    } catch (e) {
      await this.abort();
      throw toWriteError(e, this.out);
    }
  }

  /** Closes and removes the temp file; the target is left as it was. Safe to call more than once. */
  async abort(): Promise<void> {
    await this.handle?.close().catch(() => {});
    this.handle = undefined;
    await rm(this.tempPath, { force: true });
  }
}

/** Writes `entries` in the given order to `out`: the one-call form of ZipWriter. */
export async function writeZip(
  out: string,
  entries: ZipEntryInput[],
  options: ZipWriteOptions = {},
): Promise<WrittenEntry[]> {
  const writer = await ZipWriter.create(out, options);
  const written: WrittenEntry[] = [];
  for (const entry of entries) written.push(await writer.add(entry));
  await writer.finish();
  return written;
}

function sizeOf(source: Exclude<EntrySource, { kind: 'file' }>): number {
  if (source.kind === 'parts') return source.parts.reduce((sum, p) => sum + p.size, 0);
  return source.kind === 'bytes' ? source.bytes.length : source.size;
}

function duplicateName(name: string): DossierError {
  return new DossierError('zip_duplicate', {
    zh: `压缩包中已有与“${printable(name)}”同名（忽略大小写）的条目。`,
    en: `The archive already has an entry named "${printable(name)}" (ignoring case).`,
  });
}

function changed(name: string): DossierError {
  return new DossierError('source_changed', {
    zh: `写入“${printable(name)}”时源文件被修改，导出已中止，未留下任何文件。请重试。`,
    en: `The file for "${printable(name)}" changed while it was being written; the export stopped and left nothing. Try again.`,
  });
}
