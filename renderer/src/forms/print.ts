// Printing a generated PDF without leaving the app: the file is loaded into a hidden frame of our own
// origin and the frame's print() opens the browser's (or Electron's) print dialog for the PDF itself, so
// what is printed is exactly the file that is saved, not a screenshot of the preview.
const FRAME_ID = 'dossier-print-frame';

/** Removes the frame of an earlier print (kept until now: removing it at once would close its dialog). */
export function removePrintFrame(): void {
  document.getElementById(FRAME_ID)?.remove();
}

/**
 * Loads `url` into a hidden frame and prints it. Resolves once the dialog was asked for; rejects when the
 * frame cannot print (then the caller offers 保存 PDF instead).
 */
export function printPdf(url: string): Promise<void> {
  removePrintFrame();
  const frame = document.createElement('iframe');
  frame.id = FRAME_ID;
  frame.dataset.testid = 'print-frame';
  frame.title = 'print';
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  // Not display:none: a frame that is not laid out does not load its PDF viewer, and prints nothing.
  Object.assign(frame.style, {
    position: 'fixed',
    right: '0',
    bottom: '0',
    width: '1px',
    height: '1px',
    border: '0',
    opacity: '0',
    pointerEvents: 'none',
  });
  return new Promise((resolve, reject) => {
    frame.addEventListener(
      'load',
      () => {
        // The PDF viewer inside the frame needs a moment after `load` before print() reaches it.
        setTimeout(() => {
          try {
            const win = frame.contentWindow;
            if (!win) throw new Error('no frame window');
            win.focus();
            win.print();
            resolve();
          } catch (e) {
            reject(e instanceof Error ? e : new Error(String(e)));
          }
        }, 300);
      },
      { once: true },
    );
    frame.src = url;
    document.body.appendChild(frame);
  });
}
