// 资格审查 of the reviewing desk (issue 17 item 4; N-9): one applicant as the unit passed them on — who,
// from which unit, where they stand; the findings recomputed here; the unit's opinion and publicity; the
// checklist (符合 / 不符合 / 待补正 per condition of the rule pack); the archive read-only by material with each
// scan beside its record and the desk's comments (the unit's review pieces, renderer/src/unit/review/*, with
// the desk's comment methods); the committee's recommendation (RecommendationCard); the decisions (退回补正
// with every point and a deadline, 不予推荐, 撤回, 恢复); and the audit trail. Opening starts the review.
import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Empty, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { KeyStatus, OutputOf } from '../../../shared/api/contract.js';
import { DESK_STATUS_LABELS, type DeskStatus } from '../../../shared/desk/pipeline.js';
import { MATERIAL_IDS, MATERIAL_LABELS, type MaterialId } from '../../../shared/materials/requirements.js';
import type { ReviewComment } from '../../../shared/unit/schema.js';
import { call } from '../api.js';
import { useKeyStatus } from '../unit/review/PassphraseField.js';
import { useT } from '../i18n.js';
import { AttachmentPreview, type PreviewFile } from '../unit/review/AttachmentPreview.js';
import { fieldIndex } from '../unit/review/archiveFields.js';
import type { CommentMethods } from '../unit/review/CommentComposer.js';
import { FindingsPanel } from '../unit/review/FindingsPanel.js';
import { MaterialCard } from '../unit/review/MaterialCard.js';
import { MaterialNav } from '../unit/review/MaterialNav.js';
import { useHeldReview, type ReviewData } from '../unit/review/useReviewData.js';
import { LoadingFrame, WorkFrame } from '../unit/review/WorkFrame.js';
import { DeskActions } from './review/DeskActions.js';
import { DeskChecklist } from './review/DeskChecklist.js';
import { DeskTrail, UnitEvidence } from './review/DeskEvidence.js';
import { RecommendationCard } from './RecommendationCard.js';

export interface DeskReviewScreenProps {
  /** The applicant opened from the table; null shows a chooser. */
  applicantId: string | null;
  onOpenApplicant: (applicantId: string) => void;
  onBack: () => void;
}

type DeskReview = OutputOf<'desk:review'>;

const deskReview = (applicantId: string) => call('desk:review', { applicantId });

const DESK_COMMENTS: CommentMethods = {
  add: (input) => call('desk:addComment', input),
  remove: (input) => call('desk:deleteComment', input),
};

const STATUS_COLOR: Record<DeskStatus, string> = {
  awaiting: 'default',
  to_review: 'blue',
  in_review: 'processing',
  returned: 'warning',
  corrected: 'cyan',
  passed: 'success',
  submitted: 'success',
  not_recommended: 'error',
  withdrawn: 'default',
  lapsed: 'error',
};

/** The checklist and comments change only while the file waits here undecided (core: UNDER_REVIEW). */
const isUnderReview = (s: DeskStatus) => s === 'to_review' || s === 'in_review' || s === 'corrected';

export function DeskReviewScreen({ applicantId, onBack }: DeskReviewScreenProps) {
  const { t } = useT();
  if (!applicantId) {
    return (
      <WorkFrame id="dr-review" title={t('dr_title')} intro={t('dr_intro')}>
        <Empty className="uw-empty" description={t('dr_empty')} data-testid="dr-review-empty">
          <Button onClick={onBack}>{t('unit_nav_unitApplicants')}</Button>
        </Empty>
      </WorkFrame>
    );
  }
  return <ApplicantReview key={applicantId} applicantId={applicantId} />;
}

function ApplicantReview({ applicantId }: { applicantId: string }) {
  const { t, pick } = useT();
  const { state, reload, retry, patch } = useHeldReview(applicantId, deskReview);
  const keyStatus = useKeyStatus();
  const [preview, setPreview] = useState<{ attachment: PreviewFile; caption: string } | null>(null);

  const tools = (
    <Button
      icon={<ReloadOutlined />}
      onClick={() => void reload()}
      loading={state.kind === 'ready' && state.isReloading}
      disabled={state.kind === 'loading'}
      data-testid="dr-reload"
    >
      {t('dr_reload')}
    </Button>
  );

  if (state.kind !== 'ready') {
    return (
      <LoadingFrame
        frame={{ id: 'dr-review', title: t('dr_title'), tools, focusKey: applicantId }}
        error={state.kind === 'failed' ? state.error : null}
        onRetry={() => void retry()}
        failedTestId="dr-review-failed"
      />
    );
  }
  const name = state.data.review.applicant.name || '—';
  return (
    <WorkFrame
      id="dr-review"
      title={t('dr_titleOf', { name })}
      intro={t('dr_intro')}
      tools={tools}
      focusKey={applicantId}
    >
      {state.reloadError && (
        <Alert type="error" showIcon role="alert" className="uw-inline-alert" title={pick(state.reloadError.message)} />
      )}
      <ReviewBody
        applicantId={applicantId}
        data={state.data}
        keyStatus={keyStatus}
        patch={patch}
        reload={() => void reload()}
        onPreview={(attachment, caption) => setPreview({ attachment, caption })}
      />
      <AttachmentPreview
        attachment={preview?.attachment ?? null}
        caption={preview?.caption ?? ''}
        onClose={() => setPreview(null)}
      />
    </WorkFrame>
  );
}

interface ReviewBodyProps {
  applicantId: string;
  data: ReviewData<DeskReview>;
  keyStatus: KeyStatus | null;
  patch: (change: (review: DeskReview) => DeskReview) => void;
  reload: () => void;
  onPreview: (attachment: PreviewFile, caption: string) => void;
}

function ReviewBody({ applicantId, data, keyStatus, patch, reload, onPreview }: ReviewBodyProps) {
  const { t, pick } = useT();
  const { review, archive, attachments, materials } = data;
  const { applicant } = review;
  const fields = useMemo(() => fieldIndex(archive), [archive]);
  const flagged = useMemo(() => new Set(review.findings.flatMap((f) => f.paths)), [review.findings]);
  const isOpen = isUnderReview(applicant.status);

  // Comments and checklist rows change the return's points: read again so the preview is the core's own.
  const onCommentAdded = (comment: ReviewComment) => {
    patch((r) => ({ ...r, comments: [...r.comments, comment] }));
    reload();
  };
  const onCommentDeleted = (id: string) => {
    patch((r) => ({ ...r, comments: r.comments.filter((c) => c.id !== id) }));
    reload();
  };

  const targetName = (target: string): string => {
    if (target === '') return t('dr_returnWhole');
    if ((MATERIAL_IDS as readonly string[]).includes(target))
      return `${target} ${pick(MATERIAL_LABELS[target as MaterialId])}`;
    const condition = review.checklist.find((c) => c.conditionId === target);
    if (condition) return condition.conditionId;
    const field = fields.get(target);
    return field ? `${pick(field.group)} · ${t(field.label)}` : target;
  };

  return (
    <>
      <Card size="small" className="uw-head-card" data-testid="dr-head">
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={[
            {
              key: 'name',
              label: t('f_name'),
              children: <Typography.Text strong>{applicant.name || '—'}</Typography.Text>,
            },
            { key: 'unit', label: t('dr_unit'), children: applicant.unitName },
            {
              key: 'status',
              label: t('dr_status'),
              children: (
                <Tag color={STATUS_COLOR[applicant.status]} data-testid="dr-status" data-status={applicant.status}>
                  {pick(DESK_STATUS_LABELS[applicant.status])}
                </Tag>
              ),
            },
            { key: 'specialty', label: t('f_specialty'), children: applicant.specialty || '—' },
            {
              key: 'revision',
              label: t('pkg_revision'),
              children: t('pkg_revisionN', { n: applicant.revision }),
            },
            {
              key: 'deadline',
              label: t('dr_deadline'),
              children: <span data-testid="dr-deadline">{applicant.deadline ?? t('dr_none')}</span>,
            },
          ]}
        />
      </Card>
      <FindingsPanel findings={review.findings} fields={fields} verdict={review.verdict} counts={review.counts} />
      <UnitEvidence review={review} />
      <DeskChecklist
        applicantId={applicantId}
        rows={review.checklist}
        isOpen={isOpen}
        onSaved={(row) => {
          patch((r) => ({ ...r, checklist: r.checklist.map((c) => (c.conditionId === row.conditionId ? row : c)) }));
          reload();
        }}
      />
      <section className="uw-materials" aria-labelledby="dr-materials-heading">
        <Typography.Title level={2} id="dr-materials-heading" className="uw-subheading">
          {t('dr_materialsHeading')}
        </Typography.Title>
        {!isOpen && (
          <Typography.Paragraph type="secondary" data-testid="dr-closed-note">
            {t('dr_closed')}
          </Typography.Paragraph>
        )}
        <MaterialNav materials={materials} />
        <ol className="uw-material-list">
          {materials.map((m) => (
            <li key={m.id}>
              <MaterialCard
                applicantId={applicantId}
                status={m}
                archive={archive}
                attachments={attachments}
                decision={null}
                comments={review.comments.filter((c) => c.material === m.id)}
                fields={fields}
                flagged={flagged}
                isOpen={isOpen}
                onCommentAdded={onCommentAdded}
                onCommentDeleted={onCommentDeleted}
                onPreview={onPreview}
                commentMethods={DESK_COMMENTS}
              />
            </li>
          ))}
        </ol>
      </section>
      <RecommendationCard applicantId={applicantId} onChanged={reload} />
      <Card className="uw-decision-card" data-testid="dr-decision">
        <DeskActions
          applicantId={applicantId}
          status={applicant.status}
          points={review.returnPoints}
          keyStatus={keyStatus}
          targetName={targetName}
          onChanged={reload}
        />
      </Card>
      <DeskTrail audit={review.audit} />
    </>
  );
}
