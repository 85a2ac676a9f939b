// A lost applicant key at the unit (issue 19, item 8). An applicant who lost their signing key (or forgot its
// passphrase) makes a new one and exports again; the unit pins one key per applicant, so that revision is
// held, not imported (package/importService.ts decideUnit, table held_key_change, file in <dataDir>/held/).
// The officer sees both fingerprints on the applicant's review page, confirms the person in person — the
// identity card, and the new fingerprint printed on their new F-1 (N-13: the unit answers for the truth of
// what it passes on) — and accepts the new key with a written reason: the held file is verified again and
// goes through the normal import pipeline, the audit trail records 'applicant-key-accepted' with both
// fingerprints in the same transaction, and the new key is pinned from then on. Or the officer rejects it:
// the held file is removed and nothing else changes.
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Localized } from '../../../shared/api/contract.js';
import {
  AuditReason,
  MIN_REASON_CHARS,
  type HeldKeyChange,
  type UnitImportResult,
} from '../../../shared/unit/schema.js';
import { requireApplicant } from '../archiveService.js';
import { hashFile } from '../attachments/store.js';
import { DossierError } from '../errors.js';
import type { JobContext } from '../jobs.js';
import { importPackage } from '../package/importService.js';
import type { Workspace } from '../workspace.js';
import { appendAudit } from './auditRepo.js';
import { deleteHeld, heldDir, heldRows, type HeldRow } from './keyChangeRepo.js';
import { requireUnit } from './mode.js';
import { applicantOfPackage } from './unitRepo.js';
import { getApplicantUpdatedAt } from '../archiveRepo.js';
import { applicantPackageRows } from './revisions.js';

/** An applicant named by id, or by package id (what an officer may have at hand); unknown ones as given. */
export function applicantByIdOrPackage(w: Workspace, idOrPackage: string): string {
  if (getApplicantUpdatedAt(w.db, idOrPackage) !== undefined) return idOrPackage;
  return applicantOfPackage(w.db, idOrPackage) ?? idOrPackage;
}

/** The revision the unit holds now for an applicant: the newest one taken in (0: none). */
function currentRevisionOf(w: Workspace, applicantId: string): number {
  return applicantPackageRows(w, applicantId).find((r) => r.direction === 'imported')?.revision ?? 0;
}

function toView(row: HeldRow, all: readonly HeldRow[], current: number): HeldKeyChange {
  const newerHeld = all.some((o) => o.applicant_id === row.applicant_id && o.revision > row.revision);
  return {
    id: row.id,
    applicantId: row.applicant_id,
    name: row.name,
    packageId: row.package_id,
    revision: row.revision,
    fileName: row.file_name,
    size: row.size,
    receivedAt: row.received_at,
    oldFingerprint: row.old_signer,
    newFingerprint: row.new_signer,
    currentRevision: current,
    stale: row.revision <= current || newerHeld,
  };
}

/** The held key changes, of one applicant or of the whole unit: newest revision first. */
export function keyChanges(w: Workspace, applicantId: string | null): { changes: HeldKeyChange[] } {
  requireUnit(w);
  if (applicantId !== null) requireApplicant(w.db, applicantId);
  const rows = heldRows(w.db, applicantId);
  const current = new Map<string, number>();
  for (const r of rows) {
    if (!current.has(r.applicant_id)) current.set(r.applicant_id, currentRevisionOf(w, r.applicant_id));
  }
  return { changes: rows.map((r) => toView(r, rows, current.get(r.applicant_id)!)) };
}

/** The written reason: at least MIN_REASON_CHARS once trimmed (the audit trail keeps it, level 2 carries it). */
function requireReason(reason: string): string {
  const parsed = AuditReason.safeParse(reason);
  if (parsed.success) return parsed.data;
  const given = reason.trim().length;
  const message: Localized =
    given === 0
      ? {
          zh: `接受新密钥须写明理由（至少 ${MIN_REASON_CHARS} 个字，例如如何当面核实了申报人本人身份）。未作任何改动。`,
          en: `Accepting a new key needs a written reason (at least ${MIN_REASON_CHARS} characters, e.g. how the applicant's identity was confirmed in person). Nothing was changed.`,
        }
      : {
          zh: `理由太短：已写 ${given} 个字，至少需要 ${MIN_REASON_CHARS} 个字（例如如何当面核实了申报人本人身份）。未作任何改动。`,
          en: `The reason is too short: ${given} of at least ${MIN_REASON_CHARS} characters (e.g. how the applicant's identity was confirmed in person). Nothing was changed.`,
        };
  throw new DossierError('wrong_reason', message, [{ path: 'reason', message }]);
}

/** The one held revision that can be accepted: the applicant's newest, if it is newer than what is held. */
function acceptable(w: Workspace, applicantId: string): { row: HeldRow; all: HeldRow[] } {
  const all = heldRows(w.db, applicantId);
  const row = all[0];
  if (!row) {
    throw noKeyChange();
  }
  const current = currentRevisionOf(w, applicantId);
  if (row.revision <= current) {
    throw new DossierError('key_change_stale', {
      zh: `暂存的第 ${row.revision} 版已过时：本单位已有“${row.name}”的第 ${current} 版。请拒绝它；如申报人确已更换密钥，请其用新密钥重新导出后再提交。未作任何改动。`,
      en: `The held revision ${row.revision} is out of date: this unit already holds revision ${current} of ${row.name}'s package. Reject it; if the applicant did replace their key, they export again with it and hand that in. Nothing was changed.`,
    });
  }
  return { row, all };
}

function noKeyChange(): DossierError {
  return new DossierError('no_key_change', {
    zh: '此申报人没有待确认的新密钥（可能已经接受或拒绝过）。未作任何改动。',
    en: 'This applicant has no new key waiting for confirmation (it may have been accepted or rejected already). Nothing was changed.',
  });
}

function damaged(row: HeldRow, why: Localized): DossierError {
  return new DossierError('held_file_damaged', {
    zh: `暂存的申报包（${row.file_name}，第 ${row.revision} 版）已损坏或被改动（${why.zh}）：未接受新密钥，未作任何改动。请拒绝它，并请申报人重新提交申报包。`,
    en: `The held package (${row.file_name}, revision ${row.revision}) is damaged or was changed (${why.en}): the new key was not accepted; nothing was changed. Reject it and ask the applicant to hand in the package again.`,
  });
}

/** A held file is checked byte for byte against what came in, before the pipeline verifies it again. */
async function requireIntact(w: Workspace, row: HeldRow): Promise<string> {
  const file = path.join(heldDir(w.dataDir), row.stored_name);
  let sha256: string;
  try {
    sha256 = (await hashFile(file)).sha256;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    throw damaged(row, { zh: `文件无法读取：${code}`, en: `the file cannot be read: ${code}` });
  }
  if (sha256 !== row.sha256) {
    throw damaged(row, { zh: '文件内容与暂存时不同', en: 'its bytes differ from those held' });
  }
  return file;
}

/** A job context for a call that is answered when done (the acceptance is one file, verified in a worker). */
function quietJob(): JobContext {
  return { signal: new AbortController().signal, progress: () => {}, produced: () => {}, setResult: () => {} };
}

/**
 * Accepts the new key of an applicant after the officer confirmed the person: the held revision (verified
 * again) is imported through the normal pipeline, the audit event written in its transaction, the held
 * rows of this applicant up to that revision removed; from then on the new key is pinned. Any refusal
 * changes nothing: the held file stays for the officer to reject.
 */
export async function acceptApplicantKey(
  w: Workspace,
  input: { applicantId: string; reason: string },
): Promise<UnitImportResult> {
  requireUnit(w);
  const reason = requireReason(input.reason);
  requireApplicant(w.db, input.applicantId);
  const { row, all } = acceptable(w, input.applicantId);
  const file = await requireIntact(w, row);
  const superseded = all.filter((r) => r.revision <= row.revision);
  const upload = {
    uploadId: `held-${row.id}`,
    dataDir: w.dataDir,
    file,
    fileName: row.file_name,
    size: row.size,
    // Read where it is, copied first by the pipeline: a refusal leaves the held file as it was.
    isOwned: false,
  };
  let result;
  try {
    result = await importPackage(w, upload, undefined, quietJob(), {
      acceptKey: {
        oldSigner: row.old_signer,
        newSigner: row.new_signer,
        commit: (applicantId) => {
          appendAudit(w.db, {
            applicantId,
            revision: row.revision,
            action: 'applicant-key-accepted',
            reason,
            detail: {
              packageId: row.package_id,
              oldFingerprint: row.old_signer,
              newFingerprint: row.new_signer,
              fileName: row.file_name,
              sha256: row.sha256,
              receivedAt: row.received_at,
            },
          });
          deleteHeld(
            w.db,
            superseded.map((r) => r.id),
          );
        },
      },
    });
  } catch (e) {
    if (e instanceof DossierError && e.code === 'package_not_valid') throw damaged(row, e.localized);
    throw e;
  }
  if (!result.outcome) throw new Error('acceptApplicantKey: the accepted revision was held again');
  for (const r of superseded) await rm(path.join(heldDir(w.dataDir), r.stored_name), { force: true });
  return {
    file: row.file_name,
    status: result.outcome.status === 'imported' ? 'imported' : 'replaced',
    applicantId: result.outcome.applicantId,
    name: result.name,
    revision: result.outcome.revision,
    reason: null,
    keyChange: { oldFingerprint: row.old_signer, newFingerprint: row.new_signer },
  };
}

/** Rejects the applicant's held key changes: their files are removed; nothing else changes. */
export async function rejectApplicantKey(w: Workspace, input: { applicantId: string }): Promise<{ removed: number }> {
  requireUnit(w);
  requireApplicant(w.db, input.applicantId);
  const rows = heldRows(w.db, input.applicantId);
  if (rows.length === 0) {
    throw noKeyChange();
  }
  w.db.transaction(() =>
    deleteHeld(
      w.db,
      rows.map((r) => r.id),
    ),
  )();
  for (const r of rows) await rm(path.join(heldDir(w.dataDir), r.stored_name), { force: true });
  return { removed: rows.length };
}
