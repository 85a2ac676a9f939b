// Handing a text to the browser as a file download (the archive JSON, a key backup); nothing leaves the
// machine.
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
