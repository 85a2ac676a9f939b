// The package's ZIP records read raw, before yauzl sees them, so that a refusal names its real cause: yauzl
// trusts the end records and would otherwise report a file with bytes prepended as a broken central
// directory, a lying ZIP64 record as a bad signature, and an entry flagged as encrypted as a size mismatch.
// The end records are where the format puts them (the last 22 bytes, or 98 with ZIP64) with no comment; a
// file whose end looks otherwise (truncated, a comment, bytes after it, not a ZIP) is left to yauzl, whose
// refusals zipChecks.ts translates. Everything here is also checked again, byte for byte, after yauzl.
import type { FileHandle } from 'node:fs/promises';
import { encryptedEntry, prefixed, refuse } from './zipChecks.js';
import {
  CENTRAL_HEADER_BYTES,
  EOCD_BYTES,
  MAX16,
  MAX32,
  needsZip64End,
  SIG_CENTRAL,
  SIG_EOCD,
  SIG_ZIP64_EOCD,
  SIG_ZIP64_LOCATOR,
  ZIP64_EOCD_BYTES,
  ZIP64_LOCATOR_BYTES,
} from './zipFormat.js';

export interface RawEnd {
  count: number;
  cdOffset: number;
  cdSize: number;
  zip64: boolean;
}

/** A central record as it is in the file: its bytes, for the byte-for-byte check against the writer's. */
export interface RawCentral {
  bytes: Buffer;
}

const u64 = (buf: Buffer, at: number) => Number(buf.readBigUInt64LE(at));
const MAX_RECORD_BYTES = CENTRAL_HEADER_BYTES + 512 + 28;

async function readAt(fh: FileHandle, at: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  const { bytesRead } = await fh.read(buf, 0, length, at);
  return buf.subarray(0, bytesRead);
}

/**
 * The end records and the central directory, raw: null when the file does not end in an end record of
 * ours (yauzl then says why), otherwise the central records in order — or a refusal naming the cause.
 */
export async function readRaw(
  fh: FileHandle,
  file: string,
  size: number,
  maxEntries: number,
  zip64At: number,
): Promise<{ end: RawEnd; central: RawCentral[] } | null> {
  if (size < EOCD_BYTES) return null;
  const eocd = await readAt(fh, size - EOCD_BYTES, EOCD_BYTES);
  if (eocd.readUInt32LE(0) !== SIG_EOCD || eocd.readUInt16LE(20) !== 0) return null;
  const classic = { count: eocd.readUInt16LE(10), cdSize: eocd.readUInt32LE(12), cdOffset: eocd.readUInt32LE(16) };
  const markers = classic.count === MAX16 || classic.cdSize === MAX32 || classic.cdOffset === MAX32;
  const locatorAt = size - EOCD_BYTES - ZIP64_LOCATOR_BYTES;
  const locator = locatorAt >= 0 ? await readAt(fh, locatorAt, ZIP64_LOCATOR_BYTES) : Buffer.alloc(0);
  const hasLocator = locator.length === ZIP64_LOCATOR_BYTES && locator.readUInt32LE(0) === SIG_ZIP64_LOCATOR;
  let end: RawEnd;
  let endStart: number;
  if (hasLocator) {
    const recordAt = locatorAt - ZIP64_EOCD_BYTES;
    const pointsAt = u64(locator, 8);
    const record = recordAt >= 0 ? await readAt(fh, recordAt, ZIP64_EOCD_BYTES) : Buffer.alloc(0);
    if (record.length !== ZIP64_EOCD_BYTES || record.readUInt32LE(0) !== SIG_ZIP64_EOCD) {
      throw lyingZip64(
        file,
        `ZIP64 定位记录之前（偏移 ${recordAt}）没有 ZIP64 结束记录`,
        `there is no ZIP64 end record before its locator (offset ${recordAt})`,
      );
    }
    if (pointsAt !== recordAt) {
      // Every offset short by the same count: bytes were put before the archive, not a lie of one record.
      const shift = recordAt - pointsAt;
      if (shift > 0 && u64(record, 48) + shift === recordAt - u64(record, 40)) throw prefixed(file, shift);
      throw lyingZip64(
        file,
        `ZIP64 定位记录指向偏移 ${pointsAt}，而 ZIP64 结束记录在 ${recordAt}`,
        `the ZIP64 locator points at offset ${pointsAt}, but the ZIP64 end record is at ${recordAt}`,
      );
    }
    end = { count: u64(record, 32), cdSize: u64(record, 40), cdOffset: u64(record, 48), zip64: true };
    endStart = recordAt;
    if (!needsZip64End(end.count, end.cdOffset, end.cdSize, zip64At)) {
      throw lyingZip64(
        file,
        `文件带有 ZIP64 结束记录，而其 ${end.count} 个条目和目录的大小、位置都用不着它`,
        `it has a ZIP64 end record, though neither its ${end.count} entries nor the directory's size and offset need one`,
      );
    }
    // Where ZIP64 is needed the classic record holds its markers, never a second opinion (zipFormat.ts).
    if (classic.count !== MAX16 || classic.cdSize !== MAX32 || classic.cdOffset !== MAX32) {
      throw lyingZip64(
        file,
        `ZIP64 结束记录与经典结束记录所记的条目数、目录大小或位置不一致（经典记录应填 0xFFFF/0xFFFFFFFF）`,
        `the ZIP64 end record and the classic one disagree on the entry count, directory size or offset (the classic one must hold 0xFFFF/0xFFFFFFFF)`,
      );
    }
  } else {
    if (markers) {
      throw lyingZip64(
        file,
        '结束记录说明需要 ZIP64，而文件中没有 ZIP64 结束记录',
        'its end record says ZIP64 is needed, but there is no ZIP64 end record',
      );
    }
    end = { ...classic, zip64: false };
    endStart = size - EOCD_BYTES;
  }
  const central = await readCentral(fh, file, end, endStart, maxEntries);
  return central && { end, central };
}

async function readCentral(
  fh: FileHandle,
  file: string,
  end: RawEnd,
  endStart: number,
  maxEntries: number,
): Promise<RawCentral[] | null> {
  const cdStart = endStart - end.cdSize;
  // A directory larger than the file before it: most likely a file cut short, which yauzl says.
  if (cdStart < 0) return null;
  if (cdStart !== end.cdOffset) {
    const starts = await readAt(fh, cdStart, 4);
    const isCentral = starts.length === 4 && starts.readUInt32LE(0) === SIG_CENTRAL;
    if (isCentral && cdStart > end.cdOffset) {
      throw prefixed(file, cdStart - end.cdOffset);
    }
    const [zh, en] = end.zip64 ? ['ZIP64 结束记录', 'The ZIP64 end record'] : ['结束记录', 'The end record'];
    throw endLies(
      end,
      file,
      `${zh}称中央目录位于偏移 ${end.cdOffset}，而按其大小目录应始于 ${cdStart}`,
      `${en} puts the central directory at offset ${end.cdOffset}, but by its size the directory starts at ${cdStart}`,
    );
  }
  // Too many entries: yauzl's count check says so. A record of ours is at most its fixed part, a name of
  // 512 bytes and a ZIP64 field of 28: a larger directory is refused before it is read into memory.
  if (end.count > maxEntries) return null;
  if (end.cdSize > end.count * MAX_RECORD_BYTES) {
    const [zh, en] = end.zip64 ? ['ZIP64 结束记录', 'the ZIP64 end record'] : ['结束记录', 'the end record'];
    throw refuse(
      'zip_invalid',
      file,
      `${zh}称 ${end.count} 个条目占 ${end.cdSize} 字节的目录，远超它们所需：文件已损坏或被改动过。`,
      `${en} gives ${end.count} entries a directory of ${end.cdSize} bytes, far more than they need: the file is damaged or was altered.`,
    );
  }
  const cd = await readAt(fh, cdStart, end.cdSize);
  const central: RawCentral[] = [];
  let at = 0;
  while (at < cd.length) {
    // A damaged record: yauzl's refusal says so (zipChecks.ts translates it).
    if (at + CENTRAL_HEADER_BYTES > cd.length || cd.readUInt32LE(at) !== SIG_CENTRAL) return null;
    const length =
      CENTRAL_HEADER_BYTES + cd.readUInt16LE(at + 28) + cd.readUInt16LE(at + 30) + cd.readUInt16LE(at + 32);
    if (at + length > cd.length) return null;
    const bytes = cd.subarray(at, at + length);
    // Bit 0: traditional encryption. Said before yauzl, which first finds the sizes odd for it.
    if ((bytes.readUInt16LE(8) & 0x0001) !== 0) {
      const name = bytes.toString('utf8', CENTRAL_HEADER_BYTES, CENTRAL_HEADER_BYTES + bytes.readUInt16LE(28));
      throw encryptedEntry(file, name);
    }
    central.push({ bytes });
    at += length;
  }
  if (at !== cd.length || central.length !== end.count) {
    const [zh, en] = end.zip64 ? ['ZIP64 结束记录', 'the ZIP64 end record'] : ['结束记录', 'the end record'];
    throw endLies(
      end,
      file,
      `${zh}称有 ${end.count} 个条目、目录 ${end.cdSize} 字节，而目录中可读出 ${central.length} 个条目`,
      `${en} says ${end.count} entries in ${end.cdSize} bytes of directory, but ${central.length} entries can be read from it`,
    );
  }
  return central;
}

/** What an end record says that the file does not bear out: a ZIP64 one's lie, or a damaged classic one. */
function endLies(end: RawEnd, file: string, zh: string, en: string) {
  return end.zip64
    ? lyingZip64(file, zh, en)
    : refuse('zip_invalid', file, `${zh}：文件已损坏或被改动过。`, `${en}: the file is damaged or was altered.`);
}

function lyingZip64(file: string, zh: string, en: string) {
  return refuse(
    'zip_zip64_invalid',
    file,
    `${zh}：ZIP64 记录只在大小或数量需要时出现，且必须与文件相符；文件已损坏或被改动过。`,
    `${en}: ZIP64 records appear only where sizes or counts need them, and must match the file; it is damaged or was altered.`,
  );
}
