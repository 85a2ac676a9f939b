// The PDF page operations (pdf-lib load → copy/rotate/embed → save), run in a worker thread so that a
// large PDF being rotated, split or merged never holds up the main thread (which answers every other
// request, in the desktop app and the browser mode alike). Bytes in, bytes out: no database, no store.
// PDF pages are copied, never re-rendered, so text and vector content stay as they were; a rotated page
// only changes its /Rotate entry. The protocol is PdfRequest → PdfResponse; pdfPool.ts is the other end.
// A long job (a material PDF) also sends PdfProgress messages and stops between parts on a PdfCancel.
// The operations are exported too: pdfPool.ts runs them in-process where no worker can be started.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import {
  concatTransformationMatrix,
  degrees,
  drawObject,
  PDFArray,
  type PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFRawStream,
  type PDFRef,
  PDFStream,
  popGraphicsState,
  pushGraphicsState,
} from 'pdf-lib';

/** One part of a merge: a PDF (all its pages copied) or one upright image page (JPEG or PNG bytes). */
export type MergePart = { kind: 'pdf'; bytes: Uint8Array } | { kind: 'jpeg' | 'png'; bytes: Uint8Array };

/**
 * One attachment of a material PDF (forms/materialPdf.ts): read here from its stored file (`path`), so that
 * only this part's bytes and the document being built are held at once, or given as bytes (a converted TIFF).
 */
export interface MaterialJobPart {
  kind: 'pdf' | 'jpeg' | 'png';
  source: { path: string } | { bytes: Uint8Array };
  /** EXIF orientation (1–8) of an image, applied by the page's drawing matrix: the image bytes stay as they are. */
  orientation: number;
  /** The outline entry pointing at the part's first page. */
  bookmark: string;
}

export type PdfJob =
  /** Rotate one page (1-based) or, with null, every page, by a multiple of 90° clockwise. */
  | { op: 'rotate'; pdf: Uint8Array; angle: number; page: number | null }
  /** A new PDF of these pages (1-based, in this order). */
  | { op: 'select'; pdf: Uint8Array; pages: number[] }
  /** One PDF of the parts in order; an image becomes an A4 page of its orientation. */
  | { op: 'merge'; parts: MergePart[] }
  /**
   * A material's upload PDF: the parts in order, images embedded as they are (a JPEG stays the same DCT
   * stream) on A4 pages, an outline entry per part, fixed metadata and no dates (same parts, same bytes).
   */
  | { op: 'mergeMaterial'; title: string; parts: MaterialJobPart[] };

export interface PdfRequest {
  id: number;
  job: PdfJob;
}

/** Main thread → worker: stop job `id` at the next boundary between parts. */
export interface PdfCancel {
  id: number;
  cancel: true;
}

/** Worker → main thread: `done` of `total` parts of job `id` are in. */
export interface PdfProgress {
  id: number;
  progress: { done: number; total: number };
}

export type PdfResponse =
  | { id: number; ok: true; bytes: Uint8Array; pages: number }
  | { id: number; ok: false; message: string; cancelled?: boolean; part?: number };

/** What a job needs from whoever runs it: where to report progress, and whether it was cancelled. */
export interface PdfJobHooks {
  progress?: (done: number, total: number) => void;
  isCancelled?: () => boolean;
}

/** The job stopped because it was cancelled (nothing was produced). */
export class PdfJobCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'PdfJobCancelled';
  }
}

/** Part `part` (0-based) of a merge could not be read or embedded. */
export class PdfPartError extends Error {
  constructor(
    readonly part: number,
    message: string,
  ) {
    super(message);
    this.name = 'PdfPartError';
  }
}

/** What pdfPool.ts passes as workerData, so that importing this file elsewhere starts nothing. */
export const WORKER_ROLE = 'dossier-pdf';

/** A4 in PDF points. */
const A4 = { short: 595.28, long: 841.89 };

export async function runPdfJob(job: PdfJob, hooks: PdfJobHooks = {}): Promise<{ bytes: Uint8Array; pages: number }> {
  let doc: PDFDocument;
  switch (job.op) {
    case 'mergeMaterial':
      return mergeMaterial(job.title, job.parts, hooks);
    case 'rotate': {
      doc = await PDFDocument.load(job.pdf, { updateMetadata: false });
      doc.getPages().forEach((p, i) => {
        if (job.page !== null && i !== job.page - 1) return;
        p.setRotation(degrees((((p.getRotation().angle + job.angle) % 360) + 360) % 360));
      });
      break;
    }
    case 'select': {
      const source = await PDFDocument.load(job.pdf, { updateMetadata: false });
      doc = await PDFDocument.create({ updateMetadata: false });
      // Copying drops what the other pages used.
      for (const copied of await doc.copyPages(
        source,
        job.pages.map((p) => p - 1),
      )) {
        doc.addPage(copied);
      }
      break;
    }
    case 'merge': {
      doc = await PDFDocument.create({ updateMetadata: false });
      for (const part of job.parts) {
        if (part.kind === 'pdf') {
          const source = await PDFDocument.load(part.bytes, { updateMetadata: false });
          for (const page of await doc.copyPages(source, source.getPageIndices())) doc.addPage(page);
          continue;
        }
        const image = part.kind === 'jpeg' ? await doc.embedJpg(part.bytes) : await doc.embedPng(part.bytes);
        const isLandscape = image.width > image.height;
        const [pw, ph] = isLandscape ? [A4.long, A4.short] : [A4.short, A4.long];
        const scale = Math.min(pw / image.width, ph / image.height);
        const [w, h] = [image.width * scale, image.height * scale];
        doc.addPage([pw, ph]).drawImage(image, { x: (pw - w) / 2, y: (ph - h) / 2, width: w, height: h });
      }
      break;
    }
  }
  return { bytes: await doc.save(), pages: doc.getPageCount() };
}

/** The page size for an image of this (upright) width and height: A4 in its orientation. */
function a4For(width: number, height: number): [number, number] {
  return width > height ? [A4.long, A4.short] : [A4.short, A4.long];
}

/**
 * Maps the unit square an image XObject is painted into so that the stored pixels appear upright, for
 * each EXIF orientation: [a b c d e f] from the stored image (u right, v up) to the upright one.
 */
const ORIENTATION_MATRIX: Record<number, readonly [number, number, number, number, number, number]> = {
  1: [1, 0, 0, 1, 0, 0],
  2: [-1, 0, 0, 1, 1, 0],
  3: [-1, 0, 0, -1, 1, 1],
  4: [1, 0, 0, -1, 0, 1],
  5: [0, -1, -1, 0, 1, 1],
  6: [0, -1, 1, 0, 0, 1],
  7: [0, 1, 1, 0, 0, 0],
  8: [0, 1, -1, 0, 1, 0],
};

/**
 * One buffer, grown to the largest JPEG of a job, that every JPEG of the job is read into: once embedded a
 * JPEG is held by the document as its file's name only (StoredFileStream), so nothing refers to the bytes
 * read and the next part can take their place — no garbage piling up between collections.
 */
class Scratch {
  private buffer = new Uint8Array(0);

  /** Room for `size` bytes (the previous contents are lost). */
  take(size: number): Uint8Array {
    if (this.buffer.length < size) this.buffer = new Uint8Array(Math.max(size, this.buffer.length * 2));
    return this.buffer.subarray(0, size);
  }

  async read(file: string): Promise<Uint8Array> {
    const handle = await open(file, 'r');
    try {
      const { size } = await handle.stat();
      const bytes = this.take(size);
      for (let at = 0; at < size;) {
        const { bytesRead } = await handle.read(bytes, at, size - at, at);
        if (bytesRead === 0) throw new Error(`${file} is shorter than its size`);
        at += bytesRead;
      }
      return bytes;
    } finally {
      await handle.close();
    }
  }

  readSync(file: string, size: number): Uint8Array {
    const fd = openSync(file, 'r');
    try {
      // The store is content-addressed and never rewrites a file: another size is damage, not an edit.
      if (fstatSync(fd).size !== size) throw new Error(`${file} changed while the PDF was being written`);
      const bytes = this.take(size);
      for (let at = 0; at < size;) {
        const read = readSync(fd, bytes, at, size - at, at);
        if (read === 0) throw new Error(`${file} is shorter than its size`);
        at += read;
      }
      return bytes;
    } finally {
      closeSync(fd);
    }
  }
}

/**
 * A JPEG embedded from a stored file: the DCT stream is the file's bytes exactly, so they are read again
 * only when the PDF is written, straight into the output. Until then the document holds the image's
 * dictionary alone, so that a material of many scans is not held twice (parts + output) while written.
 */
class StoredFileStream extends PDFStream {
  constructor(
    dict: PDFDict,
    private readonly file: string,
    private readonly size: number,
    private readonly scratch: Scratch,
  ) {
    super(dict);
  }

  override getContentsSize(): number {
    return this.size;
  }

  /** Valid until the next read of the job's scratch buffer: copy it at once (as copyBytesInto does). */
  override getContents(): Uint8Array {
    return this.scratch.readSync(this.file, this.size);
  }

  override copyBytesInto(buffer: Uint8Array, offset: number): number {
    // As PDFStream's, with one copy of the contents instead of a loop over their bytes.
    this.updateDict();
    const start = offset;
    offset += this.dict.copyBytesInto(buffer, offset);
    for (const piece of [STREAM, this.getContents(), ENDSTREAM]) {
      buffer.set(piece, offset);
      offset += piece.length;
    }
    return offset - start;
  }
}

const STREAM = new TextEncoder().encode('\nstream\n');
const ENDSTREAM = new TextEncoder().encode('\nendstream');

/** Lets a cancel message in (a part given as bytes never waits on I/O), then says whether it came. */
async function isCancelledNow(hooks: PdfJobHooks): Promise<boolean> {
  await new Promise((resolve) => setImmediate(resolve));
  return hooks.isCancelled?.() ?? false;
}

async function mergeMaterial(
  title: string,
  parts: MaterialJobPart[],
  hooks: PdfJobHooks,
): Promise<{ bytes: Uint8Array; pages: number }> {
  // No dates, a fixed producer: the same parts give the same bytes (hashes in the package stay stable).
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setTitle(title, { showInWindowTitleBar: true });
  doc.setCreator('Dossier 职称申报材料助手');
  doc.setProducer('Dossier (pdf-lib)');
  doc.setLanguage('zh-CN');
  const firstPages: PDFRef[] = [];
  const scratch = new Scratch();
  for (const [index, part] of parts.entries()) {
    if (await isCancelledNow(hooks)) throw new PdfJobCancelled();
    try {
      // Read here, one part at a time. A stored JPEG goes through the scratch buffer (see StoredFileStream);
      // a PDF or PNG is parsed into the document's own objects, and its bytes are garbage afterwards.
      const isStoredJpeg = part.kind === 'jpeg' && 'path' in part.source;
      const bytes =
        'bytes' in part.source
          ? part.source.bytes
          : isStoredJpeg
            ? await scratch.read(part.source.path)
            : await readFile(part.source.path);
      const before = doc.getPageCount();
      if (part.kind === 'pdf') {
        const source = await PDFDocument.load(bytes, { updateMetadata: false });
        for (const page of await doc.copyPages(source, source.getPageIndices())) doc.addPage(page);
      } else {
        const ref = await addImagePage(doc, part.kind, bytes, part.orientation);
        const embedded = doc.context.lookup(ref);
        if (isStoredJpeg && 'path' in part.source) {
          if (!(embedded instanceof PDFRawStream)) throw new Error('JPEG not embedded as a stream');
          const stored = new StoredFileStream(embedded.dict, part.source.path, embedded.contents.length, scratch);
          doc.context.assign(ref, stored);
        }
      }
      if (doc.getPageCount() === before) throw new Error('no pages');
      firstPages.push(doc.getPage(before).ref);
    } catch (e) {
      throw new PdfPartError(index, e instanceof Error ? e.message : String(e));
    }
    hooks.progress?.(index + 1, parts.length);
  }
  if (await isCancelledNow(hooks)) throw new PdfJobCancelled();
  addOutline(
    doc,
    parts.map((p, i) => ({ title: p.bookmark, page: firstPages[i]! })),
  );
  return { bytes: await doc.save({ useObjectStreams: false }), pages: doc.getPageCount() };
}

/** One A4 page with the image centred, upright per its EXIF orientation, embedded without re-encoding. */
async function addImagePage(
  doc: PDFDocument,
  kind: 'jpeg' | 'png',
  bytes: Uint8Array,
  orientation: number,
): Promise<PDFRef> {
  const image = kind === 'jpeg' ? await doc.embedJpg(bytes) : await doc.embedPng(bytes);
  // Embed now: the PNG decoder's pixels (or the embedder's reference) are released before the next part.
  await image.embed();
  const matrix = ORIENTATION_MATRIX[orientation] ?? ORIENTATION_MATRIX[1]!;
  const isTurned = orientation >= 5 && orientation <= 8;
  const [width, height] = isTurned ? [image.height, image.width] : [image.width, image.height];
  const [pw, ph] = a4For(width, height);
  const scale = Math.min(pw / width, ph / height);
  const [w, h] = [width * scale, height * scale];
  const [x, y] = [(pw - w) / 2, (ph - h) / 2];
  const page = doc.addPage([pw, ph]);
  const name = page.node.newXObject('Image', image.ref);
  const [a, b, c, d, e, f] = matrix;
  page.pushOperators(
    pushGraphicsState(),
    concatTransformationMatrix(w * a, h * b, w * c, h * d, x + w * e, y + h * f),
    drawObject(name),
    popGraphicsState(),
  );
  return image.ref;
}

/**
 * pdf-lib has no outline API: the /Outlines dictionary by hand (PDF 32000-1 12.3.3), one top-level entry
 * per part, each titled in UTF-16 (Chinese and characters beyond the BMP alike) and opening its first page
 * fitted to the window; the viewer shows the outline on opening.
 */
function addOutline(doc: PDFDocument, entries: { title: string; page: PDFRef }[]): void {
  if (entries.length === 0) return;
  const { context, catalog } = doc;
  const root = context.nextRef();
  const refs = entries.map(() => context.nextRef());
  entries.forEach((entry, i) => {
    const item = context.obj({});
    item.set(PDFName.of('Title'), PDFHexString.fromText(entry.title));
    item.set(PDFName.of('Parent'), root);
    if (i > 0) item.set(PDFName.of('Prev'), refs[i - 1]!);
    if (i < refs.length - 1) item.set(PDFName.of('Next'), refs[i + 1]!);
    const dest = PDFArray.withContext(context);
    dest.push(entry.page);
    dest.push(PDFName.of('Fit'));
    item.set(PDFName.of('Dest'), dest);
    context.assign(refs[i]!, item);
  });
  const outlines = context.obj({});
  outlines.set(PDFName.of('Type'), PDFName.of('Outlines'));
  outlines.set(PDFName.of('First'), refs[0]!);
  outlines.set(PDFName.of('Last'), refs[refs.length - 1]!);
  outlines.set(PDFName.of('Count'), PDFNumber.of(refs.length));
  context.assign(root, outlines);
  catalog.set(PDFName.of('Outlines'), root);
  catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}

if (parentPort && workerData === WORKER_ROLE) {
  const port = parentPort;
  const running = new Set<number>();
  const cancelled = new Set<number>();
  port.on('message', (message: PdfRequest | PdfCancel) => {
    if ('cancel' in message) {
      // A cancel that crossed the job's answer finds it gone: nothing to do.
      if (running.has(message.id)) cancelled.add(message.id);
      return;
    }
    const request = message;
    running.add(request.id);
    const hooks: PdfJobHooks = {
      progress: (done, total) => {
        const update: PdfProgress = { id: request.id, progress: { done, total } };
        port.postMessage(update);
      },
      isCancelled: () => cancelled.has(request.id),
    };
    runPdfJob(request.job, hooks)
      .then(
        ({ bytes, pages }) => {
          const response: PdfResponse = { id: request.id, ok: true, bytes, pages };
          port.postMessage(response, [bytes.buffer as ArrayBuffer]);
        },
        (e: unknown) => {
          const response: PdfResponse = {
            id: request.id,
            ok: false,
            message: e instanceof Error ? e.message : String(e),
            ...(e instanceof PdfJobCancelled ? { cancelled: true } : {}),
            ...(e instanceof PdfPartError ? { part: e.part } : {}),
          };
          port.postMessage(response);
        },
      )
      .finally(() => {
        running.delete(request.id);
        cancelled.delete(request.id);
      });
  });
}
