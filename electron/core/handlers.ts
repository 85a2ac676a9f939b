// The service behind each method of the contract (shared/api/contract.ts).
import type { InputOf, Method, OutputOf } from '../../shared/api/contract.js';
import { DEFAULT_UPLOAD_PROFILE } from '../../shared/attachments/schema.js';
import * as archive from './archiveService.js';
import * as attachments from './attachments/attachmentService.js';
import { cropPhoto, cropPreview, fit } from './attachments/fit.js';
import * as pages from './attachments/pages.js';
import { getUploadProfile, setUploadProfile } from './attachments/profile.js';
import { storeHealth } from './attachments/health.js';
import { repairFromPackages } from './attachments/repair.js';
import { startVerifyStore, verifyStore } from './attachments/verify.js';
import { DossierError } from './errors.js';
import * as rules from './rulesService.js';
import { loadSample } from './sampleApplicant.js';
import { listTrash, recordDependents } from './trash.js';
import { getPostInfo, postInfoCheck, setPostInfo } from './forms/context.js';
import { listForms, startForms } from './forms/formsService.js';
import { makeUnitF4 } from './forms/unitF4.js';
import { cancelJob, jobStatus } from './jobs.js';
import { backupList, backupVerify, doctor, startBackup, startRestore } from './backup/backupService.js';
import { precheck, startExport } from './package/exportService.js';
import { startImport, verifyUpload } from './package/importService.js';
import { createWorkspaceKey, exportKeyBackup, importKeyBackup, keyStatus } from './package/keyService.js';
import { listPackages } from './package/packageFiles.js';
import { packageStaleness } from './package/staleness.js';
import { registerPath } from './package/uploads.js';
import { emptyPostInfo } from '../../shared/forms/postInfo.js';
import { getMode, setMode } from './unit/mode.js';
import { getUnitProfile, setUnitProfile } from './unit/profile.js';
import { startFolderImport, startUnitImport } from './unit/intake.js';
import { unitApplicants } from './unit/table.js';
import { acceptApplicantKey, keyChanges, rejectApplicantKey } from './unit/keyChange.js';
import * as review from './unit/reviewService.js';
import { startReturn } from './unit/returnPackage.js';
import { checkReturnComment } from './unit/returnChecklist.js';
import { receivedReview } from './unit/received.js';
import * as publicity from './unit/publicity.js';
import { listBatches, recommendedPeople, startSubmit } from './unit/submit.js';
import { PACK_2020 } from '../../shared/rules/pack2020/index.js';
import { deskHandlers } from './desk/handlers.js';
import {
  appVersion,
  currentApplicantId,
  getLocale,
  setLocale,
  workspaceSchemaVersion,
  type Workspace,
} from './workspace.js';

type Handlers = {
  [M in Method]: (workspace: Workspace, input: InputOf<M>) => OutputOf<M> | Promise<OutputOf<M>>;
};

/** An applicant's workspace holds one archive: creating a second would silently split their work. */
function requireEmpty(workspace: Workspace): void {
  if (currentApplicantId(workspace) !== null) {
    throw new DossierError('workspace_not_empty', {
      zh: '此工作区已有档案。如需重新开始，请先在“导入导出”中删除现有档案。',
      en: 'This workspace already holds an archive. To start over, delete it first under Import/Export.',
    });
  }
}

/** The applicant's ID number, which F-4's list of recommended people must contain (N-14); none for a unit. */
export const handlers: Handlers = {
  'workspace:status': (w) => ({
    appVersion: appVersion(),
    dataDir: w.dataDir,
    schemaVersion: workspaceSchemaVersion(w),
    locale: getLocale(w),
    applicantId: currentApplicantId(w),
    mode: getMode(w),
  }),
  'workspace:setLocale': (w, { locale }) => {
    setLocale(w, locale);
    return {};
  },
  // "Empty" is checked in the transaction that creates (issue 13): a racing import cannot make it two archives.
  'archive:create': (w) =>
    w.db.transaction(() => {
      requireEmpty(w);
      return { applicantId: archive.createApplicant(w.db) };
    })(),
  // The archive with its scans, linked (issue 15): one transaction, refused unless the workspace is empty.
  'archive:loadSample': async (w) => ({ applicantId: (await loadSample(w)).applicantId }),
  'archive:get': (w, { applicantId }) => ({
    applicantId,
    archive: archive.readArchive(w.db, applicantId),
    updatedAt: archive.getUpdatedAt(w.db, applicantId),
  }),
  'archive:saveSection': (w, input) => archive.saveSection(w.db, input),
  'archive:exportJson': (w, { applicantId }) => archive.exportArchiveJson(w.db, applicantId),
  'archive:importJson': (w, { json }) => ({ applicantId: archive.importArchiveJson(w.db, json) }),
  'archive:delete': (w, { applicantId }) => {
    archive.deleteApplicant(w.db, applicantId);
    return {};
  },
  'records:put': (w, input) => archive.putRecord(w.db, input),
  'records:delete': (w, input) => archive.setRecordDeleted(w.db, input, true),
  'records:restore': (w, input) => archive.setRecordDeleted(w.db, input, false),
  'records:move': (w, input) => archive.moveRecord(w.db, input),
  'records:dependents': (w, input) => recordDependents(w.db, input),
  'trash:list': (w, { applicantId }) => listTrash(w.db, applicantId),
  'attachments:list': (w, input) => attachments.listAttachments(w, input),
  'attachments:get': (w, { attachmentId }) => ({
    attachment: attachments.viewOf(w, attachments.requireAttachment(w, attachmentId)),
  }),
  'attachments:addPaths': (w, input) => attachments.addAttachmentPaths(w, input),
  'attachments:link': (w, input) => ({ link: attachments.linkAttachment(w, input) }),
  'attachments:unlink': (w, input) => {
    attachments.unlinkAttachment(w, input);
    return {};
  },
  'attachments:delete': (w, input) => ({ attachment: attachments.setAttachmentDeleted(w, input, true) }),
  'attachments:restore': (w, input) => ({ attachment: attachments.setAttachmentDeleted(w, input, false) }),
  'attachments:rename': (w, input) => ({ attachment: attachments.renameAttachment(w, input) }),
  'attachments:rotate': async (w, input) => ({ attachment: await pages.rotate(w, input) }),
  'attachments:deletePage': async (w, input) => ({ attachment: await pages.deletePage(w, input) }),
  'attachments:reorderPages': async (w, input) => ({ attachment: await pages.reorderPages(w, input) }),
  'attachments:split': async (w, input) => ({ attachments: await pages.split(w, input) }),
  'attachments:merge': async (w, input) => ({ attachment: await pages.merge(w, input) }),
  'attachments:fit': (w, input) => fit(w, input),
  'attachments:cropPhoto': (w, input) => cropPhoto(w, input),
  'attachments:cropPreview': (w, input) => cropPreview(w, input),
  'store:verify': (w) => verifyStore(w),
  'store:verifyStart': (w) => startVerifyStore(w),
  'store:health': (w) => storeHealth(w),
  'store:repair': (w) => repairFromPackages(w),
  'uploadProfile:get': (w) => {
    const profile = getUploadProfile(w.db);
    return {
      profile,
      defaults: DEFAULT_UPLOAD_PROFILE,
      isDefault: JSON.stringify(profile) === JSON.stringify(DEFAULT_UPLOAD_PROFILE),
    };
  },
  'uploadProfile:set': (w, { profile }) => ({ profile: setUploadProfile(w.db, profile) }),
  'rules:getParams': (w) => ({
    packId: PACK_2020.id,
    packVersion: PACK_2020.version,
    packHash: PACK_2020.hash,
    params: rules.getParams(w.db),
    defaults: PACK_2020.defaults,
  }),
  'rules:setParams': (w, input) => rules.setParams(w.db, input),
  'rules:paramLog': (w) => ({ entries: rules.paramLog(w.db) }),
  'forms:list': (w, { applicantId }) => {
    archive.requireApplicant(w.db, applicantId);
    return listForms(w, applicantId);
  },
  'forms:start': (w, input) => {
    archive.requireApplicant(w.db, input.applicantId);
    return startForms(w, input);
  },
  'jobs:status': (_w, { jobId }) => jobStatus(jobId),
  'jobs:cancel': (_w, { jobId }) => {
    cancelJob(jobId);
    return {};
  },
  'postInfo:get': (w) => {
    const saved = getPostInfo(w.db);
    const postInfo = saved ?? emptyPostInfo();
    return { postInfo, problems: postInfoCheck(w, postInfo), saved: saved !== null };
  },
  'backup:list': (w) => backupList(w),
  'backup:create': (w) => startBackup(w),
  'backup:verify': (w, { name }) => backupVerify(w, name),
  'backup:restore': (w, { name }) => startRestore(w, name),
  'doctor:check': (w) => doctor(w),
  // The signed package (issue 6): the signing key, export, verify and import.
  'keys:status': (w) => keyStatus(w),
  'keys:create': (w, { passphrase, replace }) => createWorkspaceKey(w, passphrase, { replace: replace === true }),
  'keys:exportBackup': (w, { passphrase }) => exportKeyBackup(w, passphrase),
  'keys:importBackup': (w, { json, passphrase }) => importKeyBackup(w, json, passphrase),
  'package:precheck': (w, { applicantId }) => {
    const { blockers, warnings, remembered, report } = precheck(w, applicantId);
    return {
      blockers,
      warnings,
      remembered,
      verdict: report.verdict,
      applicationDate: report.applicationDate,
      round: report.round,
    };
  },
  'package:export': (w, input) => startExport(w, input),
  'package:list': (w) => listPackages(w),
  'package:staleness': async (w, { applicantId }) => ({ packages: await packageStaleness(w, applicantId) }),
  'package:verify': (w, input) => verifyUpload(w, input),
  'package:import': (w, input) => startImport(w, input),
  'package:openPath': (w, { path }) => registerPath(w, path),
  // The unit's workspace (issue 7).
  'workspace:setMode': (w, { mode }) => setMode(w, mode),
  'unit:get': (w) => getUnitProfile(w),
  'unit:set': (w, { profile }) => setUnitProfile(w, profile),
  'unit:import': (w, { uploadIds }) => startUnitImport(w, uploadIds),
  'unit:importFolder': (w, { path }) => startFolderImport(w, path),
  'unit:applicants': (w) => unitApplicants(w),
  'unit:review': (w, { applicantId }) => review.reviewOf(w, applicantId),
  'unit:markMaterial': (w, input) => review.markMaterial(w, input),
  'unit:addComment': (w, input) => review.addComment(w, input),
  'unit:deleteComment': (w, input) => {
    review.deleteComment(w, input);
    return {};
  },
  'unit:setOpinion': (w, input) => {
    review.setOpinion(w, input);
    return {};
  },
  'unit:setStatus': (w, input) => review.setStatus(w, input),
  'unit:return': (w, input) => startReturn(w, input),
  'unit:checkReturnComment': (w, input) => checkReturnComment(w, input),
  'unit:publicityPlan': (w, { startDate }) => publicity.publicityPlan(w, startDate),
  'unit:publicities': (w) => publicity.listPublicities(w),
  'unit:publicize': (w, input) => publicity.publicize(w, input),
  'unit:recordObjection': (w, input) => publicity.recordObjection(w, input),
  'unit:editPublicity': (w, input) => publicity.editPublicity(w, input),
  'unit:deletePublicity': (w, input) => publicity.deletePublicity(w, input),
  'unit:cancelPublicity': (w, input) => publicity.cancelPublicity(w, input),
  'unit:publicityForms': (w, { publicityId }) => publicity.startPublicityForms(w, publicityId),
  'unit:recommendedPeople': (w) => recommendedPeople(w),
  'unit:f4': (w) => makeUnitF4(w),
  'unit:submit': (w, input) => startSubmit(w, input),
  'unit:batches': (w) => listBatches(w),
  'unit:keyChanges': (w, { applicantId }) => keyChanges(w, applicantId ?? null),
  'unit:acceptKey': async (w, input) => ({ result: await acceptApplicantKey(w, input) }),
  'unit:rejectKey': (w, input) => rejectApplicantKey(w, input),
  'review:received': (w, { applicantId }) => receivedReview(w, applicantId),
  // Saved even when the figures do not add up (a draft); F-4 is not printed until they do.
  'postInfo:set': (w, { postInfo }) => {
    setPostInfo(w.db, postInfo);
    return { postInfo, problems: postInfoCheck(w, postInfo) };
  },
  ...deskHandlers,
};
