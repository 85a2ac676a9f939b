// One material (M-1 … M-12) as the unit reviews it: the mark (未审 / 通过 / 退回, unit:markMaterial), the
// records it proves read-only with each file beside its record, the comments of the unit on it (each naming
// its field, file or the material; deletable while the review is open) and the composer for a new one.
import { CommentOutlined, DeleteOutlined, EditOutlined, WarningOutlined } from '@ant-design/icons';
import { Button, Card, Radio, Tag, Typography } from 'antd';
import { useId, useMemo, useState, type ReactNode } from 'react';
import type { ApiError, Localized } from '../../../../shared/api/contract.js';
import type { AttachmentView } from '../../../../shared/attachments/schema.js';
import type { ArchiveDocument } from '../../../../shared/archive/schema.js';
import type { MaterialState, MaterialStatus } from '../../../../shared/materials/requirements.js';
import type { MaterialDecision, MaterialReview, ReviewComment } from '../../../../shared/unit/schema.js';
import { call } from '../../api.js';
import { useT, type TextKey } from '../../i18n.js';
import { asApiError } from '../../jobs/tracker.js';
import { isEmptyValue, materialGroups, type FieldView, type GroupView } from './archiveFields.js';
import { CommentComposer, commentTextId, UNIT_COMMENTS, type CommentMethods } from './CommentComposer.js';
import { commentDraft } from './commentDrafts.js';
import { MATERIAL_TARGET, materialFiles, targetGroups, targetKey, targetText } from './commentTargets.js';
import { ProofList } from './ProofList.js';

const STATE_TAG: Record<MaterialState, { color: string; text: TextKey }> = {
  complete: { color: 'success', text: 'mat_complete' },
  incomplete: { color: 'error', text: 'mat_incomplete' },
  'not-needed': { color: 'default', text: 'mat_stateNotNeeded' },
  generated: { color: 'processing', text: 'mat_stateGenerated' },
  'unit-provides': { color: 'blue', text: 'mat_stateUnitProvides' },
};

/** The radio's value for "not looked at yet" (a Radio value cannot be null). */
const UNMARKED = 'none';

export const materialCardId = (material: string) => `uw-material-${material}`;

/** Brings a material's card into sight and puts the focus on its mark. */
export function goToMaterial(material: string): void {
  const card = document.getElementById(materialCardId(material));
  card?.scrollIntoView({ block: 'start' });
  card?.querySelector<HTMLElement>('input[type="radio"]:checked, input[type="radio"]')?.focus({ preventScroll: true });
}

export interface MaterialCardProps {
  applicantId: string;
  status: MaterialStatus;
  archive: ArchiveDocument;
  attachments: readonly AttachmentView[];
  decision: MaterialDecision | null;
  comments: readonly ReviewComment[];
  /** Every field path of the archive, for naming a comment's target. */
  fields: ReadonlyMap<string, { group: Localized; label: TextKey }>;
  /** Fields an eligibility finding is about. */
  flagged: ReadonlySet<string>;
  /** Marks and comments can change (the review is pending). */
  isOpen: boolean;
  /** Called after a mark; without it (the desk: its checklist judges instead) no mark is offered. */
  onMarked?: (materials: MaterialReview[]) => void;
  onCommentAdded: (comment: ReviewComment) => void;
  onCommentDeleted: (commentId: string) => void;
  onPreview: (attachment: AttachmentView, caption: string) => void;
  /** Where the comments are kept: the unit's review unless said (the desk's review passes its own). */
  commentMethods?: CommentMethods;
}

export function MaterialCard(props: MaterialCardProps) {
  const { applicantId, status, archive, attachments, decision, comments, fields, flagged, isOpen } = props;
  const { t, pick, lang } = useT();
  const [isMarking, setMarking] = useState(false);
  const [markError, setMarkError] = useState<ApiError | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const [deleteError, setDeleteError] = useState<{ id: string; error: ApiError } | null>(null);
  // An unsent draft (commentDrafts.ts) reopens its composer with its target, as it was left.
  const [target, setTarget] = useState(() => commentDraft(applicantId, status.id)?.target || MATERIAL_TARGET);
  // The composer opens on demand: twelve of them open at once would bury the archive.
  const [isComposing, setComposing] = useState(() => commentDraft(applicantId, status.id) !== null);
  const hasDraft = !isComposing && commentDraft(applicantId, status.id) !== null;

  const groups = useMemo(() => materialGroups(archive, status), [archive, status]);
  const files = useMemo(() => materialFiles(status.items, attachments), [status.items, attachments]);
  const options = useMemo(() => targetGroups(groups, files, t, lang), [groups, files, t, lang]);
  const shownRecords = new Set(groups.map((g) => g.recordId).filter((id) => id !== null));
  const looseItems = status.items.filter((i) => i.recordId === null || !shownRecords.has(i.recordId));
  const commentedPaths = new Set(comments.flatMap((c) => (c.target.kind === 'field' ? [c.target.path] : [])));
  const tag = STATE_TAG[status.state];

  const mark = async (value: string) => {
    const next: MaterialDecision | null = value === UNMARKED ? null : (value as MaterialDecision);
    setMarking(true);
    setMarkError(null);
    try {
      const { materials } = await call('unit:markMaterial', { applicantId, material: status.id, decision: next });
      props.onMarked?.(materials);
    } catch (e) {
      setMarkError(asApiError(e));
    } finally {
      setMarking(false);
    }
  };

  const remove = async (comment: ReviewComment) => {
    setDeleting(comment.id);
    setDeleteError(null);
    try {
      await (props.commentMethods ?? UNIT_COMMENTS).remove({ applicantId, commentId: comment.id });
      props.onCommentDeleted(comment.id);
    } catch (e) {
      setDeleteError({ id: comment.id, error: asApiError(e) });
    } finally {
      setDeleting(null);
    }
  };

  const compose = (nextTarget: string) => {
    setTarget(nextTarget);
    setComposing(true);
    requestAnimationFrame(() => document.getElementById(commentTextId(status.id))?.focus());
  };
  const commentOn = (file: AttachmentView) =>
    compose(targetKey({ kind: 'attachment', sha256: file.sha256, fileName: file.fileName }));
  const closeComposer = () => {
    setComposing(false);
    requestAnimationFrame(() => document.getElementById(`uw-comment-open-${status.id}`)?.focus());
  };

  const markId = `uw-mark-${status.id}`;
  return (
    <Card
      size="small"
      id={materialCardId(status.id)}
      className="uw-material"
      data-testid={`uw-material-${status.id}`}
      data-decision={decision ?? 'none'}
      title={
        <span className="uw-material-head">
          <span className="material-id">{status.id}</span>
          <span className="uw-material-name">{pick(status.label)}</span>
          <Tag color={tag.color}>{t(tag.text)}</Tag>
          {comments.length > 0 && (
            <Tag color="orange" icon={<CommentOutlined />}>
              {t('uw_commentCount', { n: comments.length })}
            </Tag>
          )}
        </span>
      }
      extra={
        props.onMarked && (
          <div className="uw-mark">
            <span id={markId} className="sr-only">
              {t('uw_markLabel', { material: `${status.id} ${pick(status.label)}` })}
            </span>
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              size="small"
              aria-labelledby={markId}
              value={decision ?? UNMARKED}
              disabled={!isOpen || isMarking}
              onChange={(e) => void mark(String(e.target.value))}
              options={[
                { value: UNMARKED, label: t('uw_markNone') },
                { value: 'accepted', label: t('uw_markAccepted') },
                { value: 'returned', label: t('uw_markReturned') },
              ]}
              data-testid={`uw-mark-${status.id}`}
            />
          </div>
        )
      }
    >
      {markError && (
        <Typography.Text
          type="danger"
          role="alert"
          className="uw-inline-error"
          data-testid={`uw-mark-error-${status.id}`}
        >
          {pick(markError.message)}
        </Typography.Text>
      )}
      {status.note && <Typography.Paragraph type="secondary">{pick(status.note)}</Typography.Paragraph>}
      {groups.length === 0 && looseItems.length === 0 && status.state !== 'not-needed' && (
        <Typography.Paragraph type="secondary" className="uw-empty-line">
          {t('uw_materialNoData')}
        </Typography.Paragraph>
      )}
      {groups.map((group) => (
        <RecordBlock
          key={group.key}
          material={status.id}
          group={group}
          commented={commentedPaths}
          flagged={flagged}
          proofs={
            group.recordId === null ? null : (
              <ProofList
                items={status.items.filter((i) => i.recordId === group.recordId)}
                attachments={attachments}
                comments={comments}
                onPreview={props.onPreview}
                onComment={isOpen ? commentOn : undefined}
                isInRecord
              />
            )
          }
        />
      ))}
      {looseItems.length > 0 && (
        <section
          className="uw-record"
          aria-label={t('uw_recordOf', { material: status.id, record: t('uw_materialProofs') })}
        >
          <Typography.Text strong className="uw-record-title">
            {t('uw_materialProofs')}
          </Typography.Text>
          <ProofList
            items={looseItems}
            attachments={attachments}
            comments={comments}
            onPreview={props.onPreview}
            onComment={isOpen ? commentOn : undefined}
          />
        </section>
      )}
      <section className="uw-comments" aria-label={t('uw_commentsOf', { material: status.id })}>
        {comments.length > 0 && (
          <ul className="uw-comment-list" data-testid={`uw-comments-${status.id}`}>
            {comments.map((c) => (
              <li key={c.id} className="uw-comment" data-testid="uw-comment" data-target={targetKey(c.target)}>
                <div className="uw-comment-body">
                  <Typography.Text type="secondary" className="uw-comment-target">
                    {targetText(c.target, fields, t, lang)}
                  </Typography.Text>
                  <Typography.Text className="uw-comment-text">{c.text}</Typography.Text>
                  {deleteError?.id === c.id && (
                    <Typography.Text type="danger" role="alert">
                      {pick(deleteError.error.message)}
                    </Typography.Text>
                  )}
                </div>
                {isOpen && (
                  <Button
                    size="small"
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    loading={deleting === c.id}
                    onClick={() => void remove(c)}
                    aria-label={t('uw_commentDelete', { text: c.text.slice(0, 40) })}
                    data-testid="uw-comment-delete"
                  />
                )}
              </li>
            ))}
          </ul>
        )}
        {isOpen && isComposing && (
          <CommentComposer
            applicantId={applicantId}
            material={status.id}
            groups={options}
            target={target}
            onTarget={setTarget}
            onAdded={props.onCommentAdded}
            onClose={closeComposer}
            {...(props.commentMethods ? { methods: props.commentMethods } : {})}
          />
        )}
        {isOpen && !isComposing && (
          <Button
            id={`uw-comment-open-${status.id}`}
            icon={<EditOutlined />}
            onClick={() => compose(target)}
            data-testid={`uw-comment-open-${status.id}`}
          >
            {hasDraft ? t('uw_commentResume') : t('uw_commentWrite')}
          </Button>
        )}
      </section>
    </Card>
  );
}

function RecordBlock({
  material,
  group,
  commented,
  flagged,
  proofs,
}: {
  material: string;
  group: GroupView;
  commented: ReadonlySet<string>;
  flagged: ReadonlySet<string>;
  proofs: ReactNode;
}) {
  const { t, pick } = useT();
  // Named with its material: the same record (单位, a work) is shown under several materials, and a screen
  // reader's list of regions must tell them apart.
  return (
    <section
      className="uw-record"
      aria-label={t('uw_recordOf', { material, record: pick(group.title) })}
      data-testid="uw-record"
      data-key={group.key}
    >
      <Typography.Text strong className="uw-record-title">
        {pick(group.title)}
      </Typography.Text>
      <div className="uw-record-body">
        <dl className="uw-fields">
          {group.fields.map((f) => (
            <FieldRow key={f.path} field={f} isCommented={commented.has(f.path)} isFlagged={flagged.has(f.path)} />
          ))}
        </dl>
        {proofs}
      </div>
    </section>
  );
}

function FieldRow({ field, isCommented, isFlagged }: { field: FieldView; isCommented: boolean; isFlagged: boolean }) {
  const { t, pick } = useT();
  const value = typeof field.value === 'string' ? field.value : pick(field.value);
  // useId: a record shown under two materials shows its fields twice.
  const labelId = useId();
  return (
    <div
      className={`uw-field${field.isLong ? ' uw-field-long' : ''}${isCommented ? ' uw-field-commented' : ''}`}
      data-path={field.path}
      data-testid="uw-field"
    >
      <dt id={labelId}>
        {t(field.label)}
        {isFlagged && <WarningOutlined className="uw-field-flag" aria-label={t('uw_fieldFlagged')} />}
        {isCommented && <CommentOutlined className="uw-field-comment" aria-label={t('uw_fieldCommented')} />}
      </dt>
      {/* A long value scrolls within its box: reachable by keyboard (to scroll it) and named by its field. */}
      <dd
        className={isEmptyValue(field.value) ? 'uw-value-empty' : undefined}
        tabIndex={field.isLong ? 0 : undefined}
        aria-labelledby={field.isLong ? labelId : undefined}
      >
        {isEmptyValue(field.value) ? t('uw_notEntered') : value}
      </dd>
    </div>
  );
}
