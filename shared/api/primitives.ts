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
