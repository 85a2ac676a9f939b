// The services behind the reviewing desk's methods (shared/api/deskContract.ts), spread into handlers.ts.
// One group per part of the desk, in the contract's order.
import type { InputOf, OutputOf } from '../../../shared/api/contract.js';
import type { deskMethods } from '../../../shared/api/deskContract.js';
import { listBatchFiles } from '../unit/batch.js';
import type { Workspace } from '../workspace.js';
import { deskBatches, deskData } from './deskData.js';
import { passOnCommitteeList, passOnPlan, startPassOn } from './passOn.js';
import { requireDeskProfile, setDeskProfile } from './profile.js';
import { startReceive, startReceiveUploads } from './receive.js';
import { acceptApplicant, getRecommendation, setRecommendation } from './recommendation.js';
import { deskApplicants } from './table.js';
import * as review from './review.js';

type DeskMethod = keyof typeof deskMethods;
type DeskHandlers = {
  [M in DeskMethod]: (workspace: Workspace, input: InputOf<M>) => OutputOf<M> | Promise<OutputOf<M>>;
};

// ── Desk data and receiving ──────────────────────────────────────────────────────────────────────────────────
const profileHandlers = {
  'desk:get': (w) => deskData(w),
  'desk:set': (w, { profile }) => setDeskProfile(w, profile),
  'desk:import': (w, { uploadIds, expectFingerprint }) =>
    startReceiveUploads(w, uploadIds, { confirmedUnitKey: expectFingerprint }),
  'desk:importFolder': (w, { path }) => startReceive(w, [path]),
  'desk:batches': (w) => deskBatches(w),
} satisfies Partial<DeskHandlers>;

// ── The table across units ──────────────────────────────────────────────────────────────────────────────────
const tableHandlers = {
  'desk:applicants': (w) => deskApplicants(w),
} satisfies Partial<DeskHandlers>;

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
const passOnHandlers = {
  'desk:recommendation': (w: Workspace, i: InputOf<'desk:recommendation'>) => getRecommendation(w, i.applicantId),
  'desk:setRecommendation': (w: Workspace, i: InputOf<'desk:setRecommendation'>) =>
    setRecommendation(w, i.applicantId, i.recommendation),
  'desk:accept': (w: Workspace, i: InputOf<'desk:accept'>) => acceptApplicant(w, i.applicantId, i.opinion),
  'desk:committees': (w: Workspace) => passOnCommitteeList(w),
  'desk:passOnPlan': (w: Workspace, i: InputOf<'desk:passOnPlan'>) => passOnPlan(w, i.committee, i.startDate),
  'desk:submit': (w: Workspace, i: InputOf<'desk:submit'>) => startPassOn(w, i),
  'desk:passOnBatches': async (w: Workspace) => {
    requireDeskProfile(w);
    return { batches: await listBatchFiles(w) };
  },
};

export const deskHandlers: DeskHandlers = {
  ...profileHandlers,
  ...tableHandlers,
  ...reviewHandlers,
  ...passOnHandlers,
};
