// The manifest of one level (N-9: applicant → unit → city): `META-INF/manifest-L<n>.json`, canonical JSON
// (RFC 8785) so that the signed bytes are well defined, signed in `META-INF/manifest-L<n>.sig` by the key in
// `META-INF/signer-L<n>.pem`. A level lists only the files it adds; from level 2 on it carries the digests
// of the previous level's manifest and signature, so no earlier level can be changed or dropped unnoticed.
// Field by field: docs/package-format.md, "Manifest".
import { z } from 'zod';
import { canonicalBytes } from './canonicalJson.js';
import { nameProblem } from './entryName.js';

export const FORMAT = 'dossier.package';
export const FORMAT_VERSION = 1;
export const MIMETYPE = 'application/vnd.dossier.package+zip';
export const MAX_LEVEL = 3;
/** Who signs each level (N-9): the applicant pledges (N-13), the unit reviews, the reviewing desk checks (issue 17). */
export const LEVEL_SIGNERS = { 1: 'applicant', 2: 'unit', 3: 'desk' } as const;
export const CONTENT_PREFIX = 'content/';

export const manifestPath = (level: number) => `META-INF/manifest-L${level}.json`;
export const signaturePath = (level: number) => `META-INF/manifest-L${level}.sig`;
export const signerPath = (level: number) => `META-INF/signer-L${level}.pem`;

/** Path order everywhere in the format: by UTF-8 bytes (= by code point), the same in any language. */
export const byPath = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 lower-case hex digits');
const token = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/);
const count = z.number().int().min(0);

export const ManifestFile = z.strictObject({
  path: z
    .string()
    .refine((p) => p.startsWith(CONTENT_PREFIX), `must start with "${CONTENT_PREFIX}"`)
    .refine((p) => nameProblem(p) === null, 'not an acceptable entry name'),
  size: count,
  /** IANA media type, e.g. image/jpeg, application/pdf, application/json. */
  mediaType: z.string().regex(/^[a-z0-9][a-z0-9.+-]*\/[a-z0-9][a-z0-9.+-]*$/),
  /** What the file is to a reader: archive, attachment, form, review-decision, opinion, publicity, f4-data… */
  role: token,
  sha256,
});
export type ManifestFile = z.infer<typeof ManifestFile>;

/** The eligibility check the applicant ran before signing, and each overridden warning's justification. */
export const RulesSummary = z.strictObject({
  packId: z.string().min(1).max(100),
  packVersion: z.string().min(1).max(100),
  packHash: sha256,
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  counts: z.strictObject({ fail: count, review: count, pass: count, 'n/a': count }),
  overrides: z.array(
    z.strictObject({ findingId: z.string().min(1).max(200), justification: z.string().min(1).max(5000) }),
  ),
});

export const Manifest = z
  .strictObject({
    format: z.literal(FORMAT),
    formatVersion: z.literal(FORMAT_VERSION),
    level: z.number().int().min(1).max(MAX_LEVEL),
    packageId: token,
    revision: z.number().int().min(1),
    createdBy: z.strictObject({ app: z.string().min(1).max(100), version: z.string().min(1).max(100) }),
    /** SHA-256 of the SPKI DER of the key in signer-L<n>.pem: the signature also vouches for which key. */
    signer: z.strictObject({ fingerprint: sha256 }),
    /** Levels ≥ 2: the digests of the previous level's manifest and signature files. */
    previous: z.strictObject({ manifestSha256: sha256, signatureSha256: sha256 }).optional(),
    /** A corrected revision after 退回: the last manifest of the package it replaces. */
    supersedes: z
      .strictObject({
        packageId: token,
        revision: z.number().int().min(1),
        level: z.number().int().min(1),
        manifestSha256: sha256,
      })
      .optional(),
    rules: RulesSummary.optional(),
    files: z.array(ManifestFile),
  })
  .superRefine((m, ctx) => {
    if ((m.level === 1) !== (m.previous === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['previous'], message: 'required from level 2 on, absent at level 1' });
    }
    if (m.supersedes && (m.supersedes.packageId !== m.packageId || m.supersedes.revision >= m.revision)) {
      ctx.addIssue({
        code: 'custom',
        path: ['supersedes'],
        message: 'must name an earlier revision of the same package',
      });
    }
    m.files.forEach((f, i) => {
      if (i > 0 && byPath(m.files[i - 1]!.path, f.path) >= 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['files', i, 'path'],
          message: 'files must be sorted by path, each once',
        });
      }
    });
  });
export type Manifest = z.infer<typeof Manifest>;

export type ManifestInput = Omit<Manifest, 'format' | 'formatVersion' | 'files'> & { files: ManifestFile[] };

/** Validates and serialises a manifest: its canonical UTF-8 bytes are what is signed and stored. */
export function buildManifest(input: ManifestInput): { manifest: Manifest; bytes: Buffer } {
  const files = [...input.files].sort((a, b) => byPath(a.path, b.path));
  const manifest = Manifest.parse({ format: FORMAT, formatVersion: FORMAT_VERSION, ...input, files });
  return { manifest, bytes: canonicalBytes(manifest) };
}
