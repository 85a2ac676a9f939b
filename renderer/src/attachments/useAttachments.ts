// An applicant's attachments (with links and profile issues) and the bytes linked per material, as the
// core lists them; reloaded after every change, since an edit makes a new version and moves links.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError, OutputOf } from '../../../shared/api/contract.js';
import type { AttachmentView } from '../../../shared/attachments/schema.js';
import { ApiFailure, call } from '../api.js';

type Listing = OutputOf<'attachments:list'>;

export type AttachmentsState =
  | { kind: 'loading' }
  | { kind: 'failed'; error: ApiError }
  | { kind: 'ready'; attachments: AttachmentView[]; materials: Listing['materials'] };

const asError = (e: unknown): ApiError =>
  e instanceof ApiFailure ? e.error : { code: 'internal', message: { zh: String(e), en: String(e) } };

/** `refresh`: when it changes the list is loaded again (e.g. the count of finished upload batches). */
export function useAttachments(applicantId: string, refresh = 0) {
  const [state, setState] = useState<AttachmentsState>({ kind: 'loading' });
  // Only the latest of overlapping reloads may set the state.
  const generation = useRef(0);

  const reload = useCallback(async () => {
    const mine = ++generation.current;
    try {
      const listing = await call('attachments:list', { applicantId });
      if (mine === generation.current) setState({ kind: 'ready', ...listing });
    } catch (e) {
      if (mine === generation.current) setState({ kind: 'failed', error: asError(e) });
    }
  }, [applicantId]);

  useEffect(() => {
    void reload();
  }, [reload, refresh]);

  return { state, reload };
}

/** What a list shows: live attachments without a newer one-to-one edit (docs/attachments.md). */
export const visibleAttachments = (all: readonly AttachmentView[]): AttachmentView[] =>
  all.filter((a) => a.deletedAt === null && !a.hasNewerVersion);
