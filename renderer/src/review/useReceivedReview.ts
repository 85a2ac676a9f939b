// The unit's review the applicant received (review:received), read again whenever `refreshKey` changes (the
// editor passes its screen: after a package import or a new export the answer changes). A failure — the
// package file changed on disk — is kept to be shown, not hidden: the comments would otherwise just vanish.
import { useEffect, useState } from 'react';
import type { ApiError } from '../../../shared/api/contract.js';
import type { ReceivedReview } from '../../../shared/unit/schema.js';
import { ApiFailure, call } from '../api.js';

export type ReceivedState =
  { kind: 'none' } | { kind: 'ready'; received: ReceivedReview } | { kind: 'failed'; error: ApiError };

export function useReceivedReview(applicantId: string, refreshKey: string): ReceivedState {
  const [state, setState] = useState<ReceivedState>({ kind: 'none' });
  useEffect(() => {
    let live = true;
    call('review:received', { applicantId })
      .then(({ received }) => live && setState(received ? { kind: 'ready', received } : { kind: 'none' }))
      .catch((e: unknown) => {
        if (!live) return;
        // Unreachable service and the like are the editor's to report; only the review's own refusal shows here.
        if (e instanceof ApiFailure && e.error.code !== 'unreachable') setState({ kind: 'failed', error: e.error });
        else setState({ kind: 'none' });
      });
    return () => {
      live = false;
    };
  }, [applicantId, refreshKey]);
  return state;
}
