// The services behind the reviewing desk's methods (shared/api/deskContract.ts), spread into handlers.ts.
// One group per part of the desk, in the contract's order.
import type { InputOf, OutputOf } from '../../../shared/api/contract.js';
import type { deskMethods } from '../../../shared/api/deskContract.js';
import type { Workspace } from '../workspace.js';
import { deskApplicants } from './table.js';

type DeskMethod = keyof typeof deskMethods;
type DeskHandlers = {
  [M in DeskMethod]: (workspace: Workspace, input: InputOf<M>) => OutputOf<M> | Promise<OutputOf<M>>;
};

// ── Desk data and receiving ──────────────────────────────────────────────────────────────────────────────────
const profileHandlers = {};

// ── The table across units ──────────────────────────────────────────────────────────────────────────────────
const tableHandlers = {
  'desk:applicants': (w) => deskApplicants(w),
} satisfies Partial<DeskHandlers>;

// ── One applicant's review ───────────────────────────────────────────────────────────────────────────────────
const reviewHandlers = {};

// ── Recommendation and pass-on ──────────────────────────────────────────────────────────────────────────────
const passOnHandlers = {};

export const deskHandlers: DeskHandlers = {
  ...profileHandlers,
  ...tableHandlers,
  ...reviewHandlers,
  ...passOnHandlers,
};
