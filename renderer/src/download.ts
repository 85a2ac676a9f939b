// Handing a text to the browser as a file download (the archive JSON, a key backup); nothing leaves the
// machine.
import { packageUrl } from './api.js';

export function downloadText(fileName: string, text: string, type = 'application/json;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke later: some browsers read the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Where a batch for the city (<data>/batches/<name>, issue 7) is downloaded from: the route of the
 * packages (same token, same app:// host on the desktop), under /batches/.
 */
export function batchUrl(fileName: string): string {
  return packageUrl(fileName).replace('/packages/', '/batches/');
}
