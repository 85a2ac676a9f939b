// What the strict reader demands of each ZIP header, beyond what yauzl checks (pitfalls.md, "ZIP"): stored
// entries only (no inflation, so no "real expansion" bomb), regular files only (never a symlink that points
// out of the extraction folder), safe names, and headers exactly as zipFormat.ts writes them.
import path from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
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
  SIG_LOCAL,
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

const ENCRYPTED: [string, string] = [
  '申报包从不加密（其真实性由签名保证），加密的内容无法校验。',
  'packages are never encrypted (their signatures vouch for them), and encrypted content cannot be verified.',
];

const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFLNK = 0o120000;
const S_IFDIR = 0o040000;
const DOS_DIRECTORY = 0x10;

/** An entry flagged as encrypted (bit 0), named; zipRaw.ts says it before yauzl finds its sizes odd. */
export function encryptedEntry(file: string, entryName: string): DossierError {
  const name = printable(entryName);
  return refuse(
    'zip_encrypted',
    file,
    `条目“${name}”已加密：${ENCRYPTED[0]}`,
    `the entry "${name}" is encrypted: ${ENCRYPTED[1]}`,
  );
}

/** The checks on one central-directory record, in the order that gives the most specific reason first. */
export function checkCentral(entry: Entry, file: string, archiveBytes: number): void {
  const name = printable(entry.fileName);
  // Bit 0: traditional PKWARE encryption (yauzl refuses strong encryption, bit 6, itself).
  if ((entry.generalPurposeBitFlag & 0x0001) !== 0) throw encryptedEntry(file, entry.fileName);
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
  if (sizes[0] !== entry.uncompressedSize || sizes[1] !== entry.compressedSize) {
    // Two readers would see two different files: one trusting the local header, one the directory.
    const name = printable(entry.fileName);
    const [l, c] = [`${sizes[0]}/${sizes[1]}`, `${entry.uncompressedSize}/${entry.compressedSize}`];
    throw refuse(
      'zip_size_mismatch',
      file,
      `条目“${name}”的本地头记其大小为 ${l} 字节（原始/存储），而中央目录记为 ${c} 字节：文件已损坏或被改动过。`,
      `the local header of the entry "${name}" gives its size as ${l} bytes (original/stored), the central directory as ${c}: the file is damaged or was altered.`,
    );
  }
  if (!big && extras.length > 0) throw unneededZip64(file, entry.fileName, 'local');
}

/**
 * A header byte for byte as zipFormat.ts writes it for this entry. What the field checks have not named
 * by now is a ZIP64 field where no size or offset needs one, or one whose 32-bit fields say something
 * other than 0xFFFFFFFF beside it; anything else (a disk number) is a header of another writer.
 */
export function checkBytes(
  entryName: string,
  which: 'central' | 'local',
  actual: Buffer | null,
  expected: Buffer,
  file: string,
): void {
  if (actual === null || actual.equals(expected)) return;
  const extraLength = (h: Buffer) => h.readUInt16LE(which === 'central' ? 30 : 28);
  if (extraLength(actual) > 0 && extraLength(expected) === 0) throw unneededZip64(file, entryName, which);
  if (extraLength(actual) > 0) {
    const name = printable(entryName);
    throw refuse(
      'zip_zip64_invalid',
      file,
      `条目“${name}”的${which === 'central' ? '中央目录' : '本地'}头中，ZIP64 字段与 32 位字段所记的大小或位置不符（需要 ZIP64 时 32 位字段应填 0xFFFFFFFF）：文件已损坏或被改动过。`,
      `in the ${which} header of the entry "${name}", the ZIP64 field and the 32-bit fields disagree on a size or offset (where ZIP64 is needed, the 32-bit fields hold 0xFFFFFFFF): the file is damaged or was altered.`,
    );
  }
  throw notCanonical(file, entryName, which === 'central' ? 'header bytes' : 'local header bytes');
}

function unneededZip64(file: string, entryName: string, which: 'central' | 'local'): DossierError {
  const name = printable(entryName);
  return refuse(
    'zip_zip64_invalid',
    file,
    `条目“${name}”的${which === 'central' ? '中央目录' : '本地'}头带有 ZIP64 字段，而它的大小和位置都在 32 位之内，用不着它：文件不是按申报包格式写出的，或已被改动过。`,
    `the ${which} header of the entry "${name}" has a ZIP64 field, though its sizes and offset fit in 32 bits and need none: the file was not written as a package, or it was altered.`,
  );
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

/** The header fields by their names in the ZIP specification, and in Chinese for the message. */
const FIELD_ZH: Record<string, string> = {
  'version made by': '创建版本',
  'version needed': '所需版本',
  flags: '通用标志位',
  time: '修改时间',
  date: '修改日期',
  'internal attributes': '内部属性',
  'external attributes': '外部属性',
  'comment length': '注释长度',
  'local version needed': '本地头所需版本',
  'local flags': '本地头标志位',
  'local method': '本地头存储方法',
  'local time': '本地头修改时间',
  'local date': '本地头修改日期',
  'local CRC-32': '本地头 CRC-32 校验值',
  'local name': '本地头文件名',
  'local sizes': '本地头大小',
  'extra fields': '扩展字段',
  'local extra fields': '本地头扩展字段',
  'local ZIP64 field': '本地头 ZIP64 字段',
  'header bytes': '中央目录头',
  'local header bytes': '本地头',
};

function notCanonical(file: string, entryName: string, field: string): DossierError {
  const name = printable(entryName);
  return refuse(
    'zip_not_canonical',
    file,
    `条目“${name}”的 ZIP 头字段（${FIELD_ZH[field] ?? field}）与本格式规定的不同：文件不是按申报包格式写出的，或已被改动过。`,
    `the ZIP header field "${field}" of the entry "${name}" differs from what the format prescribes: the file was not written as a package, or it was altered.`,
  );
}

export function checkUnique(name: string, seen: Map<string, string>, file: string): void {
  const key = foldKey(name);
  const other = seen.get(key);
  if (other === undefined) return void seen.set(key, name);
  // Which sameness it is: the very name, the same characters in another Unicode normalisation (NFC/NFD,
  // as macOS writes them), or another case.
  const [zh, en] =
    other === name
      ? ['重复出现', 'appears twice']
      : other.normalize('NFC') === name.normalize('NFC')
        ? [
            `与“${printable(other)}”是同一名称的不同 Unicode 规范化形式（NFC/NFD）`,
            `is the same name as "${printable(other)}" in another Unicode normalisation (NFC/NFD)`,
          ]
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
    if (e.headerStart > expected && expected === 0) throw prefixed(file, e.headerStart);
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

/** Bytes before the first entry (a package appended to something else): their count, and that a package starts at 0. */
export function prefixed(file: string, bytes: number): DossierError {
  return refuse(
    'zip_prefixed',
    file,
    `压缩包之前多了 ${bytes} 字节不属于它的数据（例如被拼接在另一个文件之后）：申报包从偏移 0 开始，之前不能有任何字节。`,
    `${bytes} bytes of data come before the archive (it was appended to something else, say): a package starts at offset 0, with nothing before it.`,
  );
}

/** How many bytes of a refused file are read to tell what it is instead (file-type's own window). */
export const HEAD_BYTES = 4100;

/**
 * The refusal of a file the reader could not accept, in the user's language. When its first bytes show
 * another kind of file (a PDF, a picture, a Word document renamed .zcpkg, or text), that is the reason,
 * whatever the parser tripped on: "这不是申报包文件" says more than "compressed entry" or "no end record".
 * Otherwise yauzl's refusal, translated (fromYauzl), or our own check's, unchanged.
 */
export async function readerRefusal(e: unknown, file: string, head: Buffer | null): Promise<DossierError> {
  if (!head || head.length === 0) return fromYauzl(e, file);
  const isZip = head.length >= 4 && head.readUInt32LE(0) === SIG_LOCAL;
  const type = await fileTypeFromBuffer(head).catch(() => undefined);
  const noEnd = !(e instanceof DossierError) && /End of central directory record signature not found/.test(String(e));
  // A ZIP of another kind (.docx, .xlsx, .epub…), or no ZIP at all: something else (.pdf, .jpg, text). A
  // file that only starts otherwise yet holds a ZIP (bytes prepended) keeps the reader's own reason.
  if (isZip ? type !== undefined && type.mime !== 'application/zip' : type !== undefined || noEnd) {
    logReader(file, e);
    const [zh, en] = type
      ? [`它其实是 .${type.ext} 文件`, `it is really a .${type.ext} file`]
      : ['它不是 ZIP 格式', 'it is not in the ZIP format'];
    return refuse(
      'not_a_package',
      file,
      `这不是申报包文件（${zh}），只是扩展名为 .zcpkg，或选错了文件。申报包由申报人在本应用的“申报包”页导出。`,
      `this is not a package file (${en}), only named .zcpkg, or the wrong file was chosen. Applicants export packages on the Package screen of this app.`,
    );
  }
  return fromYauzl(e, file);
}

/** The parser's own words, for whoever investigates: one line on stderr, never shown to the user. */
function logReader(file: string, e: unknown): void {
  if (e instanceof DossierError) return;
  const message = e instanceof Error ? e.message : String(e);
  console.warn(`[dossier] ZIP reader: ${path.basename(file)}: ${message.split('\n', 1)[0]}`);
}

/**
 * yauzl's own refusals, in the user's language: its name checks (strictFileNames), truncation, broken or
 * unsupported structures. yauzl's English goes to the log only (one line on stderr, for whoever
 * investigates); the user reads what happened and what to do, never a parser's words ("End of central
 * directory record signature not found…").
 */
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
  logReader(file, e);
  for (const [pattern, code, zh, en] of YAUZL_REASONS) {
    if (pattern.test(message)) return refuse(code, file, zh, en);
  }
  return refuse(
    'zip_invalid',
    file,
    '压缩包结构已损坏，无法读取：文件可能在传输中损坏或被改动过。请重新复制，或向发送者重新索取。',
    'its ZIP structure is broken and cannot be read: the file may have been damaged in transit or altered. Copy it again, or ask whoever sent it for it again.',
  );
}

const TRUNCATED: [string, string] = [
  '文件不完整：它的结尾缺失，可能在复制、下载或传输中被截断。请重新复制，或向发送者重新索取。',
  'the file is incomplete: its end is missing, probably cut off while it was copied, downloaded or sent. Copy it again, or ask whoever sent it for it again.',
];

/** yauzl's messages (3.x, index.js), most specific first, each with what it means for the officer. */
const YAUZL_REASONS: [RegExp, string, string, string][] = [
  [
    /End of central directory record signature not found|unexpected EOF|overflows file bounds/,
    'zip_truncated',
    ...TRUNCATED,
  ],
  [
    /strong encryption|entry is encrypted/,
    'zip_encrypted',
    `其中的条目已加密：${ENCRYPTED[0]}`,
    `an entry in it is encrypted: ${ENCRYPTED[1]}`,
  ],
  [
    /multi-disk/,
    'zip_multi_part',
    '它是分卷压缩包的一部分：申报包总是单个文件。',
    'it is one part of a split (multi-volume) archive: a package is always a single file.',
  ],
  [
    /Invalid comment length/,
    'zip_not_canonical',
    '文件结尾有多余的字节，或结束记录已损坏：文件可能被改动过。',
    'extra bytes follow its end, or its end record is damaged: the file may have been altered.',
  ],
  [
    /size mismatch|not enough bytes|too many bytes/,
    'zip_invalid',
    '某个条目声明的大小前后不一致：文件已损坏或被改动。',
    'an entry declares two different sizes: the file is damaged or was altered.',
  ],
  [/zip file too large/, 'package_too_large', '文件过大，无法读取。', 'the file is too large to be read.'],
  [
    /signature|zip64|extra field/,
    'zip_invalid',
    '压缩包的目录记录已损坏，无法识别：文件已损坏或被改动过。请重新复制，或向发送者重新索取。',
    'its ZIP directory records are damaged and cannot be recognised: the file is damaged or was altered. Copy it again, or ask whoever sent it for it again.',
  ],
];
