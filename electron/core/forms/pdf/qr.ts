// QR codes drawn as vector squares: sharp at any print resolution, and deterministic bytes.
import QRCode from 'qrcode';
import { rgb, type PDFPage } from 'pdf-lib';

/** Draws `text` as a QR code with its lower-left corner at (x, y) (pdf-lib coordinates), `size` points wide. */
export function drawQr(page: PDFPage, text: string, x: number, y: number, size: number): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = modules.size;
  const cell = size / n;
  for (let row = 0; row < n; row++) {
    // One rectangle per horizontal run of dark modules keeps the page small.
    let start = -1;
    for (let col = 0; col <= n; col++) {
      const dark = col < n && modules.get(row, col);
      if (dark && start === -1) start = col;
      if (!dark && start !== -1) {
        page.drawRectangle({
          x: x + start * cell,
          y: y + (n - 1 - row) * cell,
          width: (col - start) * cell,
          height: cell,
          color: rgb(0, 0, 0),
        });
        start = -1;
      }
    }
  }
}
