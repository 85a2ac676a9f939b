// Attachments (issue 3): scans and PDFs that prove the archive's records and the notice's materials
// (M-1 … M-12), the upload profile of limits (rules R-9), and the shapes the API returns for them.
// docs/attachments.md describes the store, the slots and the endpoints.
import { z } from 'zod';
import { RecordId } from '../archive/schema.js';
import { Slot } from './slots.js';

const Text = z.object({ zh: z.string(), en: z.string() });

/** What the store keeps. TIFF is kept as the original of its JPEG/PDF conversion; HEIC is refused. */
export const MEDIA_TYPES = ['image/jpeg', 'image/png', 'application/pdf', 'image/tiff'] as const;
export const MediaType = z.enum(MEDIA_TYPES);
export type MediaType = z.infer<typeof MediaType>;

/** What an upload profile may accept (R-9: "PDF or JPG only" on the provincial systems seen). */
export const UploadFormat = z.enum(['image/jpeg', 'image/png', 'application/pdf']);

export const AttachmentId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
export const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);
/** File names as shown and exported: no path separators or control characters. */
export const FileName = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[^\\/\p{Cc}]+$/u, 'no path separators or control characters');

const MB = 1_000_000;

/**
 * Limits of the online system (R-9) plus the app's own intake limits. R-9's figures come from secondary
 * sources and the provincial system's exact limits are unknown, so every value is editable; the defaults
 * take the stricter reading (decimal megabytes). Sources in docs/attachments.md.
 */
export const UploadProfile = z.strictObject({
  /** Formats the online system accepts; others are converted by `attachments:fit`. */
  formats: z.array(UploadFormat).min(1),
  /** Per file (R-9: about 5 MB). */
  maxFileBytes: z
    .number()
    .int()
    .min(10_000)
    .max(1_000 * MB),
  /** Per merged material, e.g. the merged performance PDF (R-9: about 10 MB). */
  maxMaterialBytes: z
    .number()
    .int()
    .min(10_000)
    .max(5_000 * MB),
  /** The ID photo (R-9: under about 200 KB; some systems 100–500 KB, 358×441 px). */
  photo: z.strictObject({
    minBytes: z
      .number()
      .int()
      .min(0)
      .max(10 * MB),
    maxBytes: z
      .number()
      .int()
      .min(1_000)
      .max(10 * MB),
    width: z.number().int().min(50).max(4000),
    height: z.number().int().min(50).max(4000),
  }),
  /** Fitting an image never goes below this long side, so that scanned text stays legible. */
  minLongSide: z.number().int().min(300).max(10_000),
  /** The app's own limits on what it takes in, against damaged or hostile files. */
  intake: z.strictObject({
    /** Bytes of one added file. */
    maxBytes: z
      .number()
      .int()
      .min(MB)
      .max(2_000 * MB),
    /** Pages of one added PDF. */
    maxPages: z.number().int().min(1).max(10_000),
    /** Pixels of one added image (decompression bombs). */
    maxPixels: z
      .number()
      .int()
      .min(MB)
      .max(1_000 * MB),
  }),
});
export type UploadProfile = z.infer<typeof UploadProfile>;

export const DEFAULT_UPLOAD_PROFILE: UploadProfile = {
  formats: ['application/pdf', 'image/jpeg'],
  maxFileBytes: 5 * MB,
  maxMaterialBytes: 10 * MB,
  photo: { minBytes: 0, maxBytes: 200_000, width: 358, height: 441 },
  // A4 at 150 dpi is 1754 px high: text of a scanned certificate is still readable.
  minLongSide: 1600,
  // 100 MP is an A3 page at 600 dpi with room to spare; 200 pages covers a thesis, not a whole book.
  intake: { maxBytes: 100 * MB, maxPages: 200, maxPixels: 100 * MB },
};

/**
 * A scan a reviewer can read (issue 19): an image at least 1,000 px on its long side; a scanned PDF page at
 * least 150 dpi once printed on A4 (its scan image's pixels over A4's 297 mm). Below either, the text of a
 * certificate blurs. The one place the thresholds live: the attachments screen's warning at upload
 * (profileIssues), the rule R-9.readable-scans at the export and the unit's card read them from here.
 * The ID photo (M-4/photo) is small by design (R-9: 358×441 px) and is judged by its own profile instead.
 */
export const READABLE_SCAN = { minLongSidePx: 1000, minDpiAtA4: 150 } as const;

/** A4's long side in inches (297 mm): a scan image's long side over it is its resolution printed on A4. */
export const A4_LONG_INCHES = 297 / 25.4;

/** What the readability of a file depends on: an image's pixels, a PDF's lowest scanned-page resolution. */
export interface ScanFacts {
  mediaType: string;
  width: number | null;
  height: number | null;
  /** A PDF's lowest resolution at A4 among its scanned pages; null when no page is a scan (or an image). */
  scanDpi: number | null;
}

/** Why this file is hard to read, in both languages; null when it is readable (or cannot be judged). */
export function lowResolution(scan: ScanFacts): { zh: string; en: string } | null {
  if (scan.mediaType === 'application/pdf') {
    if (scan.scanDpi === null || scan.scanDpi >= READABLE_SCAN.minDpiAtA4) return null;
    return {
      zh: `PDF 中的扫描页按 A4 打印约 ${scan.scanDpi} dpi，低于 ${READABLE_SCAN.minDpiAtA4} dpi，审核时可能看不清文字。请以 ${READABLE_SCAN.minDpiAtA4}–300 dpi 重新扫描后替换。`,
      en: `A scanned page of this PDF prints on A4 at about ${scan.scanDpi} dpi, below ${READABLE_SCAN.minDpiAtA4} dpi: a reviewer may not be able to read it. Scan it again at ${READABLE_SCAN.minDpiAtA4}–300 dpi and replace it.`,
    };
  }
  if (scan.width === null || scan.height === null) return null;
  const long = Math.max(scan.width, scan.height);
  if (long >= READABLE_SCAN.minLongSidePx) return null;
  return {
    zh: `图片仅 ${scan.width}×${scan.height} 像素（长边不足 ${READABLE_SCAN.minLongSidePx} 像素），审核时可能看不清文字。请以 ${READABLE_SCAN.minDpiAtA4}–300 dpi 重新扫描或拍摄后替换。`,
    en: `The image is only ${scan.width}×${scan.height} px (its long side under ${READABLE_SCAN.minLongSidePx} px): a reviewer may not be able to read it. Scan or photograph it again at ${READABLE_SCAN.minDpiAtA4}–300 dpi and replace it.`,
  };
}

/** A link: this attachment proves this record, this material slot, or both (page: within the attachment). */
export const LinkView = z.object({
  id: z.string(),
  attachmentId: AttachmentId,
  recordId: RecordId.nullable(),
  slot: Slot.nullable(),
  page: z.number().int().positive().nullable(),
  createdAt: z.string(),
});
export type LinkView = z.infer<typeof LinkView>;

/** How an attachment was made from its original (`derivedFrom`); null for an added file. */
export const Operation = z.discriminatedUnion('op', [
  z.object({ op: z.literal('convert'), from: MediaType }),
  z.object({ op: z.literal('rotate'), degrees: z.number().int(), page: z.number().int().positive().nullable() }),
  z.object({ op: z.literal('deletePage'), page: z.number().int().positive() }),
  z.object({ op: z.literal('reorderPages'), order: z.array(z.number().int().positive()) }),
  z.object({ op: z.literal('split'), from: z.number().int().positive(), to: z.number().int().positive() }),
  z.object({ op: z.literal('merge'), sources: z.array(AttachmentId) }),
  z.object({ op: z.literal('fit'), quality: z.number().int(), scale: z.number() }),
  z.object({
    op: z.literal('cropPhoto'),
    rect: z.object({ left: z.number(), top: z.number(), width: z.number(), height: z.number() }).nullable(),
  }),
]);
export type Operation = z.infer<typeof Operation>;

export const AttachmentView = z.object({
  id: AttachmentId,
  applicantId: z.string(),
  sha256: Sha256,
  fileName: z.string(),
  mediaType: MediaType,
  bytes: z.number().int().positive(),
  pages: z.number().int().positive(),
  /** Pixels, images only. */
  width: z.number().int().positive().nullable(),
  height: z.number().int().positive().nullable(),
  /**
   * A PDF's lowest resolution at A4 among its scanned pages (READABLE_SCAN); null for an image, a PDF with no
   * scanned page, or one added before it was measured (issue 19).
   */
  scanDpi: z.number().int().positive().nullable().default(null),
  createdAt: z.string(),
  deletedAt: z.string().nullable(),
  derivedFrom: AttachmentId.nullable(),
  operation: Operation.nullable(),
  /** A live one-to-one edit (rotate, fit, …) of this attachment exists: the UI shows that one instead. */
  hasNewerVersion: z.boolean(),
  links: z.array(LinkView),
  /** Where the file breaks the upload profile, with what to do. Empty when it fits. */
  profileIssues: z.array(z.object({ code: z.string(), message: Text })),
});
export type AttachmentView = z.infer<typeof AttachmentView>;

/** Bytes linked per material, against the profile's per-material limit (an estimate before merging). */
export const MaterialTotal = z.object({
  material: z.string(),
  bytes: z.number().int(),
  attachments: z.number().int(),
  isOverLimit: z.boolean(),
});

export const AddResult = z.object({
  attachment: AttachmentView,
  /** The same bytes were already attached to this applicant: nothing new was stored. */
  isDuplicate: z.boolean(),
  /** The converted original (TIFF) when the file was converted on the way in. */
  convertedFrom: AttachmentView.nullable(),
});
export type AddResult = z.infer<typeof AddResult>;

const Size = z.object({
  bytes: z.number().int(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
});

export const FitResult = z.object({
  /** The fitted version (new), or the attachment itself when nothing had to change or it cannot be fitted. */
  attachment: AttachmentView,
  isChanged: z.boolean(),
  before: Size,
  after: Size,
  /** What to do when the file could not be fitted automatically (a PDF over the limit, say). */
  advice: Text.nullable(),
});
export type FitResult = z.infer<typeof FitResult>;

const Damage = z.object({
  sha256: z.string(),
  attachments: z.array(z.object({ id: AttachmentId, applicantId: z.string(), fileName: z.string() })),
});

export const VerifyReport = z.object({
  checkedFiles: z.number().int(),
  checkedBytes: z.number().int(),
  /** Referenced by the database, absent from the store. */
  missing: z.array(Damage),
  /** Present, but their bytes no longer hash to their name. */
  damaged: z.array(Damage),
  /** Stored files no attachment refers to (harmless: left by a removed applicant or an interrupted add). */
  unreferenced: z.array(z.string()),
  isOk: z.boolean(),
});
export type VerifyReport = z.infer<typeof VerifyReport>;

/**
 * The scans whose stored file is missing or known to be damaged (issue 13): the workspace opens all the
 * same, and these are named in the banner, at their cards and in the materials view until repaired.
 */
export const StoreHealth = z.object({
  missing: z.array(Damage),
  /** Found damaged by the spot check after opening or the full check, and not written anew since. */
  damaged: z.array(Damage),
});
export type StoreHealth = z.infer<typeof StoreHealth>;
