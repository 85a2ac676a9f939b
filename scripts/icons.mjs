#!/usr/bin/env node
// Every icon the installers need, from ONE source image: resources/icon.svg → build/icons/
//   16x16.png … 1024x1024.png   Linux (electron-builder takes the folder), macOS (the 1024 one → .icns,
//                               which electron-builder makes itself)
//   icon.ico                    Windows app, installer and package file type: 16–48 px as 32-bit BMP
//                               (what every Windows tool and NSIS read), 64–256 px as PNG (Vista+)
// Each size is rasterised from the SVG at that size (not scaled down from a big bitmap), so small sizes
// stay sharp. Usage: node scripts/icons.mjs [--out DIR]
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SOURCE = path.join(root, 'resources', 'icon.svg');
export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
/** Up to this size the ICO holds a BMP (DIB), above it a PNG. */
const BMP_MAX = 48;

/** The SVG drawn at `size` × `size` pixels, as straight (non-premultiplied) RGBA. */
async function render(svg, size) {
  // The SVG is 1024 units wide at 72 dpi: this density draws it at exactly `size` pixels.
  return sharp(svg, { density: (72 * size) / 1024 })
    .resize(size, size, { fit: 'fill' })
    .ensureAlpha();
}

/** A 32-bit BMP as an ICO image: BITMAPINFOHEADER, BGRA rows bottom-up, then an all-clear AND mask. */
function icoBmp(rgba, size) {
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(size, 4);
  header.writeInt32LE(size * 2, 8); // XOR image + AND mask
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  header.writeUInt32LE(0, 16); // BI_RGB
  const pixels = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const from = (y * size + x) * 4;
      const to = ((size - 1 - y) * size + x) * 4;
      pixels[to] = rgba[from + 2];
      pixels[to + 1] = rgba[from + 1];
      pixels[to + 2] = rgba[from];
      pixels[to + 3] = rgba[from + 3];
    }
  }
  const maskRow = Math.ceil(size / 32) * 4;
  header.writeUInt32LE(pixels.length + maskRow * size, 20);
  return Buffer.concat([header, pixels, Buffer.alloc(maskRow * size)]);
}

/** ICONDIR, one ICONDIRENTRY per image, then the images. */
export function writeIco(images) {
  const dir = Buffer.alloc(6 + 16 * images.length);
  dir.writeUInt16LE(0, 0);
  dir.writeUInt16LE(1, 2); // icon
  dir.writeUInt16LE(images.length, 4);
  let offset = dir.length;
  images.forEach(({ size, data }, i) => {
    const at = 6 + 16 * i;
    dir.writeUInt8(size >= 256 ? 0 : size, at);
    dir.writeUInt8(size >= 256 ? 0 : size, at + 1);
    dir.writeUInt8(0, at + 2); // no palette
    dir.writeUInt8(0, at + 3);
    dir.writeUInt16LE(1, at + 4); // planes
    dir.writeUInt16LE(32, at + 6); // bits per pixel
    dir.writeUInt32LE(data.length, at + 8);
    dir.writeUInt32LE(offset, at + 12);
    offset += data.length;
  });
  return Buffer.concat([dir, ...images.map((i) => i.data)]);
}

/** Writes a file whole (temp, rename): a run that fails leaves the previous icons, never half a file. */
function writeWhole(file, bytes) {
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, bytes);
  renameSync(temp, file);
}

export async function makeIcons(outDir = path.join(root, 'build', 'icons'), source = SOURCE) {
  const svg = readFileSync(source);
  mkdirSync(outDir, { recursive: true });
  const written = [];
  const ico = [];
  for (const size of PNG_SIZES) {
    const image = await render(svg, size);
    const png = await image.clone().png({ compressionLevel: 9 }).toBuffer();
    const file = path.join(outDir, `${size}x${size}.png`);
    writeWhole(file, png);
    written.push(file);
    if (!ICO_SIZES.includes(size)) continue;
    if (size <= BMP_MAX) ico.push({ size, data: icoBmp(await image.clone().raw().toBuffer(), size) });
    else ico.push({ size, data: png });
  }
  const icoFile = path.join(outDir, 'icon.ico');
  writeWhole(icoFile, writeIco(ico));
  written.push(icoFile);
  return written;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--out');
  const out = at > 0 ? path.resolve(process.argv[at + 1] ?? '') : undefined;
  const files = await makeIcons(out);
  console.log(`icons: ${files.length} files in ${path.dirname(files[0])}`);
}
