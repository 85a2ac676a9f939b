// Raw ZIP bytes built by hand, for the hostile archives of issue 6: every field can be set to a lie. The
// defaults are exactly what the package writer emits (zipFormat.ts), so each test archive differs from a
// good one only in the defect it is about.
import { crc32 } from 'node:zlib';

export interface CraftEntry {
  name: string | Buffer;
  data?: Buffer;
  method?: number;
  /** Declared sizes (both compressed and uncompressed), instead of data.length. */
  declaredSize?: number;
  /** The compressed size alone, when it differs (an encrypted entry's 12-byte header). */
  compressedSize?: number;
  crc?: number;
  madeBy?: number;
  externalAttrs?: number;
  flags?: number;
  date?: number;
  /** The central record points at the local header of the entry with this index (overlapping entries). */
  sameLocalAs?: number;
}

export interface CraftOptions {
  comment?: Buffer;
  /** Bytes before the first entry, and after the end record. */
  prefix?: Buffer;
  suffix?: Buffer;
}

export const REGULAR = (0o100644 << 16) >>> 0;
export const SYMLINK = (0o120777 << 16) >>> 0;

export function craftZip(
  entries: CraftEntry[],
  { comment = Buffer.alloc(0), prefix = Buffer.alloc(0), suffix = Buffer.alloc(0) }: CraftOptions = {},
): Buffer {
  const parts: Buffer[] = [prefix];
  let offset = prefix.length;
  const offsets: number[] = [];
  const central: Buffer[] = [];
  for (const e of entries) {
    const name = typeof e.name === 'string' ? Buffer.from(e.name, 'utf8') : e.name;
    const data = e.data ?? Buffer.alloc(0);
    const size = e.declaredSize ?? data.length;
    const crc = e.crc ?? crc32(data);
    const flags = e.flags ?? 0x0800;
    const date = e.date ?? 0x0021;
    const method = e.method ?? 0;
    let at = offset;
    if (e.sameLocalAs === undefined) {
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      local.writeUInt16LE(20, 4);
      local.writeUInt16LE(flags, 6);
      local.writeUInt16LE(method, 8);
      local.writeUInt16LE(date, 12);
      local.writeUInt32LE(crc, 14);
      local.writeUInt32LE(e.compressedSize ?? e.declaredSize ?? data.length, 18);
      local.writeUInt32LE(size, 22);
      local.writeUInt16LE(name.length, 26);
      parts.push(local, name, data);
      offset += 30 + name.length + data.length;
    } else {
      at = offsets[e.sameLocalAs]!;
    }
    offsets.push(at);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(e.madeBy ?? 0x032d, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(flags, 8);
    c.writeUInt16LE(method, 10);
    c.writeUInt16LE(date, 14);
    c.writeUInt32LE(crc, 16);
    c.writeUInt32LE(e.compressedSize ?? e.declaredSize ?? data.length, 20);
    c.writeUInt32LE(size, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(e.externalAttrs ?? REGULAR, 38);
    c.writeUInt32LE(at, 42);
    central.push(c, name);
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  end.writeUInt16LE(comment.length, 20);
  return Buffer.concat([...parts, cd, end, comment, suffix]);
}

/** A copy of `buf` with the byte at `index` inverted. */
export function flipByte(buf: Buffer, index: number): Buffer {
  const copy = Buffer.from(buf);
  copy[index] = copy[index]! ^ 0xff;
  return copy;
}
