// Test files made in the test, never committed: real JPEG/PNG/TIFF from sharp, real PDFs from pdf-lib,
// and the bad inputs of issue 3 made from them (truncated by slicing, encrypted by a trailer entry).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import sharp from 'sharp';
import { READABLE_SCAN } from '../../shared/attachments/schema.js';

/** Noise compresses badly, so a modest size gives a realistic scan-sized file. */
function pixels(width: number, height: number, seed = 1, noise = true): Buffer {
  const buf = Buffer.alloc(width * height * 3, 235);
  if (!noise) return buf;
  let x = seed >>> 0 || 1;
  for (let i = 0; i < buf.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    buf[i] = (x >>> 0) & 0xff;
  }
  return buf;
}

export async function makeJpeg(
  width = 400,
  height = 300,
  { seed = 1, noise = false, quality = 90 }: { seed?: number; noise?: boolean; quality?: number } = {},
): Promise<Buffer> {
  const raw = pixels(width, height, seed, noise);
  // A dark band marks the top, so that a rotation can be seen in the pixels.
  if (!noise) raw.fill(20, 0, width * 3 * Math.max(1, Math.floor(height / 10)));
  raw[0] = seed & 0xff;
  return sharp(raw, { raw: { width, height, channels: 3 } })
    .jpeg({ quality })
    .toBuffer();
}

/**
 * A scan a reviewer can read (READABLE_SCAN: its long side 1000 px), yet small and unique by seed: what the
 * fixture packages carry, since import takes a scan's size from its content (issue 13) and a smaller one is a
 * point to judge.
 */
export function readableScan(seed: number): Promise<Buffer> {
  return makeJpeg(READABLE_SCAN.minLongSidePx, 30, { seed, noise: true });
}

export async function makePng(width = 300, height = 200, seed = 2): Promise<Buffer> {
  const raw = pixels(width, height, seed, false);
  raw[0] = seed & 0xff;
  return sharp(raw, { raw: { width, height, channels: 3 } })
    .png()
    .toBuffer();
}

export async function makeTiff(width = 200, height = 100): Promise<Buffer> {
  return sharp(pixels(width, height, 3, false), { raw: { width, height, channels: 3 } })
    .tiff()
    .toBuffer();
}

/** A PDF whose pages say their number, so that reordering can be checked by size and text. */
export async function makePdf(pages = 3, { objectStreams = true } = {}): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i++) {
    // Each page a different width: its position is visible in the result.
    doc.addPage([500 + i, 700]).drawText(`page ${i}`, { x: 50, y: 600, size: 24, font });
  }
  return Buffer.from(await doc.save({ useObjectStreams: objectStreams }));
}

/** What pdf-lib reads back: page widths (our pages' ids) and rotations. */
export async function readPdf(bytes: Buffer): Promise<{ widths: number[]; rotations: number[] }> {
  const doc = await PDFDocument.load(bytes);
  return {
    widths: doc.getPages().map((p) => Math.round(p.getWidth())),
    rotations: doc.getPages().map((p) => p.getRotation().angle),
  };
}

/** A PDF whose trailer names an /Encrypt dictionary, as a password-protected PDF's does. */
export async function makeEncryptedPdf(): Promise<Buffer> {
  const text = (await makePdf(1, { objectStreams: false })).toString('latin1');
  return Buffer.from(
    text.replace(/trailer\s*<</, 'trailer\n<<\n/Encrypt << /Filter /Standard /V 1 /R 2 /O <00> /U <00> /P -4 >>\n'),
    'latin1',
  );
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A valid 1-bit PNG of width × height pixels: ~200 KB on disk for 40,000 × 40,000 (a decompression bomb). */
export function makeBombPng(width = 40_000, height = 40_000): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 1; // bit depth
  header[9] = 0; // greyscale
  const rows = Buffer.alloc((Math.ceil(width / 8) + 1) * height);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', zlib.deflateSync(rows, { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The start of a Windows executable (MZ header, PE signature). */
export function makeExe(): Buffer {
  const buf = Buffer.alloc(512);
  buf.write('MZ', 0, 'latin1');
  buf.writeUInt32LE(0x80, 0x3c);
  buf.write('PE\0\0', 0x80, 'latin1');
  return buf;
}

/** The start of an iPhone HEIC photo (ftyp box, brand heic). */
export function makeHeic(): Buffer {
  const buf = Buffer.alloc(64);
  buf.writeUInt32BE(24, 0);
  buf.write('ftypheic', 4, 'latin1');
  buf.write('mif1heic', 16, 'latin1');
  return buf;
}

export function writeFile(dir: string, name: string, bytes: Buffer | string): string {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
}
