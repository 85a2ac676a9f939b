// The renderer's only way to the Node core. In the desktop app the preload exposes `window.dossier`
// (IPC); in the browser mode the same calls go over HTTP to 127.0.0.1 with the per-run token.
import type { z } from 'zod';
import type { ApiError, ApiResult, InputOf, Method, OutputOf, PackageUploadResult } from '../../shared/api/contract.js';
import type { AddResult } from '../../shared/attachments/schema.js';

declare global {
  interface Window {
    dossier?: {
      invoke(method: string, input: unknown): Promise<ApiResult<unknown>>;
      /** Desktop only: the local path of a dropped or picked file (Electron's webUtils.getPathForFile). */
      pathForFile?(file: File): string;
      /**
       * Desktop only: each package file the OS asks the app to open (a double-click, a second launch), those
       * that came before the page listened included. Returns the function that stops listening.
       */
      onOpenFile?: (listener: (file: string) => void) => () => void;
    };
  }
}

const TOKEN_KEY = 'dossier.token';
const KEEPALIVE_MAX_BYTES = 60 * 1024;

/** The browser mode hands the token over in the URL fragment (never sent to the server); keep it per tab. */
function readToken(): string | null {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', window.location.pathname + window.location.search);
    return match[1];
  }
  return sessionStorage.getItem(TOKEN_KEY);
}
const token = typeof window !== 'undefined' && !window.dossier ? readToken() : null;

export class ApiFailure extends Error {
  constructor(readonly error: ApiError) {
    super(error.message.en);
  }
}

// The browser's own wording ("Failed to fetch") says nothing to an applicant; say what happened instead.
const networkError = (detail?: string): ApiError => {
  const suffix = detail ? `（${detail}）` : '';
  return {
    code: 'unreachable',
    message: {
      zh: `无法连接本机服务${suffix}：服务可能已关闭。请重新运行启动命令，并打开它显示的新地址。`,
      en: `Cannot reach the local service${detail ? ` (${detail})` : ''}: it may have stopped. Run the start command again and open the new address it shows.`,
    },
  };
};

async function invokeRaw(method: string, input: unknown, keepalive = false): Promise<ApiResult<unknown>> {
  if (window.dossier) return window.dossier.invoke(method, input);
  try {
    const body = JSON.stringify(input);
    const response = await fetch(`/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-dossier-token': token ?? '' },
      body,
      // Browsers refuse keepalive bodies over 64 KiB (a long work summary): send those as a plain
      // request, which on 127.0.0.1 is usually out before the page is gone, rather than not at all.
      keepalive: keepalive && new Blob([body]).size <= KEEPALIVE_MAX_BYTES,
    });
    return (await response.json()) as ApiResult<unknown>;
  } catch {
    return { ok: false, error: networkError() };
  }
}

/** Call a method of the contract; resolves to its output or throws ApiFailure with a localized message. */
export async function call<M extends Method>(
  method: M,
  input: InputOf<M>,
  options: { keepalive?: boolean } = {},
): Promise<OutputOf<M>> {
  const result = await invokeRaw(method, input, options.keepalive);
  if (!result.ok) throw new ApiFailure(result.error);
  if (changesAttachments(method)) announceAttachmentsChanged();
  return result.value as OutputOf<M>;
}

/**
 * Fired on `window` after anything changes attachments or their links (an edit, a link, an upload), so
 * that everything derived from them — the eligibility findings on every screen — follows at once.
 */
export const ATTACHMENTS_CHANGED = 'dossier:attachments-changed';
const changesAttachments = (method: string) =>
  method.startsWith('attachments:') && method !== 'attachments:list' && method !== 'attachments:get';
const announceAttachmentsChanged = () => window.dispatchEvent(new Event(ATTACHMENTS_CHANGED));

export const hasToken = () => Boolean(window.dossier) || Boolean(token);

// ---- File bytes (issue 3, docs/attachments.md "Byte endpoints"): never as JSON. ----

export interface UploadOptions {
  /** The applicant the file belongs to; the workspace's applicant when omitted. */
  applicantId?: string;
  /** Bytes sent so far of this file (browser mode; the desktop reads the file itself, all at once). */
  onProgress?: (loaded: number, total: number) => void;
  /** Aborting stops this file; files already added stay. */
  signal?: AbortSignal;
}

const cancelled = (): ApiFailure => new ApiFailure({ code: 'cancelled', message: { zh: '已取消', en: 'Cancelled' } });

/** True when an upload was stopped by its signal rather than refused. */
export const isCancelled = (e: unknown): boolean => e instanceof ApiFailure && e.error.code === 'cancelled';

/**
 * Add one file to the store. Browser mode: POST /api/upload with XMLHttpRequest, the only browser API that
 * reports upload progress. Desktop: the file's path goes to attachments:addPaths (the page never reads the
 * bytes). Resolves to the AddResult or throws ApiFailure with the core's message, which names the file.
 */
export async function uploadFile(file: File, options: UploadOptions = {}): Promise<AddResult> {
  if (options.signal?.aborted) throw cancelled();
  const desktop = window.dossier;
  if (desktop) {
    const path = pathOf(desktop, file);
    const { results } = await call('attachments:addPaths', { applicantId: options.applicantId ?? null, paths: [path] });
    const result = results[0];
    if (!result) throw new ApiFailure(networkError('no result'));
    if (!result.ok) throw new ApiFailure(result.error);
    options.onProgress?.(file.size, file.size);
    return result.value;
  }
  const query = new URLSearchParams({ name: file.name });
  if (options.applicantId) query.set('applicantId', options.applicantId);
  const value = await sendFile<AddResult>(`/api/upload?${query.toString()}`, file, options);
  announceAttachmentsChanged();
  return value;
}

/**
 * POSTs a file's bytes (browser mode) with XMLHttpRequest, the only browser API that reports upload
 * progress; resolves to the value of the core's `{ ok, value }` answer or throws ApiFailure.
 */
function sendFile<T>(url: string, file: File, options: Omit<UploadOptions, 'applicantId'>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('x-dossier-token', token ?? '');
    xhr.responseType = 'json';
    xhr.upload.onprogress = (event) =>
      options.onProgress?.(event.loaded, event.lengthComputable ? event.total : file.size);
    const onAbort = () => xhr.abort();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const settle = () => options.signal?.removeEventListener('abort', onAbort);
    xhr.onload = () => {
      settle();
      const result = xhr.response as ApiResult<T> | null;
      if (result && typeof result === 'object' && 'ok' in result) {
        if (result.ok) resolve(result.value);
        else reject(new ApiFailure(result.error));
      } else {
        reject(new ApiFailure(networkError(`HTTP ${xhr.status}`)));
      }
    };
    xhr.onerror = () => {
      settle();
      reject(new ApiFailure(networkError(file.name)));
    };
    xhr.onabort = () => {
      settle();
      reject(cancelled());
    };
    xhr.send(file);
  });
}

/** Where a desktop File lies on disk (the preload's webUtils); throws when it is not a disk file. */
function pathOf(desktop: NonNullable<Window['dossier']>, file: File): string {
  const path = desktop.pathForFile?.(file) ?? '';
  if (!path) {
    throw new ApiFailure({
      code: 'file_missing',
      message: { zh: `无法读取“${file.name}”的位置`, en: `Cannot locate "${file.name}" on disk` },
    });
  }
  return path;
}

export type PackageUpload = z.infer<typeof PackageUploadResult>;

/**
 * Hands a package file (.zcpkg) to the core for package:verify and package:import. Browser mode: POST
 * /api/package?name=<name>, the bytes streamed with progress; desktop: its path to package:openPath (the
 * core reads it; only a path the user picked or dropped).
 */
export async function uploadPackage(
  file: File,
  onProgress?: (loaded: number, total: number) => void,
  signal?: AbortSignal,
): Promise<PackageUpload> {
  if (signal?.aborted) throw cancelled();
  const desktop = window.dossier;
  if (desktop) {
    const value = await call('package:openPath', { path: pathOf(desktop, file) });
    onProgress?.(file.size, file.size);
    return value;
  }
  const query = new URLSearchParams({ name: file.name });
  return sendFile<PackageUpload>(`/api/package?${query.toString()}`, file, {
    ...(onProgress ? { onProgress } : {}),
    ...(signal ? { signal } : {}),
  });
}

/** Where a package of this workspace (<data>/packages/<name>) is downloaded from. */
export function packageUrl(fileName: string): string {
  const name = encodeURIComponent(fileName);
  if (window.dossier) return `app://dossier/packages/${name}`;
  return `/packages/${name}?${new URLSearchParams({ token: token ?? '' }).toString()}`;
}

/** Where a stored file (or its JPEG thumbnail, images only) is loaded from for previews. */
export function fileUrl(sha256: string, options: { thumb?: boolean } = {}): string {
  const thumb = options.thumb ? 'thumb=1' : '';
  if (window.dossier) return `app://dossier/files/${sha256}${thumb ? `?${thumb}` : ''}`;
  const query = new URLSearchParams({ token: token ?? '' });
  if (options.thumb) query.set('thumb', '1');
  return `/files/${sha256}?${query.toString()}`;
}
