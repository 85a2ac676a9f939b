// The one API contract between the UI and the Node core: method → input schema → output schema.
// IPC (desktop) and HTTP (browser mode, tests) both go through the dispatcher that enforces it
// (electron/core/dispatcher.ts); the renderer's client is typed from it.
import { DeskImportResult } from '../desk/schema.js';
import { z } from 'zod';
import { ApplicantId, Issue, JobId, Localized, Passphrase, ReviewFinding, UploadId } from './primitives.js';
import { deskMethods } from './deskContract.js';
import {
  ArchiveDocument,
  RECORD_SCHEMAS,
  RecordId,
  RecordKindSchema,
  SECTION_SCHEMAS,
  SectionNameSchema,
  type RecordKind,
  type RecordOf,
  type SectionName,
  type Sections,
} from '../archive/schema.js';
import {
  AddResult,
  AttachmentId,
  AttachmentView,
  DEFAULT_UPLOAD_PROFILE,
  FileName,
  FitResult,
  LinkView,
  MaterialTotal,
  MediaType,
  UploadProfile,
  StoreHealth,
  VerifyReport,
} from '../attachments/schema.js';
import { Slot } from '../attachments/slots.js';
import { Params2020, Params2020Shape } from '../rules/pack2020/params.js';
import { ArchiveUnitType } from '../unit/unitType.js';
import { VERDICTS } from '../rules/types.js';
import { FORM_IDS } from '../forms/catalog.js';
import { PostInfo } from '../forms/postInfo.js';
import { VerifyReport as PackageVerifyReport } from '../package/report.js';
import {
  AddCommentInput,
  ArchiveChange,
  AttachmentChange,
  BatchFile,
  DeleteCommentInput,
  HeldKeyChange,
  MaterialDecision,
  MaterialIdSchema,
  MaterialReview,
  Publicity,
  ReceivedReview,
  ReturnChecklist,
  ReturnCheckState,
  ReviewComment,
  ReviewStatus,
  RevisionInfo,
  DeskReturnView,
  UnitApplicantRow,
  UnitImportResult,
  UnitProfile,
  WorkspaceMode,
} from '../unit/schema.js';

export const Locale = z.enum(['zh-CN', 'en']);
export type Locale = z.infer<typeof Locale>;

export const ApiError = z.object({
  code: z.string(),
  message: Localized,
  /** For refused input: every problem found, as `path: message`. */
  issues: z.array(Issue).optional(),
});
export type ApiError = z.infer<typeof ApiError>;
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

const Stamp = z.object({ updatedAt: z.string() });

/** The archive as the UI edits it: the document plus the workspace's id for it. */
export const ArchiveView = z.object({
  applicantId: ApplicantId,
  updatedAt: z.string(),
  archive: ArchiveDocument,
});
export type ArchiveView = z.infer<typeof ArchiveView>;

export type SaveSectionInput = {
  [K in SectionName]: { applicantId: string; section: K; data: Sections[K] };
}[SectionName];
export type PutRecordInput = {
  [K in RecordKind]: { applicantId: string; kind: K; record: RecordOf<K> };
}[RecordKind];

// Built by mapping over the names so a new section or kind is covered without an edit here; zod cannot
// infer a union from a mapped array, so the precise type is stated.
const SectionInput: z.ZodType<SaveSectionInput, SaveSectionInput> = z.discriminatedUnion(
  'section',
  SectionNameSchema.options.map((name) =>
    z.strictObject({ applicantId: ApplicantId, section: z.literal(name), data: SECTION_SCHEMAS[name] }),
  ) as unknown as [z.ZodObject, ...z.ZodObject[]],
) as unknown as z.ZodType<SaveSectionInput, SaveSectionInput>;

const RecordInput: z.ZodType<PutRecordInput, PutRecordInput> = z.discriminatedUnion(
  'kind',
  RecordKindSchema.options.map((kind) =>
    z.strictObject({ applicantId: ApplicantId, kind: z.literal(kind), record: RECORD_SCHEMAS[kind] }),
  ) as unknown as [z.ZodObject, ...z.ZodObject[]],
) as unknown as z.ZodType<PutRecordInput, PutRecordInput>;

/** A deleted record in 回收站 (issue 15): the record as it was, its name, and the index it goes back to. */
export type DeletedRecord = {
  [K in RecordKind]: {
    kind: K;
    record: RecordOf<K>;
    /** nameRecord's words; null when the kind has no name of its own (the UI names the kind). */
    name: Localized | null;
    /** Its place among the live records of its list now (restore puts it back there). */
    index: number;
    deletedAt: string;
  };
}[RecordKind];
const DeletedRecord: z.ZodType<DeletedRecord, DeletedRecord> = z.discriminatedUnion(
  'kind',
  RecordKindSchema.options.map((kind) =>
    z.object({
      kind: z.literal(kind),
      record: RECORD_SCHEMAS[kind],
      name: Localized.nullable(),
      index: z.number().int().min(0),
      deletedAt: z.string(),
    }),
  ) as unknown as [z.ZodObject, ...z.ZodObject[]],
) as unknown as z.ZodType<DeletedRecord, DeletedRecord>;

export const TrashView = z.object({
  records: z.array(DeletedRecord),
  attachments: z.array(
    z.object({
      id: AttachmentId,
      fileName: z.string(),
      mediaType: MediaType,
      pages: z.number().int(),
      deletedAt: z.string(),
      /** Its links, kept while it is deleted: a restore brings them back. */
      links: z.number().int().min(0),
    }),
  ),
});
export type TrashView = z.infer<typeof TrashView>;

export const WorkspaceStatus = z.object({
  appVersion: z.string(),
  dataDir: z.string(),
  schemaVersion: z.number(),
  locale: Locale,
  /** The applicant of this workspace (an applicant's workspace holds one), or null while it is empty. */
  applicantId: ApplicantId.nullable(),
  /** An applicant's workspace, or a unit's (issue 7), which holds the packages of many applicants. */
  mode: WorkspaceMode,
});

const AttachmentRef = z.strictObject({ attachmentId: AttachmentId });
const Page = z.number().int().min(1).max(100_000);
const One = z.object({ attachment: AttachmentView });

/** Attachments and the upload profile (issue 3; docs/attachments.md). */
const attachmentMethods = {
  /** An applicant's attachments with their links and profile issues, and the bytes linked per material. */
  'attachments:list': {
    input: z.strictObject({ applicantId: ApplicantId, includeDeleted: z.boolean().optional() }),
    output: z.object({ attachments: z.array(AttachmentView), materials: z.array(MaterialTotal) }),
  },
  'attachments:get': { input: AttachmentRef, output: One },
  /**
   * Desktop only (refused over HTTP, where files come as POST /api/upload): add files by path, as chosen
   * in a native dialog. Each path succeeds or fails on its own.
   */
  'attachments:addPaths': {
    input: z.strictObject({
      applicantId: ApplicantId.nullable().optional(),
      paths: z.array(z.string().min(1).max(4096)).min(1).max(1000),
    }),
    output: z.object({
      results: z.array(
        z.union([
          z.object({ path: z.string(), ok: z.literal(true), value: AddResult }),
          z.object({ path: z.string(), ok: z.literal(false), error: ApiError }),
        ]),
      ),
    }),
  },
  /** Say what an attachment proves: a record, a material slot, or both; optionally one page of it. */
  'attachments:link': {
    input: z.strictObject({
      attachmentId: AttachmentId,
      recordId: RecordId.nullable().optional(),
      slot: Slot.nullable().optional(),
      page: Page.nullable().optional(),
    }),
    output: z.object({ link: LinkView }),
  },
  'attachments:unlink': { input: z.strictObject({ linkId: z.string().min(1).max(64) }), output: z.strictObject({}) },
  /** Soft delete, undone by attachments:restore; deleting an edit hands its links back to its original. */
  'attachments:delete': { input: AttachmentRef, output: One },
  'attachments:restore': { input: AttachmentRef, output: One },
  'attachments:rename': { input: z.strictObject({ attachmentId: AttachmentId, fileName: FileName }), output: One },
  /** Page operations: each returns a NEW attachment derived from the original, which is kept. */
  'attachments:rotate': {
    input: z.strictObject({
      attachmentId: AttachmentId,
      degrees: z.union([z.literal(90), z.literal(180), z.literal(270)]),
      /** 1-based; omitted: every page. */
      page: Page.nullable().optional(),
    }),
    output: One,
  },
  'attachments:deletePage': { input: z.strictObject({ attachmentId: AttachmentId, page: Page }), output: One },
  /** `order`: the original page numbers in their new order. */
  'attachments:reorderPages': {
    input: z.strictObject({ attachmentId: AttachmentId, order: z.array(Page).min(1).max(10_000) }),
    output: One,
  },
  /** Ranges are 1-based and inclusive; omitted: one attachment per page. */
  'attachments:split': {
    input: z.strictObject({
      attachmentId: AttachmentId,
      ranges: z
        .array(z.strictObject({ from: Page, to: Page }))
        .min(1)
        .max(10_000)
        .nullable()
        .optional(),
    }),
    output: z.object({ attachments: z.array(AttachmentView) }),
  },
  /** Images and PDFs, in this order, into one PDF (an image on an A4 page). */
  'attachments:merge': {
    input: z.strictObject({
      attachmentIds: z.array(AttachmentId).min(1).max(500),
      fileName: FileName.nullable().optional(),
    }),
    output: One,
  },
  /** Fit to the upload profile: re-encode/downsample an image (new version), advise on a PDF. */
  'attachments:fit': { input: AttachmentRef, output: FitResult },
  /** Crop the ID photo to the profile's pixel size (rect in the upright image's pixels; default: centre). */
  'attachments:cropPhoto': {
    input: z.strictObject({
      attachmentId: AttachmentId,
      rect: z
        .strictObject({
          left: z.number().int().min(0),
          top: z.number().int().min(0),
          width: z.number().int().min(1),
          height: z.number().int().min(1),
        })
        .nullable()
        .optional(),
    }),
    output: FitResult,
  },
  /** What cropping the ID photo to this frame would give, before applying it: pixels and bytes (issue 15). */
  'attachments:cropPreview': {
    input: z.strictObject({
      attachmentId: AttachmentId,
      rect: z.strictObject({
        left: z.number().int().min(0),
        top: z.number().int().min(0),
        width: z.number().int().min(1),
        height: z.number().int().min(1),
      }),
    }),
    output: z.object({
      width: z.number().int(),
      height: z.number().int(),
      bytes: z.number().int(),
      quality: z.number().int(),
      fitsLimit: z.boolean(),
      maxBytes: z.number().int(),
    }),
  },
  /** Re-hash every stored file against its name; report missing and damaged files. */
  'store:verify': { input: z.strictObject({}), output: VerifyReport },
  'uploadProfile:get': {
    input: z.strictObject({}),
    output: z.object({ profile: UploadProfile, defaults: UploadProfile, isDefault: z.boolean() }),
  },
  /** Replace the profile (send `defaults` from uploadProfile:get to reset). */
  'uploadProfile:set': {
    input: z.strictObject({ profile: UploadProfile }),
    output: z.object({ profile: UploadProfile }),
  },
} as const;

/**
 * Methods the HTTP transport refuses: they read the local disk by a path in their input, which only the
 * desktop dialog (or the CLI) may name — over HTTP a page could make the core read any file or folder. Every
 * method whose input names a path belongs here (test/integration/server-desktop-only.test.ts lists them all).
 */
export const DESKTOP_ONLY_METHODS: readonly string[] = [
  'attachments:addPaths',
  'package:openPath',
  'unit:importFolder',
  'desk:importFolder',
];

/** The result of POST /api/upload (browser mode), the same value attachments:addPaths gives per file. */
export const UploadResult = AddResult;

export { DEFAULT_UPLOAD_PROFILE };

/** One recorded change of a rule-pack parameter (issue 4): who changed what, when, from and to. */
export const ParamChange = z.object({
  at: z.string(),
  who: z.string(),
  key: z.string(),
  old: z.unknown(),
  new: z.unknown(),
});
export type ParamChange = z.infer<typeof ParamChange>;

/** The eligibility rule pack's parameters (issue 4; docs/rules.md), kept in the workspace's settings. */
const ruleMethods = {
  'rules:getParams': {
    input: z.strictObject({}),
    output: z.object({
      packId: z.string(),
      packVersion: z.string(),
      packHash: z.string(),
      params: Params2020,
      defaults: Params2020,
    }),
  },
  /** Change some parameters (all validated together); send the defaults to reset. Each change is logged. */
  'rules:setParams': {
    input: z.strictObject({ params: Params2020Shape.partial(), who: z.string().min(1).max(100).optional() }),
    output: z.object({ params: Params2020, changes: z.array(ParamChange) }),
  },
  'rules:paramLog': { input: z.strictObject({}), output: z.object({ entries: z.array(ParamChange) }) },
} as const;

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);
export const FormIdSchema = z.enum(FORM_IDS);
/** What a generation job makes: a form (`F-1`, `M-2`, `index`…) or one material's merged PDF (`material:M-4`). */
export const OutputKey = z.union([FormIdSchema, z.string().regex(/^material:M-(?:[1-9]|1[0-2])$/)]);
/**
 * What a unit's workspace makes: per applicant, its publicity job's `unit:publicity-notice` and `unit:M-3`
 * (issue 7); for the unit itself, its F-4 `unit:F-4` (issue 19).
 */
export const UnitOutputKey = z.enum(['unit:publicity-notice', 'unit:M-3', 'unit:F-4']);

/** A generated PDF, kept in the attachment store (so previews and the package read it like any file). */
export const GeneratedFile = z.object({
  key: z.union([OutputKey, UnitOutputKey]),
  fileName: z.string(),
  sha256: Sha256,
  size: z.number().int().min(0),
  pages: z.number().int().min(0),
  /** The archive fingerprint printed in the footer: SHA-256 of the archive's export JSON. */
  archiveSha256: Sha256,
  /** SHA-256 of everything the file was made from; when it differs from now, the file is out of date. */
  inputSha256: Sha256,
  createdAt: z.string(),
  /** Characters no shipped font has: printed as 〓 and listed so the applicant can act. */
  missingCharacters: z.array(z.string()),
  /** Remarks such as the size against the upload profile. */
  notes: z.array(Localized),
});
export type GeneratedFile = z.infer<typeof GeneratedFile>;

const OutputState = {
  file: GeneratedFile.nullable(),
  /** The file exists but what it prints changed since: made again, its bytes would differ. */
  stale: z.boolean(),
  /** What changed, when stale (「生成后档案已修改」); null otherwise. */
  staleWhy: Localized.nullable(),
};

export const FormEntry = z.object({
  id: FormIdSchema,
  title: Localized,
  copies: z.number().int(),
  applies: z.boolean(),
  /** Why it does not apply, or what must be entered before it can be printed. */
  why: Localized.nullable(),
  ...OutputState,
});
export type FormEntry = z.infer<typeof FormEntry>;

export const MaterialPdfEntry = z.object({
  key: OutputKey,
  material: z.string(),
  title: Localized,
  /** Current attachments linked to the material, in the order they are merged. */
  attachments: z.number().int(),
  ...OutputState,
});
export type MaterialPdfEntry = z.infer<typeof MaterialPdfEntry>;

export const JobStatus = z.object({
  jobId: JobId,
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  done: z.number().int().min(0),
  total: z.number().int().min(0),
  /** What is being done now, for the progress line. */
  step: Localized,
  files: z.array(GeneratedFile),
  /** A package job's result: the package written (export) or what an import did. */
  package: z
    .lazy(() => PackageFile)
    .nullable()
    .optional(),
  imported: z
    .lazy(() => ImportOutcome)
    .nullable()
    .optional(),
  /** A backup job's result: the backup written, or the folder a backup was restored into. */
  backup: z
    .lazy(() => BackupEntry)
    .nullable()
    .optional(),
  /** A backup job's check of what it wrote (it is read back and verified before the job ends). */
  backupCheck: z
    .lazy(() => BackupCheck)
    .nullable()
    .optional(),
  restoredTo: z.string().nullable().optional(),
  /** A unit's batch import: what each file came to. */
  unitImport: z.array(UnitImportResult).nullable().optional(),
  /** A reviewing desk's receive job (issue 17): what each applicant of each batch or loose package came to. */
  deskImport: z.array(DeskImportResult).nullable().optional(),
  /** A unit's submission: the batch for the city written. */
  batch: BatchFile.nullable().optional(),
  /**
   * The automatic backup taken after the job's work (issue 19: after the countersignature and the batch):
   * its name, or why it could not be taken — which never undoes or fails the work itself.
   */
  autoBackup: z.object({ name: z.string().nullable(), error: Localized.nullable() }).nullable().optional(),
  /** The full integrity check's report (store:verifyStart). */
  storeVerify: VerifyReport.nullable().optional(),
  error: ApiError.nullable(),
});
export type JobStatus = z.infer<typeof JobStatus>;

/** Forms and merged material PDFs (issue 5), made in a background job with progress and cancel. */
const formMethods = {
  'forms:list': {
    input: z.strictObject({ applicantId: ApplicantId }),
    output: z.object({ fingerprint: Sha256, forms: z.array(FormEntry), materials: z.array(MaterialPdfEntry) }),
  },
  'forms:start': {
    input: z.strictObject({ applicantId: ApplicantId, keys: z.array(OutputKey).min(1).max(50) }),
    output: z.object({ jobId: JobId }),
  },
  'jobs:status': { input: z.strictObject({ jobId: JobId }), output: JobStatus },
  /** Stops a running job; what it had finished is kept, nothing half written is. */
  'jobs:cancel': { input: z.strictObject({ jobId: JobId }), output: z.strictObject({}) },
  /** The unit's F-4 figures, kept per workspace. */
  'postInfo:get': {
    input: z.strictObject({}),
    output: z.object({ postInfo: PostInfo, problems: z.array(Issue), saved: z.boolean() }),
  },
  'postInfo:set': {
    input: z.strictObject({ postInfo: PostInfo }),
    output: z.object({ postInfo: PostInfo, problems: z.array(Issue) }),
  },
} as const;

/** The applicant's (or unit's) signing key (issue 6): SM2, protected by a passphrase or the OS keychain. */
export const KeyStatus = z.object({
  exists: z.boolean(),
  /** SHA-256 of the public key (SPKI DER), hex; printed grouped on F-1 and the pledge. */
  fingerprint: z.string().nullable(),
  protection: z.enum(['passphrase', 'os']).nullable(),
  /** The desktop app with a usable OS keychain: keys:create then seals with it and takes no passphrase. */
  osKeychainAvailable: z.boolean(),
  /**
   * An applicant's workspace whose last package was signed by a key that is not the one here (lost, or
   * replaced): that key's fingerprint, so the screens can say what follows (shared/package/keyAdvice.ts).
   */
  previousFingerprint: z.string().nullable().optional(),
});
export type KeyStatus = z.infer<typeof KeyStatus>;

/** A package this workspace wrote or took in; the file lies in <data>/packages/. */
export const PackageFile = z.object({
  fileName: z.string(),
  size: z.number().int().min(0),
  sha256: Sha256,
  packageId: z.string(),
  revision: z.number().int().min(1),
  /** The highest level signed in it: 1 applicant, 2 unit, 3 city. */
  level: z.number().int().min(1).max(3),
  manifestSha256: Sha256,
  direction: z.enum(['exported', 'imported']),
  createdAt: z.string(),
});
export type PackageFile = z.infer<typeof PackageFile>;

/**
 * An exported package made before later edits (issue 15): what changed since, per part of the archive (a
 * section name or a record kind) and in the scans; `unreadable` when its file could not be compared.
 */
export const PackageStaleness = z.object({
  fileName: z.string(),
  parts: z.array(
    z.object({
      part: z.string(),
      added: z.number().int().min(0),
      removed: z.number().int().min(0),
      changed: z.number().int().min(0),
    }),
  ),
  scans: z.object({
    added: z.number().int().min(0),
    removed: z.number().int().min(0),
    replaced: z.number().int().min(0),
  }),
  unreadable: Localized.nullable(),
});
export type PackageStaleness = z.infer<typeof PackageStaleness>;

export const ImportOutcome = z.object({
  applicantId: ApplicantId,
  /**
   * imported: new here; unchanged: this very package was already imported; replaced: a newer revision;
   * reviewed: a reviewer's level on the level 1 held here (the package is recorded, the archive kept as it is).
   */
  status: z.enum(['imported', 'unchanged', 'replaced', 'reviewed']),
  packageId: z.string(),
  revision: z.number().int(),
});
export type ImportOutcome = z.infer<typeof ImportOutcome>;

/** A finding of the eligibility check as the export dialog shows it. */
export const PrecheckFinding = z.object({
  id: z.string(),
  ruleId: z.string(),
  status: z.enum(['fail', 'review']),
  severity: z.enum(['blocker', 'warning', 'info']),
  message: Localized,
  clause: z.array(z.string()),
});
export type PrecheckFinding = z.infer<typeof PrecheckFinding>;

/** A key fingerprint as typed from paper: 64 hex digits, in groups or not. */
export const FingerprintText = z
  .string()
  .max(100)
  .refine((s) => /^[0-9a-fA-F]{64}$/.test(s.replace(/\s+/g, '')), 'expected 64 hex digits');

/** The result of POST /api/package?name= (browser mode): the uploaded package, for package:verify/import. */
export const PackageUploadResult = z.object({ uploadId: UploadId, fileName: z.string(), size: z.number().int() });

const packageMethods = {
  'keys:status': { input: z.strictObject({}), output: KeyStatus },
  /** Sealed by the OS keychain when osKeychainAvailable (the passphrase is then unused), else by the passphrase. */
  'keys:create': {
    /** replace: a key exists but cannot be used (passphrase forgotten): the old file is kept aside, a new key made. */
    input: z.strictObject({ passphrase: Passphrase.optional(), replace: z.literal(true).optional() }),
    output: KeyStatus,
  },
  /**
   * The encrypted key file, for safekeeping elsewhere: a passphrase-sealed key as it is (no passphrase
   * taken); a keychain-sealed key resealed with `passphrase` (required then).
   */
  'keys:exportBackup': {
    input: z.strictObject({ passphrase: Passphrase.optional() }),
    output: z.object({ fileName: z.string(), json: z.string() }),
  },
  'keys:importBackup': {
    input: z.strictObject({ json: z.string().max(1_000_000), passphrase: Passphrase }),
    output: KeyStatus,
  },
  /** What stands in the way of an export: blockers (no export) and warnings (export with a written reason). */
  'package:precheck': {
    input: z.strictObject({ applicantId: ApplicantId }),
    output: z.object({
      blockers: z.array(PrecheckFinding),
      warnings: z.array(PrecheckFinding),
      /** The reasons given for these warnings at an earlier export (issue 19): offered again, editable. */
      remembered: z.array(z.object({ findingId: z.string(), text: z.string() })),
      /** The one verdict of this same check (shared/rules/verdict.ts), said above the two lists. */
      verdict: z.enum(VERDICTS),
      applicationDate: z.string(),
      round: z.object({ deadline: z.string(), closed: z.boolean() }),
    }),
  },
  /** Check, generate what is out of date, write and sign the package: a job with progress and cancel. */
  'package:export': {
    input: z.strictObject({
      applicantId: ApplicantId,
      passphrase: Passphrase.optional(),
      justifications: z
        .array(z.strictObject({ findingId: z.string().min(1).max(200), text: z.string().trim().min(10).max(2000) }))
        .max(200),
    }),
    output: z.object({ jobId: JobId }),
  },
  'package:list': { input: z.strictObject({}), output: z.object({ packages: z.array(PackageFile) }) },
  /** The applicant's exported packages made before later edits, with what changed since (已过期, issue 15). */
  'package:staleness': {
    input: z.strictObject({ applicantId: ApplicantId }),
    output: z.object({ packages: z.array(PackageStaleness) }),
  },
  /** Reads an uploaded/opened package strictly and reports every level (nothing is imported). */
  /** expectFingerprint: level 1's signer as printed on the applicant's paper F-1 (spaces and case ignored). */
  /** trustedUnitFingerprint: the unit key an applicant's workspace confirmed before (null: none yet, or a unit's). */
  'package:verify': {
    input: z.strictObject({ uploadId: UploadId, expectFingerprint: FingerprintText.optional() }),
    output: PackageVerifyReport.extend({
      trustedUnitFingerprint: z
        .string()
        .regex(/^[0-9a-f]{64}$/)
        .nullable(),
    }),
  },
  /**
   * Verified first, then imported in one transaction; a job. The upload is used up, whatever the outcome.
   * trustUnitKey: level 2's signer as the applicant confirmed it against the unit's opinion page — needed
   * for the first level 2, and for one signed by another key than the unit key confirmed before.
   */
  'package:import': {
    input: z.strictObject({
      uploadId: UploadId,
      expectFingerprint: FingerprintText.optional(),
      trustUnitKey: FingerprintText.optional(),
    }),
    output: z.object({ jobId: JobId }),
  },
  /** Desktop only: a package named by path (open dialog, double-click, second launch). */
  'package:openPath': {
    input: z.strictObject({ path: z.string().min(1).max(4096) }),
    output: z.object({ uploadId: UploadId, fileName: z.string(), size: z.number().int() }),
  },
} as const;

/** A backup file in the workspace's backups folder (issue 8; docs/backup-format.md). */
export const BackupEntry = z.object({
  name: z.string(),
  bytes: z.number().int().min(0),
  /** The day of an automatic (daily, rotating) backup; null for one made by hand. */
  date: z.string().nullable(),
  modifiedAt: z.string(),
});
export type BackupEntry = z.infer<typeof BackupEntry>;
export const BackupName = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[^/\\]+\.zcbak$/);

export const BackupCheck = z.object({
  name: z.string(),
  /** good: verified and restorable; not_clean: intact, made of a workspace with problems; damaged; too_new. */
  status: z.enum(['good', 'not_clean', 'damaged', 'too_new']),
  message: Localized.nullable(),
  createdAt: z.string().nullable(),
  files: z.number().int().nullable(),
});
export type BackupCheck = z.infer<typeof BackupCheck>;

const backupMethods = {
  /** The backups folder and its files, newest first (not verified: that reads every byte). */
  'backup:list': {
    input: z.strictObject({}),
    output: z.object({ dir: z.string(), keep: z.number().int(), backups: z.array(BackupEntry) }),
  },
  /** A backup by hand now: written, then read back and verified; a job. */
  'backup:create': { input: z.strictObject({}), output: z.object({ jobId: JobId }) },
  'backup:verify': { input: z.strictObject({ name: BackupName }), output: BackupCheck },
  /** Restores into a NEW folder beside the data folder (never over the current one); a job. */
  'backup:restore': { input: z.strictObject({ name: BackupName }), output: z.object({ jobId: JobId }) },
  /** The start-up check, on demand: database, migrations, a sample of store files. */
  'doctor:check': {
    input: z.strictObject({}),
    output: z.object({ isOk: z.boolean(), problems: z.array(Localized), backups: z.array(BackupCheck) }),
  },
  /** store:verify as a job (progress, cancel): the full integrity check of 备份与检查; result `storeVerify`. */
  'store:verifyStart': { input: z.strictObject({}), output: z.object({ jobId: JobId }) },
  /** The scans whose file is missing or known damaged (issue 13): the banner, the cards, the materials view. */
  'store:health': { input: z.strictObject({}), output: StoreHealth },
  /**
   * Puts back the missing or damaged scans that a package kept here carries (issue 13: the unit's only
   * copy of an applicant's scans is their package); names those none carries.
   */
  'store:repair': {
    input: z.strictObject({}),
    output: z.object({ repaired: z.array(z.string()), remaining: z.array(z.string()), message: Localized }),
  },
} as const;

/** The unit's workspace (issue 7): intake, review, 退回, publicity, countersignature, the batch for the city. */
const unitMethods = {
  /** Only on an empty workspace: a unit's workspace cannot become an applicant's, or the reverse. */
  'workspace:setMode': { input: z.strictObject({ mode: WorkspaceMode }), output: z.object({ mode: WorkspaceMode }) },
  'unit:get': {
    input: z.strictObject({}),
    /** archiveTypes: what the held applicants' archives give as the unit's type (shared/unit/unitType.ts). */
    output: z.object({
      profile: UnitProfile.nullable(),
      problems: z.array(Issue),
      archiveTypes: z.array(ArchiveUnitType),
    }),
  },
  'unit:set': { input: z.strictObject({ profile: UnitProfile }), output: z.object({ problems: z.array(Issue) }) },
  /** Many uploaded packages (browser mode, or files picked on the desktop): a job, one result per file. */
  'unit:import': {
    input: z.strictObject({ uploadIds: z.array(UploadId).min(1).max(2000) }),
    output: z.object({ jobId: JobId }),
  },
  /** Desktop and CLI: every .zcpkg in a folder (a USB stick), not recursing; refused over HTTP (a path). */
  'unit:importFolder': {
    input: z.strictObject({ path: z.string().min(1).max(4096) }),
    output: z.object({ jobId: JobId }),
  },
  'unit:applicants': { input: z.strictObject({}), output: z.object({ rows: z.array(UnitApplicantRow) }) },
  /** One applicant for review: the read-only archive (archive:get), findings, marks, comments, revisions. */
  'unit:review': {
    input: z.strictObject({ applicantId: ApplicantId }),
    output: z.object({
      row: UnitApplicantRow,
      findings: z.array(ReviewFinding),
      opinion: z.string(),
      materials: z.array(MaterialReview),
      comments: z.array(ReviewComment),
      revisions: z.array(RevisionInfo),
      /** Fields changed since the previous revision held here (empty for the first). */
      changes: z.array(ArchiveChange),
      /** Scans added, removed or replaced since the previous revision, per slot (empty for the first). */
      attachmentChanges: z.array(AttachmentChange),
      /** When the previous revision was returned (退回): each of its comments, checked off on this one. */
      returnChecklist: ReturnChecklist.nullable(),
      /** A reviewing desk's return (level 3) of the newest revision: its points and deadline (issue 17). */
      deskReturn: DeskReturnView.nullable(),
    }),
  },
  /**
   * Ticks one comment of the return as addressed or still open on the corrected revision (null: not yet
   * checked); only while that revision's review is pending.
   */
  'unit:checkReturnComment': {
    input: z.strictObject({
      applicantId: ApplicantId,
      commentId: z.string().min(1).max(64),
      state: ReturnCheckState.nullable(),
    }),
    output: z.object({ commentId: z.string(), state: ReturnCheckState.nullable(), checkedAt: z.string().nullable() }),
  },
  'unit:markMaterial': {
    input: z.strictObject({
      applicantId: ApplicantId,
      material: MaterialIdSchema,
      decision: MaterialDecision.nullable(),
    }),
    output: z.object({ materials: z.array(MaterialReview) }),
  },
  'unit:addComment': {
    input: AddCommentInput,
    output: z.object({ comment: ReviewComment }),
  },
  'unit:deleteComment': {
    input: DeleteCommentInput,
    output: z.strictObject({}),
  },
  'unit:setOpinion': {
    input: z.strictObject({ applicantId: ApplicantId, opinion: z.string().max(5000) }),
    output: z.strictObject({}),
  },
  /**
   * Accept (pending → accepted; needs every material the applicant provides marked accepted, and a written
   * reason, kept in the audit trail, when the verdict fails or proofs are missing) or reopen (→ pending).
   */
  'unit:setStatus': {
    input: z.strictObject({
      applicantId: ApplicantId,
      status: ReviewStatus.exclude(['returned']),
      reason: z.string().max(2000).optional(),
    }),
    output: z.object({ status: ReviewStatus }),
  },
  /** 退回: a level-2 package with decision "returned" and the comments, for the applicant; a job. */
  'unit:return': {
    input: z.strictObject({ applicantId: ApplicantId, passphrase: Passphrase.optional() }),
    output: z.object({ jobId: JobId }),
  },
  /** The publicity end date for a start date (≥ N working days on the state calendar, N-8), or why not. */
  'unit:publicityPlan': {
    input: z.strictObject({ startDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }),
    output: z.object({ endDate: z.string(), workingDays: z.number().int() }),
  },
  'unit:publicities': { input: z.strictObject({}), output: z.object({ publicities: z.array(Publicity) }) },
  'unit:publicize': {
    input: z.strictObject({
      applicantIds: z.array(ApplicantId).min(1).max(5000),
      startDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    }),
    output: z.object({ publicity: Publicity }),
  },
  'unit:recordObjection': {
    input: z.strictObject({
      publicityId: z.string().min(1).max(64),
      applicantId: ApplicantId,
      outcome: z.enum(['pending', 'no_objection', 'objection']),
      note: z.string().max(2000),
    }),
    output: z.object({ publicity: Publicity }),
  },
  /** A planned publicity (not started) re-planned: its start date (the end on the calendar) and members. */
  'unit:editPublicity': {
    input: z.strictObject({
      publicityId: z.string().min(1).max(64),
      applicantIds: z.array(ApplicantId).min(1).max(5000),
      startDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    }),
    output: z.object({ publicity: Publicity }),
  },
  /** A planned publicity (not started) deleted; the audit trail keeps what it was. */
  'unit:deletePublicity': {
    input: z.strictObject({ publicityId: z.string().min(1).max(64) }),
    output: z.strictObject({}),
  },
  /**
   * A started publicity cancelled (not yet every outcome recorded): the reason (≥ 10 characters, checked by
   * the core with its own message) goes to the audit trail and the officer's list, nowhere public.
   */
  'unit:cancelPublicity': {
    input: z.strictObject({ publicityId: z.string().min(1).max(64), reason: z.string().max(2000) }),
    output: z.object({ publicity: Publicity }),
  },
  /** The publicity notice (公示) and each member's M-3, as PDF: a job (files in its status). */
  'unit:publicityForms': {
    input: z.strictObject({ publicityId: z.string().min(1).max(64) }),
    output: z.object({ jobId: JobId }),
  },
  /** F-4's recommended people drawn from the accepted applicants (the officer then saves postInfo:set). */
  'unit:recommendedPeople': {
    input: z.strictObject({}),
    output: z.object({ postInfo: PostInfo }),
  },
  /**
   * The unit's own F-4 (public institutions only, N-14) from the saved figures, at any time: `draft` says
   * why it is marked 草稿 (blanks, figures to correct), null once the sheet is complete.
   */
  'unit:f4': {
    input: z.strictObject({}),
    output: z.object({ file: GeneratedFile, draft: Localized.nullable() }),
  },
  /** Countersign (level 2) every named accepted, publicised applicant and write the batch for the city; a job. */
  'unit:submit': {
    input: z.strictObject({
      applicantIds: z.array(ApplicantId).min(1).max(5000),
      passphrase: Passphrase.optional(),
      /** Per applicant whose verdict fails or whose proofs are missing: why the unit countersigns all the same. */
      reasons: z.record(ApplicantId, z.string().max(2000)).optional(),
    }),
    output: z.object({ jobId: JobId }),
  },
  'unit:batches': { input: z.strictObject({}), output: z.object({ batches: z.array(BatchFile) }) },
  /** Revisions signed by a new applicant key, held for the officer (issue 19, item 8): one applicant's, or all. */
  'unit:keyChanges': {
    input: z.strictObject({ applicantId: ApplicantId.optional() }),
    output: z.object({ changes: z.array(HeldKeyChange) }),
  },
  /**
   * The officer confirmed the person: the new key is accepted and the held revision imported (verified
   * again); the reason (AuditReason, checked by the service so that its message can say what it is for)
   * goes into the audit trail with both fingerprints.
   */
  'unit:acceptKey': {
    input: z.strictObject({ applicantId: ApplicantId, reason: z.string().max(2000) }),
    output: z.object({ result: UnitImportResult }),
  },
  /** The held revisions of the applicant are removed; nothing else changes. */
  'unit:rejectKey': {
    input: z.strictObject({ applicantId: ApplicantId }),
    output: z.object({ removed: z.number().int() }),
  },
  /** Applicant's side: the unit's review that came back with a package (退回), shown at the fields. */
  'review:received': {
    input: z.strictObject({ applicantId: ApplicantId }),
    output: z.object({ received: ReceivedReview.nullable() }),
  },
} as const;

export const contract = {
  'workspace:status': { input: z.strictObject({}), output: WorkspaceStatus },
  'workspace:setLocale': { input: z.strictObject({ locale: Locale }), output: z.strictObject({}) },
  'archive:create': { input: z.strictObject({}), output: z.object({ applicantId: ApplicantId }) },
  'archive:loadSample': { input: z.strictObject({}), output: z.object({ applicantId: ApplicantId }) },
  'archive:get': { input: z.strictObject({ applicantId: ApplicantId }), output: ArchiveView },
  'archive:saveSection': { input: SectionInput, output: Stamp },
  'archive:exportJson': {
    input: z.strictObject({ applicantId: ApplicantId }),
    output: z.object({ fileName: z.string(), json: z.string() }),
  },
  /** Import into an empty workspace; all or nothing. */
  'archive:importJson': {
    input: z.strictObject({ json: z.string().max(50_000_000) }),
    output: z.object({ applicantId: ApplicantId }),
  },
  /** Remove the whole archive from this workspace (asked twice in the UI). */
  'archive:delete': { input: z.strictObject({ applicantId: ApplicantId }), output: z.strictObject({}) },
  /** Insert or update one record; a new one goes to the end of its list. */
  'records:put': { input: RecordInput, output: Stamp },
  /** Soft delete, undone by records:restore. */
  'records:delete': {
    input: z.strictObject({ applicantId: ApplicantId, kind: RecordKindSchema, id: RecordId }),
    output: Stamp,
  },
  'records:restore': {
    input: z.strictObject({ applicantId: ApplicantId, kind: RecordKindSchema, id: RecordId }),
    output: Stamp,
  },
  /** What depends on a record (linked scans, paper copies), asked before it is deleted (issue 15). */
  'records:dependents': {
    input: z.strictObject({ applicantId: ApplicantId, kind: RecordKindSchema, id: RecordId }),
    output: z.object({
      attachments: z.array(z.object({ id: AttachmentId, fileName: z.string() })),
      paperCopies: z.array(z.object({ slot: z.string() })),
    }),
  },
  /** 回收站: every deleted record and attachment of the applicant, newest first; restored by records:restore
   *  and attachments:restore. */
  'trash:list': { input: z.strictObject({ applicantId: ApplicantId }), output: TrashView },
  /** Move a record to a new index in its list. */
  'records:move': {
    input: z.strictObject({
      applicantId: ApplicantId,
      kind: RecordKindSchema,
      id: RecordId,
      toIndex: z.number().int().min(0),
    }),
    output: Stamp,
  },
  ...attachmentMethods,
  ...ruleMethods,
  ...formMethods,
  ...packageMethods,
  ...backupMethods,
  ...unitMethods,
  ...deskMethods,
} as const;

export { ApplicantId, Issue, JobId, Localized, Passphrase, ReviewFinding, UploadId };
export type Contract = typeof contract;
export type Method = keyof Contract;
export type InputOf<M extends Method> = z.input<Contract[M]['input']>;
export type OutputOf<M extends Method> = z.output<Contract[M]['output']>;
export const METHODS = Object.keys(contract) as Method[];

export function isMethod(name: string): name is Method {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
