// The strict package reader. yauzl parses the central directory and refuses `..`, absolute, backslash and
// drive-letter names and inconsistent sizes; on top come every check of pitfalls.md, "ZIP": caps on archive
// size, entry count and total declared size; zipChecks.ts per header; no two names meeting after NFC and
// case folding, no name that is also a folder of another; and data ranges that tile the file exactly
// (overlapping entries are a zip-bomb technique, gaps would be bytes no hash covers). Entry data is then
// read by offset with our own 1 MiB blocks rather than yauzl's 16 KiB streams, CRC-32 and SHA-256 computed
// on the way (blocks.ts). Extraction is in zipExtract.ts.
import { open, type FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';
import yauzl, { type Entry, type LocalFileHeader } from 'yauzl';
import { printable } from './entryName.js';
import { blockBuffers, newDigest, pump } from './blocks.js';
import { extractAll, type ExtractedFile, type ExtractOptions } from './zipExtract.js';
import {
  checkCentral,
  checkLocal,
  checkNoFileIsAFolder,
  checkTiling,
  checkBytes,
  checkUnique,
  HEAD_BYTES,
  readerRefusal,
  refuse,
} from './zipChecks.js';
import { centralHeader, endRecords, localHeader, MAX32, needsZip64End } from './zipFormat.js';
import { readRaw } from './zipRaw.js';

export interface ReadLimits {
  maxArchiveBytes: number;
  maxEntries: number;
  maxTotalBytes: number;
  /**
   * From which value a size or offset is in ZIP64 fields (0xFFFFFFFF): ZIP64 is refused where it is not
   * needed. Tests lower it, as they lower the writer's, to read ZIP64 without 4 GiB files.
   */
  zip64At?: number;
}

/** 200 scans of 5 MB make 1 GB: these leave room for large dossiers and stop hostile ones early. */
export const DEFAULT_LIMITS: ReadLimits = {
  maxArchiveBytes: 8 * 2 ** 30,
  maxEntries: 20_000,
  maxTotalBytes: 8 * 2 ** 30,
};

export interface PackageEntry {
  path: string;
  size: number;
  crc32: number;
  /** Where the entry's local header starts, and its data (stored: the data is the content). */
  headerStart: number;
  dataStart: number;
}

export interface EntryDigest {
  sha256: string;
  size: number;
  /** False when the bytes do not match the CRC-32 recorded in the headers: the entry was damaged. */
  crcOk: boolean;
}

export interface OpenedPackage {
  file: string;
  size: number;
  /** In file order. */
  entries: PackageEntry[];
  entry(path: string): PackageEntry | undefined;
  /** Streams one entry through SHA-256 and CRC-32, and to `write` if given. */
  read(entry: PackageEntry, write?: (chunk: Buffer) => Promise<void>, signal?: AbortSignal): Promise<EntryDigest>;
  /** A small entry's bytes (a manifest, a signature), refused beyond `maxBytes`. */
  readBytes(entry: PackageEntry, maxBytes: number): Promise<EntryDigest & { bytes: Buffer }>;
  /** Every entry into `destDir`, which must not exist yet (zipExtract.ts). */
  extractAll(destDir: string, options?: ExtractOptions): Promise<ExtractedFile[]>;
  close(): Promise<void>;
}

/** yauzl reads through our file handle; it never closes it (close() here does). */
class HandleReader extends yauzl.RandomAccessReader {
  constructor(private readonly fh: FileHandle) {
    super();
  }
  override _readStreamForRange(): Readable {
    throw new Error('zipRead.ts reads entry data itself, in blocks (blocks.ts), never through yauzl streams');
  }
  override read(buffer: Buffer, offset: number, length: number, position: number, cb: (err: Error | null) => void) {
    const done = cb as (err: Error | null, bytesRead?: number) => void;
    this.fh.read(buffer, offset, length, position).then((r) => done(null, r.bytesRead), done);
  }
  override close(cb: (err: Error | null) => void) {
    cb(null);
  }
}

export async function openPackage(file: string, limits: ReadLimits = DEFAULT_LIMITS): Promise<OpenedPackage> {
  const fh = await open(file, 'r');
  try {
    const size = (await fh.stat()).size;
    if (size === 0) throw refuse('package_empty', file, '文件为空（0 字节）。', 'the file is empty (0 bytes).');
    if (size > limits.maxArchiveBytes) {
      throw refuse(
        'package_too_large',
        file,
        `文件超过上限 ${limits.maxArchiveBytes} 字节。`,
        `it is larger than the limit of ${limits.maxArchiveBytes} bytes.`,
      );
    }
    const entries = await readDirectory(fh, file, size, limits);
    return opened(fh, file, size, entries);
  } catch (e) {
    // Its first bytes tell a file that is something else (a renamed PDF) from a broken package.
    const head = Buffer.alloc(HEAD_BYTES);
    const read = await fh.read(head, 0, HEAD_BYTES, 0).catch(() => null);
    await fh.close();
    throw await readerRefusal(e, file, read ? head.subarray(0, read.bytesRead) : null);
  }
}

async function readDirectory(fh: FileHandle, file: string, size: number, limits: ReadLimits): Promise<PackageEntry[]> {
  // Our own reading of the end records and the directory first: its refusals name the cause (zipRaw.ts).
  const zip64At = limits.zip64At ?? MAX32;
  const raw = await readRaw(fh, file, size, limits.maxEntries, zip64At);
  const options = { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: true };
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromRandomAccessReader(new HandleReader(fh), size, options, (e, z) => (e ? reject(e) : resolve(z))),
  );
  try {
    if (zip.entryCount > limits.maxEntries) {
      throw refuse(
        'zip_too_many_entries',
        file,
        `条目过多（${zip.entryCount}，上限 ${limits.maxEntries}）。`,
        `it has too many entries (${zip.entryCount}, limit ${limits.maxEntries}).`,
      );
    }
    if (zip.comment !== '') throw refuse('zip_not_canonical', file, '压缩包带有注释。', 'the archive has a comment.');
    // yauzl's cursor starts at the central directory and ends after it (its typings call it a boolean).
    const cursor = () => (zip as unknown as { readEntryCursor: number }).readEntryCursor;
    const centralStart = cursor();
    const central: Entry[] = [];
    const seen = new Map<string, string>();
    let declared = 0;
    for await (const entry of zip.eachEntry()) {
      checkCentral(entry, file, size);
      checkUnique(entry.fileName, seen, file);
      declared += entry.uncompressedSize;
      if (declared > limits.maxTotalBytes) {
        throw refuse(
          'zip_bomb',
          file,
          `条目声明的总大小超过上限 ${limits.maxTotalBytes} 字节。`,
          `the entries declare more than ${limits.maxTotalBytes} bytes in all.`,
        );
      }
      central.push(entry);
    }
    checkNoFileIsAFolder(seen, file);
    await checkEnd(fh, file, size, central.length, centralStart, cursor(), zip64At);
    const locals: LocalFileHeader[] = [];
    for (const e of central) locals.push(await zip.readLocalFileHeaderPromise(e));
    const entries = central.map((e, i) => toEntry(e, locals[i]!));
    checkTiling(entries, centralStart, file);
    central.forEach((e, i) => checkLocal(e, locals[i]!, file));
    // Last, every header byte for byte as the writer makes it (what no field check above has named: a
    // ZIP64 field where no size needs it, one that says otherwise than the 32-bit fields, a disk number).
    for (const [i, e] of central.entries()) {
      const record = {
        name: e.fileNameRaw,
        crc32: e.crc32,
        size: e.uncompressedSize,
        offset: e.relativeOffsetOfLocalHeader,
      };
      const local = await readLocalBytes(fh, e.relativeOffsetOfLocalHeader, locals[i]!);
      const { name, size: bytes, crc32, offset } = record;
      checkBytes(e.fileName, 'central', raw?.central[i]?.bytes ?? null, centralHeader(record, zip64At), file);
      checkBytes(e.fileName, 'local', local, localHeader(name, bytes, crc32, offset, zip64At), file);
    }
    return entries.sort((a, b) => a.headerStart - b.headerStart);
  } finally {
    zip.close();
  }
}

async function readLocalBytes(fh: FileHandle, at: number, local: LocalFileHeader): Promise<Buffer> {
  const length = local.fileDataStart - at;
  const buf = Buffer.alloc(length);
  await fh.read(buf, 0, length, at);
  return buf;
}

function toEntry(e: Entry, local: LocalFileHeader): PackageEntry {
  return {
    path: e.fileName,
    size: e.uncompressedSize,
    crc32: e.crc32,
    headerStart: e.relativeOffsetOfLocalHeader,
    dataStart: local.fileDataStart,
  };
}

/**
 * After the central directory come the end records, exactly as the writer makes them (zipFormat.ts): no
 * comment, no trailing bytes, and no field (a count, a size, an offset) that says anything else.
 */
async function checkEnd(
  fh: FileHandle,
  file: string,
  size: number,
  count: number,
  cdStart: number,
  cdEnd: number,
  zip64At: number,
) {
  const tail = size - cdEnd;
  // The ZIP64 form exactly where the counts and offsets need it (zipRaw.ts has said why when it is not so).
  const zip64 = needsZip64End(count, cdStart, cdEnd - cdStart, zip64At);
  const actual = Buffer.alloc(Math.min(tail, 1024));
  await fh.read(actual, 0, actual.length, cdEnd);
  if (tail === actual.length && actual.equals(endRecords(count, cdStart, cdEnd - cdStart, zip64))) return;
  throw refuse(
    'zip_not_canonical',
    file,
    '中央目录之后的结束记录与格式规定的不同，或其后还有多余的字节。',
    'the end records after the central directory differ from what the format prescribes, or bytes follow them.',
  );
}

function opened(fh: FileHandle, file: string, size: number, entries: PackageEntry[]): OpenedPackage {
  const byPath = new Map(entries.map((e) => [e.path, e]));
  // One set of block buffers, reused entry after entry (fresh 3 MiB per entry would pile up as garbage and
  // raise the peak RSS); a read that overlaps another, or a small entry, gets its own.
  const shared = blockBuffers();
  let sharedBusy = false;
  const read: OpenedPackage['read'] = async (entry, write, signal) => {
    const digest = newDigest();
    const useShared = !sharedBusy && entry.size > shared[0]!.length / 4;
    const buffers = useShared ? shared : blockBuffers(entry.size);
    if (useShared) sharedBusy = true;
    let got: number;
    try {
      got = await pump({ src: fh, start: entry.dataStart, size: entry.size, buffers, digest, write, signal });
    } finally {
      if (useShared) sharedBusy = false;
    }
    return {
      sha256: digest.hash.digest('hex'),
      size: got,
      crcOk: got === entry.size && digest.crc >>> 0 === entry.crc32,
    };
  };
  const pkg: OpenedPackage = {
    file,
    size,
    entries,
    entry: (p) => byPath.get(p),
    read,
    async readBytes(entry, maxBytes) {
      if (entry.size > maxBytes) {
        throw refuse(
          'package_entry_too_large',
          file,
          `条目“${printable(entry.path)}”超过 ${maxBytes} 字节。`,
          `the entry "${printable(entry.path)}" is larger than ${maxBytes} bytes.`,
        );
      }
      const chunks: Buffer[] = [];
      const digest = await read(entry, async (c) => void chunks.push(Buffer.from(c)));
      return { ...digest, bytes: Buffer.concat(chunks) };
    },
    extractAll: (destDir, options) => extractAll(pkg, destDir, options),
    close: () => fh.close(),
  };
  return pkg;
}
