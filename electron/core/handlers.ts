// The service behind each method of the contract (shared/api/contract.ts).
import type { InputOf, Method, OutputOf } from '../../shared/api/contract.js';
import * as archive from './archiveService.js';
import { DossierError } from './errors.js';
import {
  appVersion,
  currentApplicantId,
  getLocale,
  readSampleJson,
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

export const handlers: Handlers = {
  'workspace:status': (w) => ({
    appVersion: appVersion(),
    dataDir: w.dataDir,
    schemaVersion: workspaceSchemaVersion(w),
    locale: getLocale(w),
    applicantId: currentApplicantId(w),
  }),
  'workspace:setLocale': (w, { locale }) => {
    setLocale(w, locale);
    return {};
  },
  'archive:create': (w) => {
    requireEmpty(w);
    return { applicantId: archive.createApplicant(w.db) };
  },
  'archive:loadSample': (w) => {
    requireEmpty(w);
    return { applicantId: archive.importArchiveJson(w.db, readSampleJson()) };
  },
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
};
