// The desk's data as its screens read it (issue 17, phase 2): the profile with what is missing and the
// desk's own key fingerprint (审查机构信息), and the batches received (接收). The profile's rules stay in
// profile.ts; receiving in receive.ts.
import type { Issue } from '../../../shared/api/contract.js';
import type { DeskBatch, DeskProfile } from '../../../shared/desk/schema.js';
import { signerFingerprintSync } from '../package/keyService.js';
import { requireDesk } from '../unit/mode.js';
import type { Workspace } from '../workspace.js';
import { getDeskProfile } from './profile.js';

export function deskData(w: Workspace): { profile: DeskProfile | null; problems: Issue[]; fingerprint: string | null } {
  // The key's fingerprint is printed on the desk's opinion page and signs level 3 (docs/review-desk.md).
  return { ...getDeskProfile(w), fingerprint: signerFingerprintSync(w.dataDir) };
}

export function deskBatches(w: Workspace): { batches: DeskBatch[] } {
  requireDesk(w);
  const batches = w.db
    .prepare<[], DeskBatch>(
      `SELECT b.sha256, b.file_name AS fileName, coalesce(k.unit_name, b.unit_key) AS unit, b.fingerprint,
              b.packages, b.received_at AS receivedAt
       FROM desk_batch b LEFT JOIN desk_unit_key k ON k.unit_key = b.unit_key
       ORDER BY b.received_at DESC, b.file_name`,
    )
    .all();
  return { batches };
}
