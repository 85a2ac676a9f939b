// The unit's flow in tests (issue 7, 19): a unit's workspace with applicants imported from their packages,
// acceptance, a publicity without objection, F-4 figures that add up, the submission job — and the
// refusals' ApiError, read the same way everywhere.
import { expect } from 'vitest';
import type { ApiError } from '../../shared/api/contract.js';
import { PostInfo } from '../../shared/forms/postInfo.js';
import type { Publicity } from '../../shared/unit/schema.js';
import { dispatch } from '../../electron/core/dispatcher.js';
import { waitForJob } from '../../electron/core/jobs.js';
import { createWorkspaceKey } from '../../electron/core/package/keyService.js';
import { startFolderImport } from '../../electron/core/unit/intake.js';
import { publicize, recordObjection } from '../../electron/core/unit/publicity.js';
import { markMaterial, neededMaterials, setOpinion, setStatus } from '../../electron/core/unit/reviewService.js';
import { startSubmit } from '../../electron/core/unit/submit.js';
import type { Workspace } from '../../electron/core/workspace.js';
import type { ArchiveDocument } from '../../shared/archive/schema.js';
import { PASSPHRASE } from './exportFixtures.js';
import { personArchive, scansFor, UNIT, unitWorkspace, writePerson, type PersonPackage } from './unitFixtures.js';
import { tempDir } from './workspace.js';

export async function call<T>(w: Workspace, method: string, input: unknown): Promise<T> {
  const result = await dispatch(w, method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message.en}`);
  return result.value as T;
}

export async function refused(w: Workspace, method: string, input: unknown): Promise<ApiError> {
  const result = await dispatch(w, method, input);
  if (result.ok) throw new Error(`${method} was not refused`);
  return result.error;
}

export function refusal(run: () => unknown): ApiError {
  try {
    run();
  } catch (e) {
    return (e as { toApiError(): ApiError }).toApiError();
  }
  throw new Error('not refused');
}

export async function refusalOf(run: () => Promise<unknown>): Promise<ApiError> {
  try {
    await run();
  } catch (e) {
    return (e as { toApiError(): ApiError }).toApiError();
  }
  throw new Error('not refused');
}

export interface Unit {
  u: Workspace;
  people: PersonPackage[];
  ids: string[];
  unitFingerprint: string;
}

/** A unit's workspace with its key and `n` applicants imported from their packages (a folder, as from a USB stick). */
/**
 * A weak applicant (issue 19): no continuing education in 2018 (R-4: a confirmed shortfall fails) and the
 * first two proofs the materials view asks for left out.
 */
export const WEAK_MISSING_SCANS = 2;
export function weaken(a: ArchiveDocument): void {
  a.courses = a.courses.filter((c) => c.year !== 2018);
}

export async function unitWith(
  n: number,
  options: { publicInstitution?: boolean; weak?: readonly number[] } = {},
): Promise<Unit> {
  const type = options.publicInstitution ? 'public_institution' : 'enterprise';
  const u = unitWorkspace({ profile: { ...UNIT, type } });
  const unitFingerprint = (await createWorkspaceKey(u, PASSPHRASE)).fingerprint!;
  if (n === 0) return { u, people: [], ids: [], unitFingerprint };
  const dir = tempDir();
  const people: PersonPackage[] = [];
  for (let i = 1; i <= n; i++) {
    const weak = options.weak?.includes(i) ?? false;
    const archive = personArchive(i, (a) => {
      a.unit.type = type;
      if (weak) weaken(a);
    });
    const scans = weak ? await scansFor(archive, i, WEAK_MISSING_SCANS) : undefined;
    people.push(await writePerson(dir, i, { archive, ...(scans ? { scans } : {}) }));
  }
  const status = await waitForJob((await startFolderImport(u, dir)).jobId);
  expect(status.state).toBe('done');
  const results = status.unitImport ?? [];
  expect(results.map((r) => r.status)).toEqual(people.map(() => 'imported'));
  const ids = people.map((p) => results.find((r) => r.name === p.archive.profile.name)!.applicantId!);
  return { u, people, ids, unitFingerprint };
}

/** Marks every material accepted, writes the opinion and accepts (with `reason` when the evidence needs one). */
export function accept(u: Workspace, applicantId: string, reason?: string): void {
  for (const material of neededMaterials(u, applicantId))
    markMaterial(u, { applicantId, material, decision: 'accepted' });
  setOpinion(u, { applicantId, opinion: '该同志申报材料真实完整，业绩突出，同意推荐。' });
  expect(setStatus(u, { applicantId, status: 'accepted', ...(reason ? { reason } : {}) }).status).toBe('accepted');
}

/** Publicised 2020-09-28 … 2020-10-10 (five working days across National Day) with no objection recorded after. */
export function publicisedWithoutObjection(u: Workspace, ids: string[]): Publicity {
  const { publicity } = publicize(u, { applicantIds: ids, startDate: '2020-09-28' }, '2020-09-25');
  for (const applicantId of ids) {
    recordObjection(u, { publicityId: publicity.id, applicantId, outcome: 'no_objection', note: '' }, '2020-10-12');
  }
  return publicity;
}

/** F-4 figures that add up (N-14), recommending exactly the accepted applicants (unit:recommendedPeople). */
export async function saveGoodPostInfo(u: Workspace): Promise<PostInfo> {
  const { postInfo } = await call<{ postInfo: PostInfo }>(u, 'unit:recommendedPeople', {});
  const info: PostInfo = {
    ...postInfo,
    establishment: 100,
    totalPosts: 80,
    grades: {
      senior: { ratio: 10, approved: 8, appointed: 6 },
      deputySenior: { ratio: 30, approved: 24, appointed: 20 },
      intermediate: { ratio: 40, approved: 32, appointed: 30 },
      junior: { ratio: 20, approved: 16, appointed: 10 },
    },
    offered: { senior: 0, deputySenior: postInfo.recommended.length, middle: 2 },
    alreadyQualified: 0,
    recommendedCount: postInfo.recommended.length,
  };
  const saved = await call<{ problems: unknown[] }>(u, 'postInfo:set', { postInfo: info });
  expect(saved.problems).toEqual([]);
  return info;
}

export const statusOf = async (
  u: Workspace,
  input: { applicantIds: string[]; passphrase?: string; reasons?: Record<string, string> },
  today?: string,
) => waitForJob((await startSubmit(u, { passphrase: PASSPHRASE, ...input }, today ? { today } : {})).jobId);
