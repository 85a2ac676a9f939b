// The PDF page operations (pdf-lib load → copy/rotate/embed → save), run in a worker thread so that a
// large PDF being rotated, split or merged never holds up the main thread (which answers every other
// request, in the desktop app and the browser mode alike). Bytes in, bytes out: no database, no store.
// PDF pages are copied, never re-rendered, so text and vector content stay as they were; a rotated page
// only changes its /Rotate entry. The protocol is PdfRequest → PdfResponse; pdfPool.ts is the other end.
// The operations are exported too: pdfPool.ts runs them in-process where no worker can be started.
import { parentPort, workerData } from 'node:worker_threads';
import { degrees, PDFDocument } from 'pdf-lib';

/** One part of a merge: a PDF (all its pages copied) or one upright image page (JPEG or PNG bytes). */
export type MergePart = { kind: 'pdf'; bytes: Uint8Array } | { kind: 'jpeg' | 'png'; bytes: Uint8Array };

export type PdfJob =
  /** Rotate one page (1-based) or, with null, every page, by a multiple of 90° clockwise. */
  | { op: 'rotate'; pdf: Uint8Array; angle: number; page: number | null }
  /** A new PDF of these pages (1-based, in this order). */
  | { op: 'select'; pdf: Uint8Array; pages: number[] }
  /** One PDF of the parts in order; an image becomes an A4 page of its orientation. */
  | { op: 'merge'; parts: MergePart[] };

export interface PdfRequest {
  id: number;
  job: PdfJob;
}

export type PdfResponse =
  { id: number; ok: true; bytes: Uint8Array; pages: number } | { id: number; ok: false; message: string };

/** What pdfPool.ts passes as workerData, so that importing this file elsewhere starts nothing. */
export const WORKER_ROLE = 'dossier-pdf';

/** A4 in PDF points. */
const A4 = { short: 595.28, long: 841.89 };

export async function runPdfJob(job: PdfJob): Promise<{ bytes: Uint8Array; pages: number }> {
  let doc: PDFDocument;
  switch (job.op) {
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

if (parentPort && workerData === WORKER_ROLE) {
  const port = parentPort;
  port.on('message', (request: PdfRequest) => {
    runPdfJob(request.job).then(
      ({ bytes, pages }) => {
        const response: PdfResponse = { id: request.id, ok: true, bytes, pages };
        port.postMessage(response, [bytes.buffer as ArrayBuffer]);
      },
      (e: unknown) => {
        const response: PdfResponse = {
          id: request.id,
          ok: false,
          message: e instanceof Error ? e.message : String(e),
        };
        port.postMessage(response);
      },
    );
  });
}
