// What counts as attached now. An edited version (rotate, delete a page, fit…) hides its original, and the
// links that could not follow the edit (a deleted page's tag) stay behind on it: they must not count, or a
// check would pass on pages the applicant can no longer see. Deleted attachments prove nothing either.
// The one definition for the materials view, the eligibility check (renderer and CLI) and anything after.

export interface VersionedAttachment {
  id: string;
  deletedAt: string | null;
  /** A live one-to-one edit of this attachment exists (AttachmentView.hasNewerVersion). */
  hasNewerVersion: boolean;
  links: readonly { id: string; recordId: string | null; slot: string | null }[];
  /**
   * The file's facts a check reads (whether a reviewer can read it, READABLE_SCAN), where the reader has
   * them: an AttachmentView and the unit's held archives do.
   */
  sha256?: string;
  mediaType?: string;
  width?: number | null;
  height?: number | null;
  scanDpi?: number | null;
}

/** The facts of the file a link belongs to, as the rules read them (absent when the reader did not have them). */
export interface FileFacts {
  sha256?: string;
  mediaType?: string;
  width?: number | null;
  height?: number | null;
  scanDpi?: number | null;
}

export interface CurrentLink extends FileFacts {
  linkId: string;
  attachmentId: string;
  recordId: string | null;
  slot: string | null;
}

export const isCurrentAttachment = (a: Pick<VersionedAttachment, 'deletedAt' | 'hasNewerVersion'>): boolean =>
  a.deletedAt === null && !a.hasNewerVersion;

function factsOf(a: VersionedAttachment): FileFacts {
  const facts: FileFacts = {};
  if (a.sha256 !== undefined) facts.sha256 = a.sha256;
  if (a.mediaType !== undefined) facts.mediaType = a.mediaType;
  if (a.width !== undefined) facts.width = a.width;
  if (a.height !== undefined) facts.height = a.height;
  if (a.scanDpi !== undefined) facts.scanDpi = a.scanDpi;
  return facts;
}

export function currentLinks(attachments: readonly VersionedAttachment[]): CurrentLink[] {
  return attachments.filter(isCurrentAttachment).flatMap((a) => {
    const facts = factsOf(a);
    return a.links.map((l) => ({ linkId: l.id, attachmentId: a.id, recordId: l.recordId, slot: l.slot, ...facts }));
  });
}
