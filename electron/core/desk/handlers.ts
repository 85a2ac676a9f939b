// The services behind the reviewing desk's methods (shared/api/deskContract.ts), spread into handlers.ts.
// One group per part of the desk, in the contract's order.
import type { InputOf, OutputOf } from '../../../shared/api/contract.js';
import type { deskMethods } from '../../../shared/api/deskContract.js';
import type { Workspace } from '../workspace.js';
import * as review from './review.js';

type DeskMethod = keyof typeof deskMethods;
type DeskHandlers = {
  [M in DeskMethod]: (workspace: Workspace, input: InputOf<M>) => OutputOf<M> | Promise<OutputOf<M>>;
};

// ── Desk data and receiving ──────────────────────────────────────────────────────────────────────────────────
const profileHandlers = {};

// ── The table across units ──────────────────────────────────────────────────────────────────────────────────
const tableHandlers = {};

// ── One applicant's review ───────────────────────────────────────────────────────────────────────────────────
const reviewHandlers = {
  'desk:review': (w, { applicantId }) => review.deskReviewOf(w, applicantId),
  'desk:setCheck': (w, input) => review.setCheck(w, input),
  'desk:addComment': (w, input) => review.addDeskComment(w, input),
  'desk:deleteComment': (w, input) => {
    review.deleteDeskComment(w, input);
    return {};
  },
  'desk:setStatus': (w, input) => review.setDeskStatus(w, input),
  'desk:return': (w, input) => review.startDeskReturn(w, input),
} satisfies Partial<DeskHandlers>;

// ── Recommendation and pass-on ──────────────────────────────────────────────────────────────────────────────
const passOnHandlers = {};

export const deskHandlers: DeskHandlers = {
  ...profileHandlers,
  ...tableHandlers,
  ...reviewHandlers,
  ...passOnHandlers,
};
