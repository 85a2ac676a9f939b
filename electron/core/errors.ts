// Errors that reach the user: a stable code, a message in both UI languages, and for refused input every
// problem found. Thrown inside the core, turned into `{ ok: false, error }` values by the dispatcher.
import type { ApiError, Issue, Localized } from '../../shared/api/contract.js';

export class DossierError extends Error {
  constructor(
    readonly code: string,
    readonly localized: Localized,
    readonly issues?: Issue[],
  ) {
    super(localized.en);
    this.name = 'DossierError';
  }

  toApiError(): ApiError {
    return { code: this.code, message: this.localized, ...(this.issues ? { issues: this.issues } : {}) };
  }
}

/** Refused input rather than a failed operation: the CLI's exit code 2 (otherwise 1). */
export function isInvalidInput(e: DossierError): boolean {
  return Boolean(e.issues) || e.code === 'not_json' || e.code.startsWith('wrong_') || e.code.endsWith('_too_new');
}
