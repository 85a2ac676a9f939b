// The contract's smallest pieces (ids, text in both languages, a problem at a path), in a module of their own
// so that a group of methods can live in its own file (deskContract.ts) without importing contract.ts back.
import { z } from 'zod';

export const ApplicantId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

/** Text in both UI languages; errors and problems carry both so the UI can switch without a round trip. */
export const Localized = z.object({ zh: z.string(), en: z.string() });
export type Localized = z.infer<typeof Localized>;

export const Issue = z.object({ path: z.string(), message: Localized });
export type Issue = z.infer<typeof Issue>;

export const JobId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

/** The workspace signing key's passphrase. */
export const Passphrase = z.string().min(8).max(1024);

/** An uploaded (browser mode) or opened (desktop) package file waiting to be verified or imported. */
export const UploadId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

/** A finding of the eligibility check as the unit's review shows it. */
export const ReviewFinding = z.object({
  id: z.string(),
  ruleId: z.string(),
  status: z.enum(['fail', 'review']),
  severity: z.enum(['blocker', 'warning', 'info']),
  message: Localized,
  /** Problem-style paths of the fields the finding is about (where a comment can be tied). */
  paths: z.array(z.string()),
  clause: z.array(z.string()),
  /** The applicant's written reason for going on despite this warning (level 1's rules.overrides), if any. */
  justification: z.string().nullable(),
});
export type ReviewFinding = z.infer<typeof ReviewFinding>;
