// Above every screen of the editor while a unit's review is open (issue 7, 退回): who reviewed and when,
// the opinion, and each comment with a link to where it applies — a field (opened and focused as an
// eligibility fix link does), an attachment (its comments beside it on 附件) or a material (材料清单).
import { AuditOutlined } from '@ant-design/icons';
import { Alert, Button, Tag, Typography } from 'antd';
import { useId, useState } from 'react';
import type { Localized } from '../../../shared/api/contract.js';
import { MATERIAL_LABELS } from '../../../shared/materials/requirements.js';
import { nameRecord } from '../../../shared/materials/recordNames.js';
import type { ReviewComment } from '../../../shared/unit/schema.js';
import { useEditor } from '../editorContext.js';
import { screenOfPath } from '../eligibility/fixTarget.js';
import { useT, type TextKey } from '../i18n.js';
import { useReceived } from './context.js';
import type { ReceivedState } from './useReceivedReview.js';
import './review.css';

/** Where a comment applies, in words: 业绩成果 · 论文《…》, 附件“…”, 材料 M-4 …. */
export function useWhere(): (comment: ReviewComment) => string | null {
  const { t, pick } = useT();
  const { archive } = useEditor();
  return (comment) => {
    const target = comment.target;
    if (target.kind === 'attachment') return t('review_onAttachment', { name: target.fileName });
    if (target.kind === 'material') {
      return t('review_onMaterial', { material: `${comment.material} ${pick(MATERIAL_LABELS[comment.material])}` });
    }
    const screen = screenOfPath(target.path);
    if (!screen) return null;
    const recordId = target.path.split('.')[1];
    const record: Localized | null =
      target.path.split('.').length === 3 && recordId ? nameRecord(archive, recordId) : null;
    const screenName = t(`nav_${screen}` as TextKey);
    return record ? `${screenName} · ${pick(record)}` : screenName;
  };
}

const expandedKey = (fileName: string) => `dossier.reviewBanner.${fileName}`;

export function ReceivedBanner({ state }: { state: ReceivedState }) {
  const { t, pick } = useT();
  const { open } = useReceived();
  const where = useWhere();
  const listId = useId();
  const fileName = state.kind === 'ready' ? state.received.fileName : '';
  const [expanded, setExpanded] = useState(() => sessionStorage.getItem(expandedKey(fileName)) !== 'no');

  if (state.kind === 'none') return null;
  if (state.kind === 'failed') {
    return (
      <Alert
        className="review-banner"
        type="error"
        showIcon
        title={t('review_received')}
        description={`${t('review_loadFailed')}${pick(state.error.message)}`}
        data-testid="review-banner-failed"
      />
    );
  }
  const { review } = state.received;
  const isReturned = review.decision === 'returned';
  const toggle = () => {
    sessionStorage.setItem(expandedKey(fileName), expanded ? 'no' : 'yes');
    setExpanded(!expanded);
  };
  const title = t(isReturned ? 'review_returnedTitle' : 'review_acceptedTitle');
  return (
    <section className="review-banner" aria-label={title} data-testid="review-banner" data-decision={review.decision}>
      <Alert
        type={isReturned ? 'warning' : 'success'}
        showIcon
        icon={<AuditOutlined aria-hidden />}
        title={
          <span className="review-banner-title">
            <Typography.Text strong>{title}</Typography.Text>
            <Typography.Text type="secondary" data-testid="review-banner-meta">
              {t('review_meta', { unit: review.unit.name, date: review.reviewedOn, n: review.comments.length })}
            </Typography.Text>
          </span>
        }
        description={
          <div className="review-banner-body">
            <p className="review-banner-opinion" data-testid="review-banner-opinion">
              <Typography.Text strong>{t('review_opinion')}</Typography.Text>
              {review.opinion.trim() || t('review_noOpinion')}
            </p>
            {review.comments.length > 0 && (
              <Button
                type="link"
                size="small"
                className="review-banner-toggle"
                aria-expanded={expanded}
                aria-controls={listId}
                onClick={toggle}
                data-testid="review-banner-toggle"
              >
                {t(expanded ? 'review_hideComments' : 'review_showComments')}
              </Button>
            )}
            {expanded && review.comments.length > 0 && (
              <ol id={listId} className="review-banner-comments" aria-label={t('review_commentsLabel')}>
                {review.comments.map((c) => {
                  const place = where(c);
                  return (
                    <li key={c.id} data-testid="review-comment" data-target={c.target.kind}>
                      <Tag bordered={false}>{c.material}</Tag>
                      <span className="review-comment-text">{c.text}</span>
                      {place && (
                        <Button
                          type="link"
                          size="small"
                          className="review-comment-link"
                          onClick={() => open(c)}
                          data-testid="review-comment-link"
                        >
                          {t('review_goTo', { where: place })}
                        </Button>
                      )}
                    </li>
                  );
                })}
              </ol>
            )}
            {isReturned && (
              <Typography.Paragraph type="secondary" className="review-banner-hint">
                {t('review_returnedHint')}
              </Typography.Paragraph>
            )}
          </div>
        }
      />
    </section>
  );
}
