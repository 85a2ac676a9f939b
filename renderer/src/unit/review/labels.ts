// How the unit's states read in the review, publicity and submission screens: a tag colour and its words.
import type { PublicityState, ReviewStatus } from '../../../../shared/unit/schema.js';
import type { TextKey } from '../../i18n.js';

export const REVIEW_STATUS_TAG: Record<ReviewStatus, { color: string; text: TextKey }> = {
  pending: { color: 'processing', text: 'uw_statusPending' },
  accepted: { color: 'success', text: 'uw_statusAccepted' },
  returned: { color: 'warning', text: 'uw_statusReturned' },
};

export const PUBLICITY_STATE_TAG: Record<PublicityState, { color: string; text: TextKey }> = {
  none: { color: 'default', text: 'uw_pubNone' },
  planned: { color: 'blue', text: 'uw_pubPlanned' },
  running: { color: 'processing', text: 'uw_pubRunning' },
  ended: { color: 'gold', text: 'uw_pubEnded' },
  no_objection: { color: 'success', text: 'uw_pubNoObjection' },
  objection: { color: 'error', text: 'uw_pubObjection' },
};

export const OUTCOME_TEXT: Record<'pending' | 'no_objection' | 'objection', TextKey> = {
  pending: 'uw_outcomePending',
  no_objection: 'uw_outcomeNoObjection',
  objection: 'uw_outcomeObjection',
};
