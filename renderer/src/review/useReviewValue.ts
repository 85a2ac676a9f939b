// The editor's ReviewContext value: the received review's comments indexed for the fields and attachments,
// and `open`, which follows a comment the way an eligibility fix link is followed (same screen lookup, same
// focus of the field by its DOM id).
import { useMemo } from 'react';
import type { Fix } from '../../../shared/rules/types.js';
import type { ReviewComment } from '../../../shared/unit/schema.js';
import type { ScreenKey } from '../screens/screens.js';
import { attachmentCommentsId, EMPTY_REVIEW, indexComments, wantFocus, type ReviewValue } from './context.js';
import type { ReceivedState } from './useReceivedReview.js';

export function useReviewValue(
  state: ReceivedState,
  follow: (fix: Fix) => void,
  navigate: (screen: ScreenKey, focusId: string | null) => void,
): ReviewValue {
  const received = state.kind === 'ready' ? state.received : null;
  const index = useMemo(() => indexComments(received?.review.comments ?? []), [received]);
  if (!received) return EMPTY_REVIEW;
  const open = (comment: ReviewComment) => {
    const target = comment.target;
    if (target.kind === 'field') return follow({ kind: 'field', target: target.path });
    if (target.kind === 'material') return navigate('materials', null);
    const id = attachmentCommentsId(target.sha256);
    wantFocus(id);
    navigate('attachments', id);
  };
  return { received, ...index, open };
}
