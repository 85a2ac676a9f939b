// Unsent comments of the unit's review (issue 19, item 10): a draft per applicant and material — its text
// and what it is about — kept in the tab's sessionStorage as it is typed, so that it survives going to
// another screen or applicant and a reload, and comes back in its composer. sessionStorage ends with the
// tab: closing the tab while a draft is unsent asks first (beforeunload; the desktop shell shows the
// same question, main.ts). A draft is gone once its comment is added, or its text emptied.
import type { MaterialId } from '../../../../shared/materials/requirements.js';

const STORAGE_KEY = 'dossier.commentDrafts';

export interface CommentDraft {
  /** The composer's target (commentTargets.ts targetKey), as chosen when the draft was last edited. */
  target: string;
  text: string;
}

type Drafts = Record<string, CommentDraft>;

const keyOf = (applicantId: string, material: MaterialId) => `${applicantId}/${material}`;

function readAll(): Drafts {
  try {
    const parsed: unknown = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? '{}');
    if (typeof parsed !== 'object' || parsed === null) return {};
    // Only well-formed entries: the storage is the tab's, but a stale shape must not break the review.
    return Object.fromEntries(
      Object.entries(parsed as Record<string, unknown>).filter(
        ([, d]) =>
          typeof d === 'object' &&
          d !== null &&
          typeof (d as CommentDraft).target === 'string' &&
          typeof (d as CommentDraft).text === 'string',
      ),
    ) as Drafts;
  } catch {
    return {};
  }
}

function writeAll(drafts: Drafts): void {
  try {
    if (Object.keys(drafts).length === 0) sessionStorage.removeItem(STORAGE_KEY);
    else sessionStorage.setItem(STORAGE_KEY, JSON.stringify(drafts));
  } catch {
    // Storage full or refused: the draft still lives in its open composer, and the tab-close question
    // below still counts it through `unsaved`.
  }
}

/** Drafts the storage could not keep, so that closing the tab still asks about them. */
const unsaved = new Set<string>();

/** The unsent draft of this applicant's material, or null. */
export function commentDraft(applicantId: string, material: MaterialId): CommentDraft | null {
  return readAll()[keyOf(applicantId, material)] ?? null;
}

/** Keeps the draft as typed; a draft of blank text is no draft (removed). */
export function saveCommentDraft(applicantId: string, material: MaterialId, draft: CommentDraft): void {
  const key = keyOf(applicantId, material);
  const drafts = readAll();
  if (draft.text.trim() === '') {
    delete drafts[key];
    unsaved.delete(key);
  } else {
    drafts[key] = draft;
    unsaved.add(key);
  }
  writeAll(drafts);
}

/** The comment was added: its draft is done with. */
export function clearCommentDraft(applicantId: string, material: MaterialId): void {
  saveCommentDraft(applicantId, material, { target: '', text: '' });
}

export const hasCommentDrafts = (): boolean => unsaved.size > 0 || Object.keys(readAll()).length > 0;

// Once for the tab: whatever screen is showing, an unsent comment is not lost to a closed tab unasked.
if (typeof window !== 'undefined') {
  window.addEventListener('beforeunload', (e) => {
    if (hasCommentDrafts()) e.preventDefault();
  });
}
