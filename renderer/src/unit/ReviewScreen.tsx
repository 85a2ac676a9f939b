// 审核 (issue 7, 4–5): one applicant as the unit reviews it — who and which revision, what changed since
// the returned revision, the eligibility findings, the archive read-only material by material (M-1 … M-12)
// with every file beside the record it proves, the unit's marks and comments, its opinion, and the
// decision: 审核通过 or 退回修改 (a signed package for the applicant, downloaded here).
import { ReloadOutlined, UserSwitchOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Empty, Select, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { KeyStatus } from '../../../shared/api/contract.js';
import type { MaterialReview, ReviewComment, UnitApplicantRow } from '../../../shared/unit/schema.js';
import { call } from '../api.js';
import { useKeyStatus } from './review/PassphraseField.js';
import { useT } from '../i18n.js';
import { AttachmentPreview, type PreviewFile } from './review/AttachmentPreview.js';
import { fieldIndex } from './review/archiveFields.js';
import { FindingsPanel } from './review/FindingsPanel.js';
import { DeskReturnCard } from './review/DeskReturnCard.js';
import { KeyChangeCard } from './review/KeyChangeCard.js';
import { REVIEW_STATUS_TAG } from './review/labels.js';
import { MaterialCard } from './review/MaterialCard.js';
import { MaterialNav } from './review/MaterialNav.js';
import { OpinionEditor } from './review/OpinionEditor.js';
import { PipelineSteps } from './review/PipelineSteps.js';
import { ReviewActions } from './review/ReviewActions.js';
import { RevisionPanel } from './review/RevisionPanel.js';
import { useReviewData, type Review, type ReviewData } from './review/useReviewData.js';
import { LoadingFrame, WorkFrame } from './review/WorkFrame.js';

export interface ReviewScreenProps {
  /** Opens one applicant's review (from the table or elsewhere). */
  onOpenApplicant?: (applicantId: string) => void;
  applicantId?: string | null;
}

export function ReviewScreen({ onOpenApplicant, applicantId }: ReviewScreenProps) {
  const { t } = useT();
  const [rows, setRows] = useState<UnitApplicantRow[] | null>(null);
  useEffect(() => {
    call('unit:applicants', {})
      .then((r) => setRows(r.rows))
      .catch(() => setRows([]));
  }, [applicantId]);

  const switcher = rows && rows.length > 0 && onOpenApplicant && (
    <Select
      className="uw-switch"
      value={applicantId ?? undefined}
      placeholder={t('uw_chooseApplicant')}
      aria-label={t('uw_chooseApplicant')}
      suffixIcon={<UserSwitchOutlined />}
      showSearch={{ optionFilterProp: 'label' }}
      onChange={(id: string) => onOpenApplicant(id)}
      options={rows.map((r) => ({
        value: r.applicantId,
        label: t('uw_switchOption', { name: r.name || '—', what: r.specialty || r.idNumber }),
      }))}
      popupMatchSelectWidth={false}
      data-testid="uw-switch"
    />
  );

  if (!applicantId) {
    return (
      <WorkFrame id="uw-review" title={t('unit_reviewTitle')} intro={t('uw_reviewIntro')} tools={switcher}>
        <Empty
          className="uw-empty"
          description={rows && rows.length === 0 ? t('uw_reviewNoApplicants') : t('uw_reviewChoose')}
          data-testid="uw-review-empty"
        />
      </WorkFrame>
    );
  }
  return <ApplicantReview key={applicantId} applicantId={applicantId} switcher={switcher || null} />;
}

function ApplicantReview({ applicantId, switcher }: { applicantId: string; switcher: ReactNode }) {
  const { t, pick } = useT();
  const { state, reload, retry, patch } = useReviewData(applicantId);
  const keyStatus = useKeyStatus();
  const [preview, setPreview] = useState<{ attachment: PreviewFile; caption: string } | null>(null);
  const drainOpinion = useRef<() => Promise<void>>(() => Promise.resolve());
  const registerDrain = useCallback((drain: () => Promise<void>) => {
    drainOpinion.current = drain;
  }, []);

  const recheck = (
    <Button
      icon={<ReloadOutlined />}
      onClick={() => void reload()}
      loading={state.kind === 'ready' && state.isReloading}
      disabled={state.kind === 'loading'}
      data-testid="uw-recheck"
    >
      {t('uw_recheck')}
    </Button>
  );
  const tools = (
    <>
      {switcher}
      {recheck}
    </>
  );

  if (state.kind !== 'ready') {
    return (
      <LoadingFrame
        frame={{ id: 'uw-review', title: t('unit_reviewTitle'), tools, focusKey: applicantId }}
        error={state.kind === 'failed' ? state.error : null}
        onRetry={() => void retry()}
        failedTestId="uw-review-failed"
      />
    );
  }

  const { data } = state;
  const { review } = data;
  const name = review.row.name || t('uw_unnamed');
  return (
    <WorkFrame
      id="uw-review"
      title={t('uw_reviewOf', { name })}
      intro={t('uw_reviewIntro')}
      tools={tools}
      focusKey={applicantId}
    >
      {state.reloadError && (
        <Alert
          type="error"
          showIcon
          role="alert"
          className="uw-inline-alert"
          title={t('uw_recheckFailed', { detail: pick(state.reloadError.message) })}
        />
      )}
      <ReviewBody
        applicantId={applicantId}
        data={data}
        keyStatus={keyStatus}
        patch={patch}
        reload={() => void reload()}
        registerDrain={registerDrain}
        drain={() => drainOpinion.current()}
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
  data: ReviewData;
  keyStatus: KeyStatus | null;
  patch: (change: (review: Review) => Review) => void;
  reload: () => void;
  registerDrain: (drain: () => Promise<void>) => void;
  drain: () => Promise<void>;
  onPreview: (attachment: PreviewFile, caption: string) => void;
}

function ReviewBody({ applicantId, data, keyStatus, patch, reload, registerDrain, drain, onPreview }: ReviewBodyProps) {
  const { t } = useT();
  const { review, archive, attachments, materials } = data;
  const fields = useMemo(() => fieldIndex(archive), [archive]);
  const flagged = useMemo(() => new Set(review.findings.flatMap((f) => f.paths)), [review.findings]);
  const decisionOf = (material: string) => review.materials.find((m) => m.material === material)?.decision ?? null;
  const isOpen = review.row.status === 'pending';
  const tag = REVIEW_STATUS_TAG[review.row.status];
  const hasReturnReasons = review.comments.length > 0 || review.materials.some((m) => m.decision === 'returned');

  const onMarked = (next: MaterialReview[]) => patch((r) => ({ ...r, materials: next }));
  const onCommentAdded = (comment: ReviewComment) => patch((r) => ({ ...r, comments: [...r.comments, comment] }));
  const onCommentDeleted = (id: string) => patch((r) => ({ ...r, comments: r.comments.filter((c) => c.id !== id) }));

  return (
    <>
      <Card size="small" className="uw-head-card" data-testid="uw-review-head">
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={[
            {
              key: 'name',
              label: t('f_name'),
              children: <Typography.Text strong>{review.row.name || '—'}</Typography.Text>,
            },
            { key: 'specialty', label: t('f_specialty'), children: review.row.specialty || '—' },
            {
              key: 'status',
              label: t('uw_status'),
              children: (
                <Tag color={tag.color} data-testid="uw-status" data-status={review.row.status}>
                  {t(tag.text)}
                </Tag>
              ),
            },
            {
              key: 'revision',
              label: t('pkg_revision'),
              children: <span data-testid="uw-revision-now">{t('pkg_revisionN', { n: review.row.revision })}</span>,
            },
            {
              key: 'package',
              label: t('uw_packageId'),
              children: (
                <Typography.Text className="uw-mono" copyable={{ text: review.row.packageId }}>
                  {review.row.packageId}
                </Typography.Text>
              ),
            },
            {
              key: 'exceptional',
              label: t('f_exceptional'),
              children: review.row.exceptional ? t('uw_yes') : t('uw_no'),
            },
          ]}
        />
        <PipelineSteps
          // A first mark or comment moves 待审核 to 审核中 at once; the core's row says so at the next read.
          stage={
            review.row.stage === 'pending' && (review.comments.length > 0 || review.materials.some((m) => m.decision))
              ? 'in_review'
              : review.row.stage
          }
        />
      </Card>
      {/* A revision signed by a new applicant key waits here for the officer (issue 19, item 8). */}
      <KeyChangeCard applicantId={applicantId} onChanged={reload} />
      {review.deskReturn && <DeskReturnCard deskReturn={review.deskReturn} fields={fields} isOpen={isOpen} />}
      <RevisionPanel
        applicantId={applicantId}
        review={review}
        archive={archive}
        fields={fields}
        isOpen={isOpen}
        onPreview={onPreview}
        onChecked={(change) =>
          patch((r) => (r.returnChecklist ? { ...r, returnChecklist: change(r.returnChecklist) } : r))
        }
      />
      <FindingsPanel
        findings={review.findings}
        fields={fields}
        verdict={review.row.verdict}
        counts={review.row.counts}
      />
      <section className="uw-materials" aria-labelledby="uw-materials-heading">
        <Typography.Title level={2} id="uw-materials-heading" className="uw-subheading">
          {t('uw_materialsHeading')}
        </Typography.Title>
        {!isOpen && (
          <Typography.Paragraph type="secondary" data-testid="uw-closed-note">
            {t(review.row.status === 'accepted' ? 'uw_closedAccepted' : 'uw_closedReturned')}
          </Typography.Paragraph>
        )}
        <MaterialNav materials={materials} decisionOf={decisionOf} />
        <ol className="uw-material-list">
          {materials.map((m) => (
            <li key={m.id}>
              <MaterialCard
                applicantId={applicantId}
                status={m}
                archive={archive}
                attachments={attachments}
                decision={decisionOf(m.id)}
                comments={review.comments.filter((c) => c.material === m.id)}
                fields={fields}
                flagged={flagged}
                isOpen={isOpen}
                onMarked={onMarked}
                onCommentAdded={onCommentAdded}
                onCommentDeleted={onCommentDeleted}
                onPreview={onPreview}
              />
            </li>
          ))}
        </ol>
      </section>
      <Card className="uw-decision-card" data-testid="uw-decision">
        <OpinionEditor
          // A new revision starts a new review (its opinion is its own).
          key={review.row.revision}
          applicantId={applicantId}
          initial={review.opinion}
          isOpen={review.row.status !== 'returned'}
          registerDrain={registerDrain}
        />
        <ReviewActions
          applicantId={applicantId}
          row={review.row}
          status={review.row.status}
          revision={review.row.revision}
          hasReturnReasons={hasReturnReasons}
          keyStatus={keyStatus}
          decisionOf={decisionOf}
          drain={drain}
          // The stage follows the status (and may be 审核中 again after a reopen): the row is read again.
          onStatus={(status) => {
            patch((r) => ({ ...r, row: { ...r.row, status } }));
            reload();
          }}
          onReturned={reload}
        />
      </Card>
    </>
  );
}
