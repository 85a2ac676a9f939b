// The renderer's only way to the Node core. In the desktop app the preload exposes `window.dossier`
// (IPC); in the browser mode the same calls go over HTTP to 127.0.0.1 with the per-run token.
import type { ApiError, ApiResult, InputOf, Method, OutputOf } from '../../shared/api/contract.js';

declare global {
  interface Window {
    dossier?: { invoke(method: string, input: unknown): Promise<ApiResult<unknown>> };
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

const networkError = (detail: string): ApiError => ({
  code: 'unreachable',
  message: { zh: `无法连接本机服务：${detail}`, en: `Cannot reach the local service: ${detail}` },
});

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
  } catch (e) {
    return { ok: false, error: networkError(e instanceof Error ? e.message : String(e)) };
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
  return result.value as OutputOf<M>;
}

export const hasToken = () => Boolean(window.dossier) || Boolean(token);
