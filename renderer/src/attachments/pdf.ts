// PDF pages drawn in the renderer with pdf.js (the core serves no PDF thumbnails: docs/attachments.md).
// Parsing runs in pdf.js's web worker, loaded from our own origin so the CSP's `script-src 'self'` holds;
// the library itself is loaded on first use, so screens without PDFs never pay for it.
import type { PDFDocumentProxy, RenderTask } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { fileUrl } from '../api.js';

type PdfJs = typeof import('pdfjs-dist');

let library: Promise<PdfJs> | null = null;
function loadLibrary(): Promise<PdfJs> {
  library ??= import('pdfjs-dist').then((pdfjs) => {
    pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
    return pdfjs;
  });
  return library;
}

/** Open documents by content hash; the bytes behind a hash never change, so a cached one stays right. */
const documents = new Map<string, Promise<PDFDocumentProxy>>();
const MAX_OPEN = 24;

function openDocument(sha256: string): Promise<PDFDocumentProxy> {
  const cached = documents.get(sha256);
  if (cached) {
    // Most recently used last, so the oldest is the one closed.
    documents.delete(sha256);
    documents.set(sha256, cached);
    return cached;
  }
  const opened = loadLibrary().then(
    (pdfjs) => pdfjs.getDocument({ url: fileUrl(sha256), isEvalSupported: false }).promise,
  );
  opened.catch(() => documents.delete(sha256));
  documents.set(sha256, opened);
  if (documents.size > MAX_OPEN) {
    const [oldest] = documents.keys();
    if (oldest !== undefined) {
      const doc = documents.get(oldest);
      documents.delete(oldest);
      void doc?.then((d) => d.destroy()).catch(() => undefined);
    }
  }
  return opened;
}

/**
 * Draw page `page` (1-based) of a stored PDF into `canvas`, `width` CSS pixels wide. Returns a cancel
 * function: a thumbnail that scrolls away or a preview that changes page stops its render.
 */
export function drawPdfPage(
  canvas: HTMLCanvasElement,
  sha256: string,
  page: number,
  width: number,
  onDone: (error: unknown) => void,
): () => void {
  let task: RenderTask | null = null;
  let isCancelled = false;
  void (async () => {
    try {
      const doc = await openDocument(sha256);
      const pdfPage = await doc.getPage(page);
      if (isCancelled) return;
      const base = pdfPage.getViewport({ scale: 1 });
      const ratio = window.devicePixelRatio || 1;
      const viewport = pdfPage.getViewport({ scale: (width / base.width) * ratio });
      canvas.width = Math.floor(viewport.width);
      canvas.height = Math.floor(viewport.height);
      canvas.style.width = `${Math.floor(viewport.width / ratio)}px`;
      canvas.style.height = `${Math.floor(viewport.height / ratio)}px`;
      task = pdfPage.render({ canvas, viewport });
      await task.promise;
      if (!isCancelled) onDone(null);
    } catch (e) {
      if (!isCancelled) onDone(e);
    }
  })();
  return () => {
    isCancelled = true;
    task?.cancel();
  };
}
