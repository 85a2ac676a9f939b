// The services behind the reviewing desk's methods (shared/api/deskContract.ts), spread into handlers.ts.
// One group per part of the desk, in the contract's order.
import type { InputOf, OutputOf } from '../../../shared/api/contract.js';
import type { deskMethods } from '../../../shared/api/deskContract.js';
import type { Workspace } from '../workspace.js';
import { deskBatches, deskData } from './deskData.js';
import { setDeskProfile } from './profile.js';
import { startReceive, startReceiveUploads } from './receive.js';

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
const tableHandlers = {};

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
