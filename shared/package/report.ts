// What verifyPackage answers: a plain, zod-typed object the CLI prints and the verify screen renders (it
// crosses the API contract, hence shared/). `ok` only when there is no problem at all; every problem says
// what and where, in Chinese and English.
import { z } from 'zod';

const Localized = z.object({ zh: z.string(), en: z.string() });

export const Problem = z.object({
  code: z.string(),
  level: z.number().int().optional(),
  path: z.string().optional(),
  message: Localized,
});
export type Problem = z.infer<typeof Problem>;

export const FileStatus = z.enum(['ok', 'mismatch', 'absent', 'damaged']);

export const FileCheck = z.object({
  path: z.string(),
  role: z.string(),
  mediaType: z.string(),
  size: z.number(),
  expectedSha256: z.string(),
  /** null when the file is absent. */
  actualSha256: z.string().nullable(),
  /** mismatch: other bytes than signed; absent: listed but not in the package; damaged: bad ZIP CRC-32. */
  status: FileStatus,
});

export const LevelReport = z.object({
  level: z.number().int(),
  manifestPath: z.string(),
  /** SHA-256 of the manifest's bytes: the package fingerprint the export shows and the sender passes on. */
  manifestSha256: z.string().nullable(),
  /** As read from the manifest (null when it is not JSON or has none). */
  formatVersion: z.number().nullable(),
  /** The manifest is canonical JSON that matches the schema of this format version. */
  manifestValid: z.boolean(),
  signatureValid: z.boolean(),
  /** SHA-256 of the signer's SPKI DER, hex (null when signer-L<n>.pem is missing or not an SM2 key). */
  signerFingerprint: z.string().nullable(),
  /** The fingerprint the caller expected for this level (lower-case hex), null when none was given. */
  expectedFingerprint: z.string().nullable(),
  /** Whether the signer is the expected one: null when nothing was expected for this level. */
  signerMatches: z.boolean().nullable(),
  /** Level ≥ 2: the previous-level digests in this manifest match the files; null at level 1. */
  chainValid: z.boolean().nullable(),
  files: z.array(FileCheck),
});
export type LevelReport = z.infer<typeof LevelReport>;

export const VerifyReport = z.object({
  ok: z.boolean(),
  file: z.string(),
  packageId: z.string().nullable(),
  revision: z.number().nullable(),
  levels: z.array(LevelReport),
  /** Entries no manifest lists (other than mimetype and the levels' META-INF files). */
  unlisted: z.array(z.string()),
  problems: z.array(Problem),
});
export type VerifyReport = z.infer<typeof VerifyReport>;

/**
 * Who signs each level (docs/package-format.md): the applicant, their unit, the reviewing desk above the
 * unit (issue 17: the city bureau 市经信局, a provincial competent department, or the personnel agency route).
 */
export const LEVEL_SIGNERS: Readonly<Record<number, z.infer<typeof Localized>>> = {
  1: { zh: '申报人', en: 'applicant' },
  2: { zh: '单位', en: 'unit' },
  3: { zh: '审查机构', en: 'reviewing desk' },
};

/** The signer of level `n` in words (levels stop at 3: MAX_LEVEL in electron/core/package/manifest.ts). */
export const levelSigner = (n: number) => LEVEL_SIGNERS[n] ?? { zh: '签名人', en: 'signer' };

export function problem(code: string, zh: string, en: string, where: { level?: number; path?: string } = {}): Problem {
  return { code, ...where, message: { zh, en } };
}
