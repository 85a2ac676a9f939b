// Turning anything thrown by a call into a sentence in the UI language.
import { ApiFailure } from './api.js';
import type { Lang } from './i18n.js';

export function errorText(e: unknown, lang: Lang): string {
  if (e instanceof ApiFailure) return e.error.message[lang];
  return e instanceof Error ? e.message : String(e);
}
