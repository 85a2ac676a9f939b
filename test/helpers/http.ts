// Raw HTTP requests to the browser-mode server, so tests can set Host and Origin as an attacker would.
// The body goes out in 64 KiB pieces (chunked unless a Content-Length is given).
import http from 'node:http';

export interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

export function rawRequest(
  port: number,
  method: string,
  urlPath: string,
  { headers = {}, body }: { headers?: Record<string, string>; body?: Buffer | string } = {},
): Promise<Reply> {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method, path: urlPath, headers: { host: `127.0.0.1:${port}`, ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      },
    );
    req.on('error', reject);
    for (let i = 0; bytes && i < bytes.length; i += 65536) req.write(bytes.subarray(i, i + 65536));
    req.end();
  });
}

/**
 * A download the user cancels: GET `urlPath`, then close the connection once `afterBytes` of the body have
 * arrived (as a browser does when the download is cancelled or the tab closed). Resolves with the status
 * and what had arrived; `whole` when the body ended before that.
 */
export function abortedDownload(
  port: number,
  urlPath: string,
  afterBytes: number,
): Promise<{ status: number; received: number; whole: boolean }> {
  return new Promise((resolve, reject) => {
    let done = false;
    const req = http.request(
      { host: '127.0.0.1', port, method: 'GET', path: urlPath, headers: { host: `127.0.0.1:${port}` } },
      (res) => {
        let received = 0;
        // Once we hang up, the response reports its own end as an error: expected, not a failure.
        res.on('error', () => undefined);
        res.on('data', (chunk: Buffer) => {
          received += chunk.length;
          if (done || received < afterBytes) return;
          done = true;
          req.destroy();
          resolve({ status: res.statusCode ?? 0, received, whole: false });
        });
        res.on('end', () => {
          if (done) return;
          done = true;
          resolve({ status: res.statusCode ?? 0, received, whole: true });
        });
      },
    );
    req.on('error', (e) => {
      if (!done) reject(e);
    });
    req.end();
  });
}
