// The unit's review an applicant received (issue 7, 退回) as every screen of the editor sees it: the review,
// its comments indexed by field path and by attachment SHA-256 (the same bytes on both sides, whatever id
// each workspace gives them), and a way to open the place a comment is about. Outside the editor (the
// unit's own screens) there is none, and fields show no comments.
import { createContext, useContext } from 'react';
import type { ReceivedReview, ReviewComment } from '../../../shared/unit/schema.js';

export interface ReviewValue {
  received: ReceivedReview | null;
  byPath: ReadonlyMap<string, readonly ReviewComment[]>;
  bySha256: ReadonlyMap<string, readonly ReviewComment[]>;
  /** Opens the screen a comment is about and focuses its field (or its attachment's comments). */
  open(comment: ReviewComment): void;
}

const NONE: readonly ReviewComment[] = [];

export const EMPTY_REVIEW: ReviewValue = {
  received: null,
  byPath: new Map(),
  bySha256: new Map(),
  open: () => {},
};

export const ReviewContext = createContext<ReviewValue>(EMPTY_REVIEW);

export const useReceived = (): ReviewValue => useContext(ReviewContext);

/** The unit's comments on one field (its problem path). */
export function useFieldComments(path: string): readonly ReviewComment[] {
  return useContext(ReviewContext).byPath.get(path) ?? NONE;
}

export function indexComments(comments: readonly ReviewComment[]): Pick<ReviewValue, 'byPath' | 'bySha256'> {
  const byPath = new Map<string, ReviewComment[]>();
  const bySha256 = new Map<string, ReviewComment[]>();
  for (const c of comments) {
    const [map, key] =
      c.target.kind === 'field'
        ? [byPath, c.target.path]
        : c.target.kind === 'attachment'
          ? [bySha256, c.target.sha256]
          : [];
    if (!map || !key) continue;
    map.set(key, [...(map.get(key) ?? []), c]);
  }
  return { byPath, bySha256 };
}

/** The DOM id of the comments shown beside an attachment (the link from the banner focuses them). */
export const attachmentCommentsId = (sha256: string) => `unit-comments-${sha256.slice(0, 16)}`;

/**
 * An element that appears only once its data has loaded (an attachment's comments) takes the focus a link
 * asked for when it mounts: the editor's focus after navigation runs before the attachments are listed.
 */
let wantedFocus: string | null = null;
export const wantFocus = (id: string | null) => {
  wantedFocus = id;
};
export function takeFocus(id: string, el: HTMLElement | null): void {
  if (!el || wantedFocus !== id) return;
  wantedFocus = null;
  el.scrollIntoView({ block: 'center' });
  el.focus();
}
