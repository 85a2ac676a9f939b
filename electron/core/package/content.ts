// What level 1 of a package carries under content/ (docs/package-format.md, "Level 1: the applicant's
// content"): the paths, roles and media types, and the small JSON files that describe the rest — written by
// exportService.ts, read back (strictly) by importService.ts.
import { z } from 'zod';
import { Localized, OutputKey } from '../../../shared/api/contract.js';
import { MediaType } from '../../../shared/attachments/schema.js';
import { Slot } from '../../../shared/attachments/slots.js';

export const CONTENT_PATHS = {
  archive: 'content/archive.json',
  attachments: 'content/attachments.json',
  forms: 'content/forms.json',
  eligibility: 'content/eligibility.json',
  postInfo: 'content/post-info.json',
} as const;

/** The `role` of each level-1 file in the manifest. */
export const ROLES = {
  archive: 'archive',
  attachmentIndex: 'attachment-index',
  attachment: 'attachment',
  formIndex: 'form-index',
  form: 'form',
  material: 'material',
  eligibility: 'eligibility',
  postInfo: 'post-info',
} as const;

export const JSON_TYPE = 'application/json';

const EXTENSIONS: Record<MediaType, string> = {
  'application/pdf': '.pdf',
  'image/jpeg': '.jpg',
  'image/png': '.png',
  'image/tiff': '.tif',
};

/** An attachment's file in the package: named by its SHA-256, like the store (the same bytes once). */
export const attachmentPath = (sha256: string, mediaType: MediaType) =>
  `content/attachments/${sha256}${EXTENSIONS[mediaType]}`;

/** A generated PDF: forms under content/forms/, per-material PDFs under content/materials/. */
export const outputPath = (key: string, fileName: string) =>
  `${key.startsWith('material:') ? 'content/materials' : 'content/forms'}/${fileName}`;

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const Id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

export const PackageLink = z.strictObject({
  slot: Slot.nullable(),
  recordId: z.string().min(1).max(100).nullable(),
  page: z.number().int().min(1).nullable(),
});

export const PackageAttachment = z.strictObject({
  id: Id,
  fileName: z.string().min(1).max(255),
  mediaType: MediaType,
  pages: z.number().int().min(1),
  width: z.number().int().min(1).nullable(),
  height: z.number().int().min(1).nullable(),
  /**
   * A PDF's lowest resolution at A4 among its scanned pages (issue 19, READABLE_SCAN), so that the unit judges
   * the same scans as readable; written only when known (absent in packages of earlier releases).
   */
  scanDpi: z.number().int().min(1).optional(),
  /** When it was added: the order of the materials view (and of the merged PDFs) follows it. */
  createdAt: z.string().min(1).max(40),
  path: z.string().startsWith('content/attachments/'),
  sha256: Sha256,
  links: z.array(PackageLink),
});
export type PackageAttachment = z.infer<typeof PackageAttachment>;

/** content/attachments.json: the current attachments (shared/attachments/current.ts) with their links. */
export const AttachmentsDoc = z.strictObject({
  format: z.literal('dossier.attachments'),
  version: z.literal(1),
  attachments: z.array(PackageAttachment),
});
export type AttachmentsDoc = z.infer<typeof AttachmentsDoc>;

export const PackageOutput = z.strictObject({
  key: OutputKey,
  fileName: z.string().min(1).max(255),
  path: z.string().startsWith('content/'),
  sha256: Sha256,
  pages: z.number().int().min(1),
  /** The archive fingerprint in the file's footer (= SHA-256 of content/archive.json). */
  archiveSha256: Sha256,
  /** What the file was made from (forms service), so that a workspace can tell whether it is out of date. */
  inputSha256: Sha256,
  missingCharacters: z.array(z.string().max(8)),
  notes: z.array(Localized),
});
export type PackageOutput = z.infer<typeof PackageOutput>;

/** content/forms.json: the generated PDFs (forms and per-material PDFs) and what each was made from. */
export const FormsDoc = z.strictObject({
  format: z.literal('dossier.forms'),
  version: z.literal(1),
  files: z.array(PackageOutput),
});
export type FormsDoc = z.infer<typeof FormsDoc>;

/** content/eligibility.json: the check run before signing, with the parameters it ran with. */
export const EligibilityDoc = z.strictObject({
  format: z.literal('dossier.eligibility'),
  version: z.literal(1),
  packId: z.string(),
  params: z.record(z.string(), z.unknown()),
  /** The engine's report without the day it ran (the same content gives the same bytes). */
  report: z.record(z.string(), z.unknown()),
});
export type EligibilityDoc = z.infer<typeof EligibilityDoc>;

/** The JSON text of a content file: 2-space indented, a final newline (keys in the order given). */
export const jsonBytes = (value: unknown): Buffer => Buffer.from(`${JSON.stringify(value, null, 2)}\n`);
