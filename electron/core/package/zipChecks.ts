// What the strict reader demands of each ZIP header, beyond what yauzl checks (pitfalls.md, "ZIP"): stored
// entries only (no inflation, so no "real expansion" bomb), regular files only (never a symlink that points
// out of the extraction folder), safe names, and headers exactly as zipFormat.ts writes them.
import path from 'node:path';
import type { Entry, LocalFileHeader } from 'yauzl';
import { DossierError } from '../errors.js';
import { checkEntryName, foldKey, printable } from './entryName.js';
import {
  DOS_DATE,
  DOS_TIME,
  EXTERNAL_ATTRS,
  FLAGS,
  MADE_BY,
  MAX32,
  VERSION_NEEDED,
  VERSION_NEEDED_ZIP64,
  ZIP64_EXTRA_ID,
} from './zipFormat.js';

/** A refusal naming the package file (and the entry, in the message itself). */
export function refuse(code: string, file: string, zh: string, en: string): DossierError {
  const name = path.basename(file);
  return new DossierError(code, {
    zh: `“${name}”不是可接受的申报包：${zh}`,
    en: `"${name}" is not an acceptable package: ${en}`,
  });
}

/** Where an entry lies in the file: its local header, its data. */
export interface Range {
  path: string;
  headerStart: number;
  dataStart: number;
  size: number;
}

const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFLNK = 0o120000;
const S_IFDIR = 0o040000;
const DOS_DIRECTORY = 0x10;

/** The checks on one central-directory record, in the order that gives the most specific reason first. */
export function checkCentral(entry: Entry, file: string, archiveBytes: number): void {
  const name = printable(entry.fileName);
  if (entry.compressionMethod !== 0) {
    throw refuse(
      'zip_compressed',
      file,
      `条目“${name}”是压缩存储的（方法 ${entry.compressionMethod}），而申报包只含不压缩（stored）的条目；压缩条目可被用作解压炸弹。`,
      `the entry "${name}" is compressed (method ${entry.compressionMethod}); packages hold stored entries only, and compressed ones can be decompression bombs.`,
    );
  }
  const mode = entry.versionMadeBy >> 8 === 3 ? entry.externalFileAttributes >>> 16 : 0;
  const type = mode & S_IFMT;
  const isDir =
    type === S_IFDIR || (entry.externalFileAttributes & DOS_DIRECTORY) !== 0 || entry.fileName.endsWith('/');
  if (type === S_IFLNK || isDir || (type !== 0 && type !== S_IFREG)) {
    const what =
      type === S_IFLNK
        ? ['符号链接', 'a symbolic link']
        : isDir
          ? ['文件夹', 'a folder']
          : ['特殊文件', 'a special file'];
    throw refuse(
      'zip_not_regular',
      file,
      `条目“${name}”是${what[0]}：申报包只含普通文件。`,
      `the entry "${name}" is ${what[1]}; packages hold regular files only.`,
    );
  }
  if (!entry.fileNameRaw.equals(Buffer.from(entry.fileName, 'utf8'))) {
    throw refuse('zip_bad_name', file, `条目名“${name}”不是 UTF-8 编码。`, `the entry name "${name}" is not UTF-8.`);
  }
  checkEntryName(entry.fileName);
  if (entry.uncompressedSize > archiveBytes) {
    throw refuse(
      'zip_bomb',
      file,
      `条目“${name}”声明的大小（${entry.uncompressedSize} 字节）超过整个文件（${archiveBytes} 字节）：这是解压炸弹的特征。`,
      `the entry "${name}" declares ${entry.uncompressedSize} bytes, more than the whole file (${archiveBytes} bytes): a zip-bomb sign.`,
    );
  }
  const zip64 = zip64Field(entry.extraFields, entry.fileName, file);
  const expected: [string, number, number][] = [
    ['version made by', entry.versionMadeBy, MADE_BY],
    ['version needed', entry.versionNeededToExtract, zip64 ? VERSION_NEEDED_ZIP64 : VERSION_NEEDED],
    ['flags', entry.generalPurposeBitFlag, FLAGS],
    ['time', entry.lastModFileTime, DOS_TIME],
    ['date', entry.lastModFileDate, DOS_DATE],
    ['internal attributes', entry.internalFileAttributes, 0],
    ['external attributes', entry.externalFileAttributes, EXTERNAL_ATTRS],
    ['comment length', entry.fileCommentLength, 0],
  ];
  for (const [field, actual, want] of expected) if (actual !== want) throw notCanonical(file, entry.fileName, field);
}

/** The local header must repeat the central record exactly: a reader that trusts either sees the same file. */
export function checkLocal(entry: Entry, local: LocalFileHeader, file: string): void {
  const fields: [string, number, number][] = [
    ['local version needed', local.versionNeededToExtract, entry.versionNeededToExtract],
    ['local flags', local.generalPurposeBitFlag, entry.generalPurposeBitFlag],
    ['local method', local.compressionMethod, entry.compressionMethod],
    ['local time', local.lastModFileTime, entry.lastModFileTime],
    ['local date', local.lastModFileDate, entry.lastModFileDate],
    ['local CRC-32', local.crc32, entry.crc32],
  ];
  for (const [field, actual, want] of fields) if (actual !== want) throw notCanonical(file, entry.fileName, field);
  if (!local.fileName.equals(entry.fileNameRaw)) throw notCanonical(file, entry.fileName, 'local name');
  const extras = parseExtras(local.extraField, entry.fileName, file);
  const big = local.uncompressedSize === MAX32 && local.compressedSize === MAX32;
  const sizes = big ? readZip64(extras, 2, entry.fileName, file) : [local.uncompressedSize, local.compressedSize];
  if (sizes[0] !== entry.uncompressedSize || sizes[1] !== entry.compressedSize || (!big && extras.length > 0)) {
    throw notCanonical(file, entry.fileName, 'local sizes');
  }
}

/** Only one extra field is ever written: ZIP64 (0x0001). Anything else (a Unicode-path override…) refused. */
function zip64Field(extras: { id: number; data: Buffer }[], name: string, file: string): Buffer | null {
  if (extras.length === 0) return null;
  if (extras.length > 1 || extras[0]!.id !== ZIP64_EXTRA_ID) throw notCanonical(file, name, 'extra fields');
  return extras[0]!.data;
}

function parseExtras(raw: Buffer, name: string, file: string): { id: number; data: Buffer }[] {
  const extras: { id: number; data: Buffer }[] = [];
  for (let at = 0; at < raw.length;) {
    if (at + 4 > raw.length) throw notCanonical(file, name, 'local extra fields');
    const end = at + 4 + raw.readUInt16LE(at + 2);
    if (end > raw.length) throw notCanonical(file, name, 'local extra fields');
    extras.push({ id: raw.readUInt16LE(at), data: raw.subarray(at + 4, end) });
    at = end;
  }
  zip64Field(extras, name, file);
  return extras;
}

function readZip64(extras: { id: number; data: Buffer }[], count: number, name: string, file: string): number[] {
  const data = extras[0]?.data;
  if (!data || data.length !== 8 * count) throw notCanonical(file, name, 'local ZIP64 field');
  return Array.from({ length: count }, (_, i) => Number(data.readBigUInt64LE(8 * i)));
}

function notCanonical(file: string, entryName: string, field: string): DossierError {
  const name = printable(entryName);
  return refuse(
    'zip_not_canonical',
    file,
    `条目“${name}”的 ZIP 头字段（${field}）与本格式规定的不同：文件不是按申报包格式写出的，或已被改动。`,
    `the ZIP header field "${field}" of the entry "${name}" differs from what the format prescribes: the file was not written as a package, or it was altered.`,
  );
}

export function checkUnique(name: string, seen: Map<string, string>, file: string): void {
  const key = foldKey(name);
  const other = seen.get(key);
  if (other === undefined) return void seen.set(key, name);
  const [zh, en] =
    other === name
      ? ['重复出现', 'appears twice']
      : [`与“${printable(other)}”在忽略大小写后相同`, `is the same as "${printable(other)}" once case is ignored`];
  throw refuse('zip_duplicate', file, `条目“${printable(name)}”${zh}。`, `the entry "${printable(name)}" ${en}.`);
}

/** "a" and "a/b" cannot both be extracted: one would have to be a file and a folder at once. */
export function checkNoFileIsAFolder(seen: Map<string, string>, file: string): void {
  for (const [key, name] of seen) {
    for (let i = key.indexOf('/'); i !== -1; i = key.indexOf('/', i + 1)) {
      if (seen.has(key.slice(0, i))) {
        throw refuse(
          'zip_bad_name',
          file,
          `条目“${printable(name)}”位于同名文件之下。`,
          `the entry "${printable(name)}" lies under a file of the same name.`,
        );
      }
    }
  }
}

/** Entries, in offset order, must cover [0, central directory) exactly: no overlap, no gap. */
export function checkTiling(entries: Range[], centralStart: number, file: string): void {
  const sorted = [...entries].sort((a, b) => a.headerStart - b.headerStart);
  let expected = 0;
  for (const e of [
    ...sorted,
    { path: '(central directory)', headerStart: centralStart, dataStart: centralStart, size: 0 },
  ]) {
    if (e.headerStart < expected) {
      throw refuse(
        'zip_overlap',
        file,
        `条目“${printable(e.path)}”与前一个条目的数据重叠：这是解压炸弹的手法。`,
        `the entry "${printable(e.path)}" overlaps the data of the previous one: a zip-bomb technique.`,
      );
    }
    if (e.headerStart > expected) {
      throw refuse(
        'zip_gap',
        file,
        `条目“${printable(e.path)}”之前有不属于任何条目的字节。`,
        `there are bytes before the entry "${printable(e.path)}" that belong to no entry.`,
      );
    }
    expected = e.dataStart + e.size;
  }
  // The central directory lists the entries in file order, as the writer does: a permuted one is another file.
  if (entries.some((e, i) => i > 0 && e.headerStart < entries[i - 1]!.headerStart)) {
    throw refuse(
      'zip_not_canonical',
      file,
      '中央目录中的条目顺序与文件中的顺序不同。',
      'the central directory does not list the entries in file order.',
    );
  }
}

/** yauzl's own refusals, translated: its name checks (strictFileNames), truncation, bad signatures. */
export function fromYauzl(e: unknown, file: string): DossierError {
  if (e instanceof DossierError) return e;
  const message = e instanceof Error ? e.message : String(e);
  const name = /^(?:invalid characters in fileName|absolute path|invalid relative path): (.*)$/s.exec(message)?.[1];
  if (name !== undefined) {
    try {
      checkEntryName(name);
    } catch (refusal) {
      return refusal as DossierError;
    }
  }
  if (/End of central directory record signature not found|unexpected EOF|overflows file bounds/.test(message)) {
    return refuse(
      'zip_truncated',
      file,
      `它不是 ZIP 压缩包，或已被截断（${message}）。`,
      `it is not a ZIP archive, or it was truncated (${message}).`,
    );
  }
  return refuse('zip_invalid', file, `ZIP 结构无效（${message}）。`, `its ZIP structure is invalid (${message}).`);
}
