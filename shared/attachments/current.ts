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
}

export interface CurrentLink {
  linkId: string;
  attachmentId: string;
  recordId: string | null;
  slot: string | null;
}

export const isCurrentAttachment = (a: Pick<VersionedAttachment, 'deletedAt' | 'hasNewerVersion'>): boolean =>
  a.deletedAt === null && !a.hasNewerVersion;

export function currentLinks(attachments: readonly VersionedAttachment[]): CurrentLink[] {
  return attachments
    .filter(isCurrentAttachment)
    .flatMap((a) => a.links.map((l) => ({ linkId: l.id, attachmentId: a.id, recordId: l.recordId, slot: l.slot })));
}
