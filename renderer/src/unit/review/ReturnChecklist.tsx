// The return, checked off on the corrected revision (issue 19, item 3): every comment the unit sent back with
// the returned revision, with what it was about, the applicant's change there (the field's old and new value,
// the scan's old and new version side by side, or 未修改) and the officer's tick — 未核对 / 已改正 / 仍未改正,
// a radio group like the material marks (Tab to it, arrow keys to choose). A tick is saved at once
// (unit:checkReturnComment) and shown before the answer; a refusal puts the previous tick back and says why.
import { AimOutlined } from '@ant-design/icons';
import { Button, Radio, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { ApiError, Localized } from '../../../../shared/api/contract.js';
import type { ArchiveDocument } from '../../../../shared/archive/schema.js';
import type {
  ReturnChecklist as Checklist,
  ReturnChecklistItem,
  ReturnCheckState,
} from '../../../../shared/unit/schema.js';
import { call } from '../../api.js';
import { useT, type TextKey } from '../../i18n.js';
import { asApiError } from '../../jobs/tracker.js';
import type { PreviewFile } from './AttachmentPreview.js';
import { targetKey, targetText } from './commentTargets.js';
import { goToMaterial } from './MaterialCard.js';
import { fieldPlace, scanPlace } from './changeNames.js';
import { ChangeTag, ScanPair, type ComparedRevisions } from './ScanChanges.js';

/** The radio's value for "not checked yet" (a Radio value cannot be null). */
const UNCHECKED = 'none';

export interface ReturnChecklistProps {
  applicantId: string;
  checklist: Checklist;
  archive: ArchiveDocument;
  fields: ReadonlyMap<string, { group: Localized; label: TextKey }>;
  revisions: ComparedRevisions;
  /** Ticks can change (the corrected revision's review is pending). */
  isOpen: boolean;
  onPreview: (file: PreviewFile, caption: string) => void;
  onChecked: (change: (checklist: Checklist) => Checklist) => void;
}

const withState = (commentId: string, state: ReturnCheckState | null, checkedAt: string | null) => (c: Checklist) => ({
  ...c,
  items: c.items.map((i) => (i.comment.id === commentId ? { ...i, state, checkedAt } : i)),
});

export function ReturnChecklist(props: ReturnChecklistProps) {
  const { checklist, isOpen } = props;
  const { t } = useT();
  const count = (state: ReturnCheckState | null) => checklist.items.filter((i) => i.state === state).length;
  return (
    <section className="uw-return-check" aria-labelledby="uw-checklist-heading" data-testid="uw-checklist">
      <Typography.Title level={3} id="uw-checklist-heading" className="uw-subheading">
        {t('uw_checklistHeading')}
      </Typography.Title>
      {checklist.items.length === 0 ? (
        <Typography.Paragraph type="secondary">
          {t('uw_checklistNoComments', { rev: checklist.revision })}
        </Typography.Paragraph>
      ) : (
        <>
          <Typography.Paragraph className="uw-changes-lead">
            {t('uw_checklistLead', { rev: checklist.revision, n: checklist.items.length, file: checklist.fileName })}
          </Typography.Paragraph>
          <Typography.Paragraph role="status" data-testid="uw-checklist-summary">
            {t('uw_checklistSummary', { addressed: count('addressed'), open: count('open'), unchecked: count(null) })}
          </Typography.Paragraph>
          {!isOpen && (
            <Typography.Paragraph type="secondary" data-testid="uw-checklist-closed">
              {t('uw_checklistClosed')}
            </Typography.Paragraph>
          )}
          <ol className="uw-checklist">
            {checklist.items.map((item) => (
              <CheckItem key={item.comment.id} item={item} {...props} />
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

function CheckItem({
  item,
  applicantId,
  archive,
  fields,
  revisions,
  isOpen,
  onPreview,
  onChecked,
}: ReturnChecklistProps & { item: ReturnChecklistItem }) {
  const { t, pick, lang } = useT();
  const [error, setError] = useState<ApiError | null>(null);
  const { comment } = item;
  const textId = `uw-check-text-${comment.id}`;
  const target = targetText(comment.target, fields, t, lang);
  const isUnchanged = item.fieldChanges.length === 0 && item.attachmentChanges.length === 0;

  const tick = async (value: string) => {
    const state: ReturnCheckState | null = value === UNCHECKED ? null : (value as ReturnCheckState);
    const was = { state: item.state, checkedAt: item.checkedAt };
    setError(null);
    // Shown at once (one re-render of the review, not two): the answer only confirms it.
    onChecked(withState(comment.id, state, state === null ? null : new Date().toISOString()));
    try {
      await call('unit:checkReturnComment', { applicantId, commentId: comment.id, state });
    } catch (e) {
      onChecked(withState(comment.id, was.state, was.checkedAt));
      setError(asApiError(e));
    }
  };

  return (
    <li
      className="uw-check-item"
      data-testid="uw-check-item"
      data-comment-id={comment.id}
      data-target={targetKey(comment.target)}
      data-state={item.state ?? UNCHECKED}
    >
      <div className="uw-check-head">
        <span className="material-id">{comment.material}</span>
        <Typography.Text type="secondary">{target}</Typography.Text>
      </div>
      <p id={textId} className="uw-check-text">
        {comment.text}
      </p>
      <div className="uw-check-change" data-testid="uw-check-change">
        <span className="uw-check-change-label">{t('uw_checkChange')}</span>
        {isUnchanged && (
          <span>
            <Tag data-testid="uw-check-unchanged">{t('uw_checkUnchanged')}</Tag>
          </span>
        )}
        {item.fieldChanges.map((c) => (
          <div key={`${c.kind}:${c.path}`} className="uw-check-field" data-testid="uw-check-field" data-path={c.path}>
            <ChangeTag kind={c.kind} />
            {c.path !== (comment.target.kind === 'field' ? comment.target.path : '') &&
              `${fieldPlace(c.path, fields, archive, t, lang)}：`}
            <span className="uw-change-value">{c.before ?? '—'}</span>
            {' → '}
            <span className="uw-change-value">{c.after ?? '—'}</span>
          </div>
        ))}
        {item.attachmentChanges.map((c) => {
          const place = scanPlace(c, archive, lang) || t('uw_scanUnfiled');
          return (
            <div key={`${c.slot ?? ''}|${c.recordId ?? ''}|${c.before?.sha256 ?? ''}|${c.after?.sha256 ?? ''}`}>
              <div className="uw-scan-change-head">
                <ChangeTag kind={c.kind} />
                <Typography.Text>{place}</Typography.Text>
              </div>
              <ScanPair change={c} revisions={revisions} caption={place} onPreview={onPreview} />
            </div>
          );
        })}
      </div>
      <div className="uw-check-actions">
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          size="small"
          aria-label={t('uw_checkLabel', { text: comment.text.slice(0, 60) })}
          aria-describedby={textId}
          value={item.state ?? UNCHECKED}
          disabled={!isOpen}
          onChange={(e) => void tick(String(e.target.value))}
          options={[
            { value: UNCHECKED, label: t('uw_checkNone') },
            { value: 'addressed', label: t('uw_checkAddressed') },
            { value: 'open', label: t('uw_checkOpen') },
          ]}
          data-testid="uw-check-tick"
        />
        <Button
          type="link"
          size="small"
          icon={<AimOutlined />}
          onClick={() => goToMaterial(comment.material)}
          data-testid="uw-check-goto"
        >
          {t('uw_checkGoTo', { material: comment.material })}
        </Button>
      </div>
      {error && (
        <Typography.Text type="danger" role="alert" className="uw-inline-error" data-testid="uw-check-error">
          {pick(error.message)}
        </Typography.Text>
      )}
    </li>
  );
}
