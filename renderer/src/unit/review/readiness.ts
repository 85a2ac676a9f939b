// Who can be passed upwards (N-9): accepted by the unit and publicised without objection (N-8); everyone
// else with the reason in the officer's words. The core checks the same before it signs anything.
import type { UnitApplicantRow } from '../../../../shared/unit/schema.js';
import type { TextKey } from '../../i18n.js';

export function notReadyReasons(row: UnitApplicantRow): TextKey[] {
  const reasons: TextKey[] = [];
  if (row.status === 'pending') reasons.push('uw_whyPending');
  if (row.status === 'returned') reasons.push('uw_whyReturned');
  if (row.publicity === 'none') reasons.push('uw_whyNoPublicity');
  if (row.publicity === 'planned' || row.publicity === 'running') reasons.push('uw_whyPublicityRunning');
  if (row.publicity === 'ended') reasons.push('uw_whyPublicityUnrecorded');
  if (row.publicity === 'objection') reasons.push('uw_whyObjection');
  return reasons;
}

export const isReady = (row: UnitApplicantRow): boolean => notReadyReasons(row).length === 0;
