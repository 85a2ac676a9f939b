// Browser mode: the built renderer and the API over HTTP, on 127.0.0.1 only, guarded by a per-run token.
// The same dispatcher as the desktop app's IPC, so tests through HTTP prove the desktop path.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DESKTOP_ONLY_METHODS, PackageUploadResult, UploadResult } from '../shared/api/contract.js';
import { addAttachmentFromStream } from './core/attachments/attachmentService.js';
import { fullFontFile } from './core/forms/fonts.js';
import { openPreviewFile } from './core/unit/heldFiles.js';
import { getUploadProfile } from './core/attachments/profile.js';
import { callService, dispatch } from './core/dispatcher.js';
import { explainFailure, logFailure } from './core/errors.js';
import { openPackageDownload } from './core/package/packageFiles.js';
import { openBatchDownload } from './core/unit/batch.js';
import { MAX_PACKAGE_BYTES, receiveUpload } from './core/package/uploads.js';
import { packageRoot } from './core/paths.js';
import type { Workspace } from './core/workspace.js';

export const MAX_BODY_BYTES = 64 * 1024 * 1024;

/** Scripts only from our own origin; antd's CSS-in-JS needs inline styles; nothing remote at all. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Where the UI fetches the full faces behind its subsets (scripts/fonts/uiFonts.mjs: `full/` beside its CSS). */
export const FULL_FONTS = '/fonts/full/';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  // pdf.js's worker (issue 3) is an ES module: a worker script must come with a JavaScript type.
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.otf': 'font/otf',
  '.ttf': 'font/ttf',
};

export interface Server {
  url: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

export interface ServeOptions {
  workspace: Workspace;
  port?: number;
  /** Folder of the built renderer; defaults to dist/renderer. */
  staticDir?: string;
  /** The largest package POST /api/package takes (tests set a small one); the reader's cap by default. */
  maxPackageBytes?: number;
}

export async function startServer(options: ServeOptions): Promise<Server> {
  const token = randomBytes(24).toString('base64url');
  const staticDir = path.resolve(options.staticDir ?? path.join(packageRoot(), 'dist', 'renderer'));
  let port = 0;

  const server = http.createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      // One line in the log and a message in the answer, never a stack trace (issue 13).
      const where = { dataDir: options.workspace.dataDir };
      logFailure(`${req.method ?? ''} request`, e, where);
      const error = explainFailure(e, where).toApiError();
      if (!res.headersSent) sendJson(res, 500, { ok: false, error });
      else res.destroy();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    // DNS rebinding: only our own host names reach us, whatever the browser resolved.
    if (!isOwnHost(req.headers.host, port))
      return refuse(res, 403, 'bad_host', '拒绝：主机名不符', 'Refused: wrong Host');
    // A URL that does not parse, or whose path has malformed percent-encoding (`/%E0%A4%A`), is the
    // caller's mistake: 400 here, so that no decodeURIComponent below can throw a URIError into the log.
    const url = URL.parse(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (!url || !isDecodable(url.pathname))
      return refuse(res, 400, 'bad_url', '请求地址无效（百分号编码有误）', 'Malformed URL (bad percent-encoding)');
    if (url.pathname === '/api/upload') return handleUpload(req, res, url);
    if (url.pathname === '/api/package') return handlePackageUpload(req, res, url);
    if (url.pathname.startsWith('/api/')) return handleApi(req, res, url.pathname.slice('/api/'.length));
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return refuse(res, 405, 'method', '不支持的请求', 'Method not allowed');
    if (url.pathname.startsWith('/files/')) return serveFile(req, res, url);
    if (url.pathname.startsWith(FULL_FONTS)) return serveFullFont(res, url.pathname.slice(FULL_FONTS.length));
    if (url.pathname.startsWith('/packages/')) return serveDownload(req, res, url, '/packages/', openPackageDownload);
    if (url.pathname.startsWith('/batches/')) return serveDownload(req, res, url, '/batches/', openBatchDownload);
    return serveStatic(res, url.pathname);
  }

  /** POST only, from our own origin (or none), with the token header; false once refused. */
  function isCallerAllowed(req: http.IncomingMessage, res: http.ServerResponse): boolean {
    const origin = req.headers.origin;
    if (req.method !== 'POST') refuse(res, 405, 'method', '只接受 POST', 'POST only');
    else if (origin !== undefined && !isOwnOrigin(origin, port))
      refuse(res, 403, 'bad_origin', '拒绝：来源不符', 'Refused: foreign Origin');
    else if (!isTokenValid(req.headers['x-dossier-token'], token))
      refuse(
        res,
        401,
        'bad_token',
        '访问令牌无效：本机服务可能已重新启动，请打开终端中显示的新地址',
        'Invalid access token: the local service may have restarted; open the new address shown in the terminal',
      );
    else return true;
    return false;
  }

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, method: string): Promise<void> {
    if (!isCallerAllowed(req, res)) return;
    if (DESKTOP_ONLY_METHODS.includes(decodeURIComponent(method))) {
      return refuse(
        res,
        403,
        'desktop_only',
        '此操作仅限桌面应用；浏览器请用上传',
        'Desktop only: upload the file instead',
      );
    }
    if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return refuse(res, 415, 'content_type', '请求须为 JSON', 'Body must be JSON');
    }
    const body = await readBody(req, MAX_BODY_BYTES);
    if (body === null) return refuse(res, 413, 'too_large', '请求过大', 'Request too large');
    let input: unknown;
    try {
      input = JSON.parse(body);
    } catch {
      return refuse(res, 400, 'bad_json', '请求不是有效的 JSON', 'Request is not valid JSON');
    }
    const result = await dispatch(options.workspace, decodeURIComponent(method), input);
    sendJson(res, 200, result);
  }

  /**
   * POST /api/upload?name=<file name>[&applicantId=<id>]: the raw body is one file, streamed into the store
   * (never buffered whole) by the same core as the desktop's attachments:addPaths; answers like a method.
   */
  async function handleUpload(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    if (!isCallerAllowed(req, res)) return;
    const fileName = url.searchParams.get('name');
    if (!fileName) return refuse(res, 400, 'bad_name', '缺少文件名（?name=）', 'Missing file name (?name=)');
    const limit = getUploadProfile(options.workspace.db).intake.maxBytes;
    // Refused before reading when the size is declared; counted while streaming when it is not.
    res.setHeader('Connection', 'close');
    if (Number(req.headers['content-length'] ?? 0) > limit) {
      return refuse(res, 413, 'too_large', `文件超过 ${limit / 1e6} MB 上限`, `File larger than ${limit / 1e6} MB`);
    }
    const result = await callService(
      'upload',
      () =>
        addAttachmentFromStream(options.workspace, req.iterator({ destroyOnReturn: false }), {
          fileName,
          applicantId: url.searchParams.get('applicantId'),
        }),
      UploadResult,
      { dataDir: options.workspace.dataDir },
    );
    if (!res.destroyed) sendJson(res, 200, result);
  }

  /**
   * POST /api/package?name=<file name>: a package file (issue 6) for package:verify and package:import,
   * streamed into <data>/incoming/ (never buffered whole); answers PackageUploadResult like a method.
   */
  async function handlePackageUpload(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    if (!isCallerAllowed(req, res)) return;
    const fileName = url.searchParams.get('name');
    if (!fileName) return refuse(res, 400, 'bad_name', '缺少文件名（?name=）', 'Missing file name (?name=)');
    const limit = options.maxPackageBytes ?? MAX_PACKAGE_BYTES;
    res.setHeader('Connection', 'close');
    if (Number(req.headers['content-length'] ?? 0) > limit) {
      return refuse(res, 413, 'too_large', '申报包超过大小上限', 'Package larger than the limit');
    }
    const result = await callService(
      'package upload',
      () => receiveUpload(options.workspace, req.iterator({ destroyOnReturn: false }), { fileName, maxBytes: limit }),
      PackageUploadResult,
      { dataDir: options.workspace.dataDir },
    );
    if (!res.destroyed) sendJson(res, result.ok || result.error.code !== 'too_large' ? 200 : 413, result);
  }

  /**
   * GET /packages/<file name>?token=<token>: a package file this workspace wrote or took in, as a download.
   * Only names the package table records are served, from <data>/packages/. GET /batches/<file name>: a
   * unit's batch for the city (issue 7), only names unit_batch records, from <data>/batches/.
   */
  async function serveDownload(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    url: URL,
    prefix: string,
    open: typeof openPackageDownload,
  ): Promise<void> {
    if (!isTokenValid(url.searchParams.get('token') ?? undefined, token)) {
      return refuse(
        res,
        401,
        'bad_token',
        '访问令牌无效：本机服务可能已重新启动，请打开终端中显示的新地址',
        'Invalid access token: the local service may have restarted; open the new address shown in the terminal',
      );
    }
    // Decodable: handle() refused a malformed path, and the ASCII prefix cannot split an escape.
    const name = decodeURIComponent(url.pathname.slice(prefix.length));
    const file = await open(options.workspace, name);
    if (!file) return refuse(res, 404, 'not_found', '未找到', 'Not found');
    res.writeHead(200, {
      'Content-Type': file.mediaType,
      'Content-Length': file.size,
      'Content-Disposition': file.disposition,
      'Cache-Control': 'no-store',
    });
    if (req.method === 'HEAD') {
      file.stream.destroy();
      return void res.end();
    }
    await sendFile(file.stream, res, `${prefix}${name}`, file.size);
    // Only a download that went out whole counts as delivered (a batch is then removed: batch.ts).
    if (res.writableFinished) await file.onDelivered?.();
  }

  /**
   * GET /files/<sha256>[?thumb=1]&token=<token>: a stored file for previews. The token comes as a query
   * parameter because <img> cannot send headers; only hashes an attachment names are served, from the store
   * (in a unit's workspace also a replaced scan, from the older revision's package file: unit/heldFiles.ts).
   */
  async function serveFile(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    if (!isTokenValid(url.searchParams.get('token') ?? undefined, token)) {
      return refuse(
        res,
        401,
        'bad_token',
        '访问令牌无效：本机服务可能已重新启动，请打开终端中显示的新地址',
        'Invalid access token: the local service may have restarted; open the new address shown in the terminal',
      );
    }
    const sha256 = url.pathname.slice('/files/'.length);
    const file = await openPreviewFile(options.workspace, sha256, { thumbnail: url.searchParams.get('thumb') === '1' });
    if (!file) return refuse(res, 404, 'not_found', '未找到', 'Not found');
    res.writeHead(200, {
      'Content-Type': file.mediaType,
      ...(file.size !== undefined ? { 'Content-Length': file.size } : {}),
      // Named by its content: the bytes behind a hash never change.
      'Cache-Control': 'private, max-age=31536000, immutable',
      'Content-Disposition': `inline; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    });
    if (req.method === 'HEAD') {
      file.stream.destroy();
      return void res.end();
    }
    await sendFile(file.stream, res, `/files/${sha256.slice(0, 12)}…`, file.size);
  }

  function serveStatic(res: http.ServerResponse, pathname: string): void {
    const relative = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
    const file = path.resolve(staticDir, relative);
    // Path containment: nothing outside the built renderer is ever served.
    if (file !== staticDir && !file.startsWith(staticDir + path.sep))
      return void refuse(res, 404, 'not_found', '未找到', 'Not found');
    sendStatic(res, file, relative === 'index.html' ? 'no-store' : 'public, max-age=31536000, immutable');
  }

  /** A full face behind the UI's font subsets (issue 15): only the forms' own font files, by name. */
  function serveFullFont(res: http.ServerResponse, name: string): void {
    const file = fullFontFile(name);
    if (!file) return void refuse(res, 404, 'not_found', '未找到', 'Not found');
    sendStatic(res, file, 'public, max-age=31536000, immutable');
  }

  function sendStatic(res: http.ServerResponse, file: string, cacheControl: string): void {
    let size: number;
    try {
      const stat = statSync(file);
      if (!stat.isFile()) throw new Error('not a file');
      size = stat.size;
    } catch {
      return void refuse(res, 404, 'not_found', '未找到', 'Not found');
    }
    res.writeHead(200, {
      'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'Content-Length': size,
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'Cache-Control': cacheControl,
    });
    createReadStream(file).pipe(res);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    token,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const msg = (zh: string, en: string) => ({ zh, en });

/** How a connection the browser closed shows up in a pipeline into the response. */
const CLIENT_GONE = new Set(['ERR_STREAM_PREMATURE_CLOSE', 'ECONNRESET', 'EPIPE', 'ERR_STREAM_DESTROYED']);

/**
 * Streams a file into the response. A download the user cancels, or a preview whose tab is closed, ends
 * the connection before the end: the user's choice, not a fault of ours, so it is one line in the log and
 * never a stack trace (issue 19). Anything else is still thrown, and logged whole as a failure.
 */
async function sendFile(stream: Readable, res: http.ServerResponse, what: string, size?: number): Promise<void> {
  // How far it got, for the log line: counted on the way, whatever kind of stream the file is.
  let sent = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      sent += chunk.length;
      done(null, chunk);
    },
  });
  try {
    await pipeline(stream, counter, res);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException | null)?.code;
    if (!res.destroyed || !code || !CLIENT_GONE.has(code)) throw e;
    stream.destroy();
    const of = size === undefined ? '' : ` of ${size}`;
    console.warn(`[dossier] download of ${what} stopped by the browser (${code}, ${sent}${of} bytes sent)`);
  }
}

function isDecodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

function refuse(res: http.ServerResponse, status: number, code: string, zh: string, en: string): void {
  sendJson(res, status, { ok: false, error: { code, message: msg(zh, en) } });
}

function sendJson(res: http.ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

export function isOwnHost(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

export function isOwnOrigin(origin: string, port: number): boolean {
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

function isTokenValid(given: string | string[] | null | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Reads the body up to a limit; null when it is larger (the rest is drained, not buffered). */
function readBody(req: http.IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      if (!tooLarge) chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
