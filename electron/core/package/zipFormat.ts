// The exact bytes of the ZIP records the package writer emits (APPNOTE 6.3.10, stored entries only). The
// reader checks every header against the same constants, so a package file is the one deterministic
// serialisation of its entries: no byte of it (timestamps and attributes included) can change unnoticed.
// docs/package-format.md, "ZIP layout", describes these fields for other implementations.

export const SIG_LOCAL = 0x04034b50;
export const SIG_CENTRAL = 0x02014b50;
export const SIG_EOCD = 0x06054b50;
export const SIG_ZIP64_EOCD = 0x06064b50;
export const SIG_ZIP64_LOCATOR = 0x07064b50;

/** General purpose flags: only bit 11, "names are UTF-8". No encryption, no data descriptor. */
export const FLAGS = 0x0800;
/** 1980-01-01 00:00, the first moment DOS time can express: no clock reaches the package bytes. */
export const DOS_TIME = 0x0000;
export const DOS_DATE = (0 << 9) | (1 << 5) | 1;
/** "Made by" Unix (3), spec 4.5: the high 16 bits of the external attributes are then a Unix mode. */
export const MADE_BY = (3 << 8) | 45;
export const VERSION_NEEDED = 20;
export const VERSION_NEEDED_ZIP64 = 45;
/** A regular file, rw-r--r--: unzip never creates a symlink, a device or an executable from a package. */
export const EXTERNAL_ATTRS = (0o100644 << 16) >>> 0;
export const MAX32 = 0xffffffff;
export const MAX16 = 0xffff;
export const ZIP64_EXTRA_ID = 0x0001;

export const LOCAL_HEADER_BYTES = 30;
export const CENTRAL_HEADER_BYTES = 46;
export const EOCD_BYTES = 22;
export const ZIP64_EOCD_BYTES = 56;
export const ZIP64_LOCATOR_BYTES = 20;

/** One entry as the central directory records it. */
export interface CentralRecord {
  name: Buffer;
  crc32: number;
  size: number;
  offset: number;
}

function u64(buf: Buffer, value: number, at: number): void {
  buf.writeBigUInt64LE(BigInt(value), at);
}

/** ZIP64 extra field with the values that overflow 32 bits, in the spec's order. */
function zip64Extra(values: number[]): Buffer {
  if (values.length === 0) return Buffer.alloc(0);
  const extra = Buffer.alloc(4 + 8 * values.length);
  extra.writeUInt16LE(ZIP64_EXTRA_ID, 0);
  extra.writeUInt16LE(8 * values.length, 2);
  values.forEach((v, i) => u64(extra, v, 4 + 8 * i));
  return extra;
}

/**
 * The local header. Sizes are known before the data (files are on disk), the CRC-32 is not: the writer
 * emits 0 at offset 14 and overwrites it once the data is written, so no data descriptor is needed.
 * `zip64At` is the threshold from which a value moves to the ZIP64 extra field (0xFFFFFFFF; tests lower it).
 */
export function localHeader(name: Buffer, size: number, crc32: number, offset: number, zip64At = MAX32): Buffer {
  const big = size >= zip64At;
  const extra = zip64Extra(big ? [size, size] : []);
  const h = Buffer.alloc(LOCAL_HEADER_BYTES + name.length + extra.length);
  h.writeUInt32LE(SIG_LOCAL, 0);
  h.writeUInt16LE(big || offset >= zip64At ? VERSION_NEEDED_ZIP64 : VERSION_NEEDED, 4);
  h.writeUInt16LE(FLAGS, 6);
  h.writeUInt16LE(0, 8); // stored
  h.writeUInt16LE(DOS_TIME, 10);
  h.writeUInt16LE(DOS_DATE, 12);
  h.writeUInt32LE(crc32, 14);
  h.writeUInt32LE(big ? MAX32 : size, 18);
  h.writeUInt32LE(big ? MAX32 : size, 22);
  h.writeUInt16LE(name.length, 26);
  h.writeUInt16LE(extra.length, 28);
  name.copy(h, LOCAL_HEADER_BYTES);
  extra.copy(h, LOCAL_HEADER_BYTES + name.length);
  return h;
}

export function centralHeader({ name, crc32, size, offset }: CentralRecord, zip64At = MAX32): Buffer {
  const bigSize = size >= zip64At;
  const bigOffset = offset >= zip64At;
  const extra = zip64Extra([...(bigSize ? [size, size] : []), ...(bigOffset ? [offset] : [])]);
  const h = Buffer.alloc(CENTRAL_HEADER_BYTES + name.length + extra.length);
  h.writeUInt32LE(SIG_CENTRAL, 0);
  h.writeUInt16LE(MADE_BY, 4);
  h.writeUInt16LE(bigSize || bigOffset ? VERSION_NEEDED_ZIP64 : VERSION_NEEDED, 6);
  h.writeUInt16LE(FLAGS, 8);
  h.writeUInt16LE(0, 10);
  h.writeUInt16LE(DOS_TIME, 12);
  h.writeUInt16LE(DOS_DATE, 14);
  h.writeUInt32LE(crc32, 16);
  h.writeUInt32LE(bigSize ? MAX32 : size, 20);
  h.writeUInt32LE(bigSize ? MAX32 : size, 24);
  h.writeUInt16LE(name.length, 28);
  h.writeUInt16LE(extra.length, 30);
  // 32 comment length, 34 disk number, 36 internal attributes: all 0.
  h.writeUInt32LE(EXTERNAL_ATTRS, 38);
  h.writeUInt32LE(bigOffset ? MAX32 : offset, 42);
  name.copy(h, CENTRAL_HEADER_BYTES);
  extra.copy(h, CENTRAL_HEADER_BYTES + name.length);
  return h;
}

/** True when the end records need their ZIP64 form: too many entries, or an offset or size of 32 bits or more. */
export function needsZip64End(count: number, cdOffset: number, cdSize: number, zip64At = MAX32): boolean {
  return count >= MAX16 || cdOffset >= zip64At || cdSize >= zip64At;
}

/**
 * The end records: with `zip64`, the ZIP64 end record and locator, and a classic record whose count, size
 * and offset fields all hold their "see ZIP64" markers; otherwise the classic record alone.
 */
export function endRecords(count: number, cdOffset: number, cdSize: number, zip64: boolean): Buffer {
  const parts: Buffer[] = [];
  if (zip64) {
    const rec = Buffer.alloc(ZIP64_EOCD_BYTES);
    rec.writeUInt32LE(SIG_ZIP64_EOCD, 0);
    u64(rec, ZIP64_EOCD_BYTES - 12, 4);
    rec.writeUInt16LE(MADE_BY, 12);
    rec.writeUInt16LE(VERSION_NEEDED_ZIP64, 14);
    // 16 this disk, 20 disk of the central directory: 0.
    u64(rec, count, 24);
    u64(rec, count, 32);
    u64(rec, cdSize, 40);
    u64(rec, cdOffset, 48);
    const loc = Buffer.alloc(ZIP64_LOCATOR_BYTES);
    loc.writeUInt32LE(SIG_ZIP64_LOCATOR, 0);
    u64(loc, cdOffset + cdSize, 8);
    loc.writeUInt32LE(1, 16);
    parts.push(rec, loc);
  }
  const eocd = Buffer.alloc(EOCD_BYTES);
  eocd.writeUInt32LE(SIG_EOCD, 0);
  eocd.writeUInt16LE(zip64 ? MAX16 : count, 8);
  eocd.writeUInt16LE(zip64 ? MAX16 : count, 10);
  eocd.writeUInt32LE(zip64 ? MAX32 : cdSize, 12);
  eocd.writeUInt32LE(zip64 ? MAX32 : cdOffset, 16);
  parts.push(eocd);
  return Buffer.concat(parts);
}
