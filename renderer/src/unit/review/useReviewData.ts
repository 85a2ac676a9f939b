// One applicant as the unit reviews it: the review state (unit:review — findings, marks, comments,
// revisions, changes), the read-only archive (archive:get), its attachments (attachments:list) and the
// rule pack's parameters (rules:getParams: the years of the yearly proofs), loaded
// together so the screen never shows marks of one revision beside the archive of another. `reload` keeps
// what is shown while it reads again (重新检查 must not blank the screen); marks and comments are patched
// in place from the answers of their own calls.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ApiError, OutputOf } from '../../../../shared/api/contract.js';
import type { ArchiveDocument } from '../../../../shared/archive/schema.js';
import type { AttachmentView } from '../../../../shared/attachments/schema.js';
import { computeMaterials, type MaterialStatus } from '../../../../shared/materials/requirements.js';
import { call } from '../../api.js';
import { asApiError } from '../../jobs/tracker.js';

export type Review = OutputOf<'unit:review'>;

export interface ReviewData<R = Review> {
  review: R;
  archive: ArchiveDocument;
  attachments: AttachmentView[];
  materials: MaterialStatus[];
}

export type ReviewState<R = Review> =
  | { kind: 'loading' }
  | { kind: 'failed'; error: ApiError }
  | { kind: 'ready'; data: ReviewData<R>; isReloading: boolean; reloadError: ApiError | null };

const unitReview = (applicantId: string) => call('unit:review', { applicantId });

export function useReviewData(applicantId: string) {
  return useHeldReview(applicantId, unitReview);
}

/**
 * The same for any review of an applicant held here (the unit's, the desk's: desk:review): `fetchReview`
 * reads the review's own state; it must be a stable function (module-level).
 */
export function useHeldReview<R>(applicantId: string, fetchReview: (applicantId: string) => Promise<R>) {
  const [state, setState] = useState<ReviewState<R>>({ kind: 'loading' });
  // Only the latest of overlapping loads may set the state (a quick switch between applicants).
  const generation = useRef(0);

  const load = useCallback(
    async (quiet: boolean) => {
      const mine = ++generation.current;
      if (quiet) setState((s) => (s.kind === 'ready' ? { ...s, isReloading: true, reloadError: null } : s));
      else setState({ kind: 'loading' });
      try {
        const [review, view, listing, rules] = await Promise.all([
          fetchReview(applicantId),
          call('archive:get', { applicantId }),
          call('attachments:list', { applicantId }),
          // The proof years are the workspace's rule-pack parameters, as for the applicant's own view.
          call('rules:getParams', {}),
        ]);
        if (mine !== generation.current) return;
        const materials = computeMaterials(view.archive, listing.attachments, rules.params);
        setState({
          kind: 'ready',
          data: { review, archive: view.archive, attachments: listing.attachments, materials },
          isReloading: false,
          reloadError: null,
        });
      } catch (e) {
        if (mine !== generation.current) return;
        const error = asApiError(e);
        setState((s) =>
          quiet && s.kind === 'ready' ? { ...s, isReloading: false, reloadError: error } : { kind: 'failed', error },
        );
      }
    },
    [applicantId, fetchReview],
  );

  useEffect(() => void load(false), [load]);

  /** Applies the answer of a mark, a comment, a status change without reading everything again. */
  const patch = useCallback((change: (review: R) => R) => {
    setState((s) => (s.kind === 'ready' ? { ...s, data: { ...s.data, review: change(s.data.review) } } : s));
  }, []);

  const reload = useCallback(() => load(true), [load]);
  const retry = useCallback(() => load(false), [load]);
  return useMemo(() => ({ state, reload, retry, patch }), [state, reload, retry, patch]);
}
