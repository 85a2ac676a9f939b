// The one API contract between the UI and the Node core: method → input schema → output schema.
// IPC (desktop) and HTTP (browser mode, tests) both go through the dispatcher that enforces it
// (electron/core/dispatcher.ts); the renderer's client is typed from it.
import { z } from 'zod';
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

export const ApplicantId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
export const Locale = z.enum(['zh-CN', 'en']);
export type Locale = z.infer<typeof Locale>;

/** Text in both UI languages; errors and problems carry both so the UI can switch without a round trip. */
export const Localized = z.object({ zh: z.string(), en: z.string() });
export type Localized = z.infer<typeof Localized>;

export const Issue = z.object({ path: z.string(), message: Localized });
export type Issue = z.infer<typeof Issue>;

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

export const WorkspaceStatus = z.object({
  appVersion: z.string(),
  dataDir: z.string(),
  schemaVersion: z.number(),
  locale: Locale,
  /** The applicant of this workspace (an applicant's workspace holds one), or null while it is empty. */
  applicantId: ApplicantId.nullable(),
});

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
} as const;

export type Contract = typeof contract;
export type Method = keyof Contract;
export type InputOf<M extends Method> = z.input<Contract[M]['input']>;
export type OutputOf<M extends Method> = z.output<Contract[M]['output']>;
export const METHODS = Object.keys(contract) as Method[];

export function isMethod(name: string): name is Method {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
