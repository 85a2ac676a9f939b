// The unit's comments where they apply (issue 7, 退回): under a field, in the unit's voice — not a problem
// the app found but what the reviewing officer wrote — and beside an attachment on 附件.
import { AuditOutlined } from '@ant-design/icons';
import { useCallback } from 'react';
import type { ReviewComment } from '../../../shared/unit/schema.js';
import { useT } from '../i18n.js';
import { attachmentCommentsId, takeFocus, useReceived } from './context.js';
import './review.css';

/** Under a field: its id goes into the control's aria-describedby, so a screen reader reads it too. */
export function FieldComments({ id, comments }: { id: string; comments: readonly ReviewComment[] }) {
  const { t } = useT();
  if (comments.length === 0) return null;
  return (
    <div id={id} className="unit-comment" data-testid="unit-comment">
      {comments.map((c) => (
        <div key={c.id} className="unit-comment-line">
          <AuditOutlined aria-hidden className="unit-comment-icon" />
          <span className="unit-comment-who">{t('review_atField')}</span>
          <span>{c.text}</span>
        </div>
      ))}
    </div>
  );
}

/** A grid cell right after the attachment's card: the unit's comments on those very bytes. */
export function AttachmentComments({ sha256, fileName }: { sha256: string; fileName: string }) {
  const { t } = useT();
  const comments = useReceived().bySha256.get(sha256);
  const id = attachmentCommentsId(sha256);
  // Focused when a banner link asked for it (the list arrives after the screen has opened).
  const ref = useCallback((el: HTMLLIElement | null) => takeFocus(id, el), [id]);
  if (!comments || comments.length === 0) return null;
  return (
    <li
      id={id}
      ref={ref}
      tabIndex={-1}
      className="unit-comment unit-comment-card"
      aria-label={t('review_atAttachmentLabel', { name: fileName })}
      data-testid="attachment-unit-comment"
      data-sha256={sha256}
    >
      <div className="unit-comment-heading">
        <AuditOutlined aria-hidden className="unit-comment-icon" />
        <span className="unit-comment-who">{t('review_atAttachment')}</span>
      </div>
      <div className="unit-comment-file">{fileName}</div>
      <ul>
        {comments.map((c) => (
          <li key={c.id}>{c.text}</li>
        ))}
      </ul>
    </li>
  );
}
