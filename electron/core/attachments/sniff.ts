// What a file really is, from its bytes (never its extension), and whether it is whole: an image must be
// structurally complete and within the pixel limit, a PDF must open, be unencrypted and within the page
// limit.
// Every refusal names the file and says what to do, in both languages.
import { open, readFile } from 'node:fs/promises';
import zlib from 'node:zlib';
import { fileTypeFromFile } from 'file-type';
import { PDFDocument } from 'pdf-lib';
import sharp, { type Metadata } from 'sharp';
import type { Localized } from '../../../shared/api/contract.js';
import type { MediaType, UploadProfile } from '../../../shared/attachments/schema.js';
import { DossierError } from '../errors.js';
import { pdfScanDpi } from './scanDpi.js';

export interface Inspection {
  mediaType: MediaType;
  pages: number;
  width: number | null;
  height: number | null;
  /** A PDF's lowest resolution at A4 among its scanned pages (scanDpi.ts); null for an image or no scan. */
  scanDpi: number | null;
}

type Limits = UploadProfile['intake'];

const EXECUTABLES = new Set([
  'application/x-msdownload',
  'application/vnd.microsoft.portable-executable',
  'application/x-elf',
  'application/x-mach-binary',
  'application/x-msi',
  'application/x-sharedlib',
  'application/java-archive',
  'application/x-dosexec',
]);
const HEIF = new Set(['image/heic', 'image/heif', 'image/heic-sequence', 'image/heif-sequence', 'image/avif']);

const refuse = (code: string, zh: string, en: string) => new DossierError(code, { zh, en });

export async function inspect(file: string, fileName: string, bytes: number, limits: Limits): Promise<Inspection> {
  if (bytes === 0) {
    throw refuse(
      'empty_file',
      `“${fileName}”是空文件（0 字节），未添加。`,
      `"${fileName}" is empty (0 bytes) and was not added.`,
    );
  }
  const type = await fileTypeFromFile(file);
  const mime = type?.mime ?? ((await startsWith(file, '#!')) ? 'text/x-script' : undefined);
  switch (mime) {
    case 'image/jpeg':
    case 'image/png':
    case 'image/tiff':
      return inspectImage(file, fileName, mime, limits);
    case 'application/pdf':
      return inspectPdf(file, fileName, limits);
    case undefined:
      throw refuse(
        'unknown_type',
        `“${fileName}”的内容不是 JPEG、PNG 或 PDF${extensionNote(fileName, 'zh')}，未添加。请选择扫描件的图片或 PDF 文件。`,
        `"${fileName}" is not a JPEG, PNG or PDF${extensionNote(fileName, 'en')} and was not added. Choose the scan's image or PDF file.`,
      );
    default:
      if (EXECUTABLES.has(mime) || mime === 'text/x-script') {
        throw refuse(
          'executable',
          `“${fileName}”是可执行程序，不是扫描件，未添加。`,
          `"${fileName}" is an executable program, not a scan, and was not added.`,
        );
      }
      if (HEIF.has(mime)) {
        throw refuse(
          'heic_unsupported',
          `“${fileName}”是 HEIC/HEIF 照片（苹果手机默认格式），本软件无法转换。请在手机“设置 → 相机 → 格式”中选“兼容性最佳”，或将照片导出为 JPEG 后再添加。`,
          `"${fileName}" is a HEIC/HEIF photo (the iPhone default), which this app cannot convert. Set Camera → Formats → Most Compatible, or export it as JPEG, then add it again.`,
        );
      }
      throw refuse(
        'unsupported_type',
        `“${fileName}”是 ${type?.ext.toUpperCase() ?? mime} 文件，未添加。只接受 JPEG、PNG、TIFF 和 PDF：请另存为其中一种格式。`,
        `"${fileName}" is a ${type?.ext.toUpperCase() ?? mime} file and was not added. Only JPEG, PNG, TIFF and PDF are taken: save it as one of them.`,
      );
  }
}

function extensionNote(fileName: string, lang: 'zh' | 'en'): string {
  const ext = /\.([A-Za-z0-9]{1,8})$/.exec(fileName)?.[1];
  if (!ext) return '';
  return lang === 'zh' ? `（虽然文件名以 .${ext} 结尾）` : ` (although its name ends in .${ext})`;
}

async function startsWith(file: string, prefix: string): Promise<boolean> {
  const fh = await open(file, 'r');
  try {
    const buf = Buffer.alloc(prefix.length);
    await fh.read(buf, 0, buf.length, 0);
    return buf.toString('latin1') === prefix;
  } finally {
    await fh.close();
  }
}

async function inspectImage(file: string, fileName: string, mediaType: MediaType, limits: Limits): Promise<Inspection> {
  let meta: Metadata;
  try {
    // The header only, without a pixel limit, so that a bomb is named with its size rather than decoded.
    meta = await sharp(file, { limitInputPixels: false }).metadata();
  } catch (e) {
    throw damagedImage(fileName, e);
  }
  const width = meta.autoOrient?.width ?? meta.width;
  const height = meta.autoOrient?.height ?? meta.height;
  if (!width || !height) throw damagedImage(fileName, fault('读不出图像的尺寸', 'no size'));
  if (width * height > limits.maxPixels) {
    const mp = ((width * height) / 1e6).toFixed(0);
    throw refuse(
      'too_many_pixels',
      `“${fileName}”为 ${width}×${height} 像素（${mp} 百万像素），超过 ${(limits.maxPixels / 1e6).toFixed(0)} 百万像素的上限，未添加。请以 300 dpi 左右重新扫描或缩小后再添加。`,
      `"${fileName}" is ${width}×${height} px (${mp} megapixels), above the limit of ${(limits.maxPixels / 1e6).toFixed(0)} megapixels, and was not added. Scan at about 300 dpi or scale it down, then add it again.`,
    );
  }
  try {
    await checkComplete(file, mediaType);
  } catch (e) {
    throw damagedImage(fileName, e);
  }
  return { mediaType, pages: meta.pages ?? 1, width, height, scanDpi: null };
}

/**
 * Whether the file is whole, by its structure rather than by decoding it: a decode costs ~42 ms per 5 MB
 * JPEG here (scripts/bench.mjs), which would cap adding at a fifth of the copy-and-hash rate, while a
 * truncated file is found as surely this way. A JPEG's scan must end with EOI (FF D9 cannot occur inside
 * entropy-coded data, where FF is stuffed as FF 00); every PNG chunk must match its CRC-32, up to IEND —
 * which also finds damage in the middle. A TIFF is decoded anyway when it is converted.
 */
async function checkComplete(file: string, mediaType: MediaType): Promise<void> {
  if (mediaType === 'image/tiff') {
    await sharp(file, { failOn: 'truncated', limitInputPixels: false }).resize(64, 64, { fit: 'inside' }).toBuffer();
    return;
  }
  const bytes = await readFile(file);
  if (mediaType === 'image/jpeg') checkJpeg(bytes);
  else checkPng(bytes);
}

export function checkJpeg(buf: Buffer): void {
  let i = 2;
  for (;;) {
    if (i + 4 > buf.length) throw fault('在图像数据之前就已结束', 'ends before the image data');
    if (buf[i] !== 0xff) throw fault(`第 ${i} 字节处缺少标记`, `no marker at byte ${i}`);
    const marker = buf[i + 1] ?? 0;
    if (marker === 0xff) {
      i += 1; // fill byte
    } else if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
      i += 2; // standalone markers
    } else if (marker === 0xd9) {
      throw fault('在图像数据之前就已结束', 'ends before the image data');
    } else {
      const length = buf.readUInt16BE(i + 2);
      if (marker === 0xda) {
        if (buf.indexOf(EOI, i + 2 + length) < 0)
          throw fault('文件被截断：缺少图像结束标记', 'truncated: no end-of-image marker');
        return;
      }
      i += 2 + length;
    }
  }
}
const EOI = Buffer.from([0xff, 0xd9]);

export function checkPng(buf: Buffer): void {
  let i = 8;
  let first = true;
  for (;;) {
    if (i + 12 > buf.length) throw fault('文件被截断：缺少 IEND 数据块', 'truncated: no IEND chunk');
    const length = buf.readUInt32BE(i);
    const end = i + 8 + length;
    if (end + 4 > buf.length) throw fault('文件在数据块中间被截断', 'truncated inside a chunk');
    const type = buf.toString('latin1', i + 4, i + 8);
    if (first && type !== 'IHDR') throw fault('缺少 IHDR 数据块', 'no IHDR chunk');
    if (zlib.crc32(buf.subarray(i + 4, end)) !== buf.readUInt32BE(end))
      throw fault(`${type} 数据块的校验和不符`, `bad CRC in ${type} chunk`);
    if (type === 'IEND') return;
    first = false;
    i = end + 4;
  }
}

/**
 * A structural fault found by our own checks, said in both languages: a Chinese message never carries an
 * English detail (issue 15). A decoder's own message (English) is kept for the English text only.
 */
class Fault extends Error {
  constructor(readonly words: Localized) {
    super(words.en);
  }
}
const fault = (zh: string, en: string) => new Fault({ zh, en });

/** The detail of a failure in each language: ours in both, a library's in English only. */
function detailOf(e: unknown): Localized {
  if (e instanceof Fault) return e.words;
  const en = e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e);
  return { zh: '', en };
}

const inParens = (zh: string) => (zh ? `（${zh}）` : '');

function damagedImage(fileName: string, e: unknown): DossierError {
  const detail = detailOf(e);
  return refuse(
    'damaged_image',
    `“${fileName}”已损坏或不完整${inParens(detail.zh)}，未添加。请重新扫描或从原处重新复制。`,
    `"${fileName}" is damaged or incomplete (${detail.en}) and was not added. Scan it again or copy it again from its source.`,
  );
}

async function inspectPdf(file: string, fileName: string, limits: Limits): Promise<Inspection> {
  const bytes = await readFile(file);
  // A whole PDF ends with %%EOF (some writers add a little after it); a truncated one does not, even when
  // pdf-lib would still salvage some pages from it.
  if (!bytes.subarray(Math.max(0, bytes.length - 2048)).includes('%%EOF'))
    throw damagedPdf(fileName, fault('缺少结尾的 %%EOF', 'no %%EOF'));
  let doc: PDFDocument;
  try {
    // Loaded despite encryption so that isEncrypted answers (pdf-lib's error class fails instanceof).
    doc = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true });
  } catch (e) {
    throw damagedPdf(fileName, e);
  }
  // Even an empty user password leaves the content encrypted: pdf-lib's edits would corrupt it.
  if (doc.isEncrypted) throw encryptedPdf(fileName);
  let pages: number;
  try {
    pages = doc.getPageCount();
    for (const page of doc.getPages()) page.getSize();
  } catch (e) {
    throw damagedPdf(fileName, e);
  }
  if (pages === 0) throw damagedPdf(fileName, fault('没有页面', 'no pages'));
  if (pages > limits.maxPages) {
    throw refuse(
      'too_many_pages',
      `“${fileName}”有 ${pages} 页，超过 ${limits.maxPages} 页的上限，未添加。请用 PDF 工具只保留需要的页（如论文的封面、ISSN/CN 页、目录和正文）后再添加；上限可在上传规格中修改。`,
      `"${fileName}" has ${pages} pages, more than the limit of ${limits.maxPages}, and was not added. Keep only the pages needed (for a paper: cover, ISSN/CN page, contents, article) with a PDF tool, then add it; the limit can be changed in the upload profile.`,
    );
  }
  return { mediaType: 'application/pdf', pages, width: null, height: null, scanDpi: pdfScanDpi(doc) };
}

function damagedPdf(fileName: string, e: unknown): DossierError {
  const detail = detailOf(e);
  return refuse(
    'damaged_pdf',
    `“${fileName}”不是完整的 PDF${inParens(detail.zh)}，可能下载或复制未完成，未添加。请从原处重新获取。`,
    `"${fileName}" is not a complete PDF (${detail.en}); a download or copy may have been cut short. It was not added: fetch it again.`,
  );
}

function encryptedPdf(fileName: string): DossierError {
  return refuse(
    'encrypted_pdf',
    `“${fileName}”已加密（设有密码或权限限制），无法处理，未添加。请用 PDF 阅读器打开后“打印”为新的 PDF（或去除密码）再添加。`,
    `"${fileName}" is encrypted (a password or permission restrictions) and cannot be processed; it was not added. Open it in a PDF reader and print it to a new PDF (or remove the password), then add that.`,
  );
}
