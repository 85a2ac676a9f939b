// The desk's decisions on one applicant (issue 17 item 4): 退回补正 — every point previewed, a deadline after
// today, the key's passphrase when it has one — written as level 3 in a job and offered for download to hand
// to the unit (desk:return, as the unit's 退回 offers its package); 不予推荐 and 撤回 with a reason; a lapsed
// applicant (逾期视为放弃) restored to 退回补正 with a reason (desk:setStatus). Refusals name their field.
import { CalendarOutlined, RollbackOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Divider, Form, Input, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import type { ApiError, KeyStatus } from '../../../../shared/api/contract.js';
import { DESK_STATUS_LABELS, canMove, type DeskStatus } from '../../../../shared/desk/pipeline.js';
import type { DeskComment } from '../../../../shared/desk/schema.js';
import { call } from '../../api.js';
import { LabelledField } from '../../components/LabelledField.js';
import { JobPanel } from '../../forms/JobPanel.js';
import { useT } from '../../i18n.js';
import { asApiError, isRunning, useJob } from '../../jobs/tracker.js';
import { WrittenPackage } from '../../package/ExportCard.js';
import {
  isPassphraseError,
  needsPassphrase,
  PassphraseField,
  passphraseReady,
} from '../../unit/review/PassphraseField.js';

export const deskReturnJobKey = (applicantId: string) => `dossier.deskReturn.${applicantId}`;

export interface DeskActionsProps {
  applicantId: string;
  status: DeskStatus;
  points: readonly DeskComment[];
  keyStatus: KeyStatus | null;
  /** Names a point's target (a field, a material, a condition) for the preview. */
  targetName: (target: string) => string;
  /** A status changed or a return ended: read the review again. */
  onChanged: () => void;
}

const fieldError = (e: ApiError | null, path: string) => e?.issues?.find((i) => i.path === path) ?? null;

export function DeskActions({ applicantId, status, points, keyStatus, targetName, onChanged }: DeskActionsProps) {
  const { t, pick } = useT();
  const { job, tracker } = useJob(deskReturnJobKey(applicantId));
  const [deadline, setDeadline] = useState<string | null>(null);
  const [opinion, setOpinion] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [returnError, setReturnError] = useState<ApiError | null>(null);
  const [reason, setReason] = useState('');
  const [restoreDeadline, setRestoreDeadline] = useState<string | null>(null);
  const [moveError, setMoveError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [told, setTold] = useState('');

  const running = isRunning(job);
  const jobStatus = job?.status ?? null;
  const endedJob = job && !running ? job.jobId : null;
  useEffect(() => {
    if (!endedJob) return;
    if (jobStatus?.state === 'done') setPassphrase('');
    onChanged();
    // Once per ended job.
  }, [endedJob]);

  const canReturn = canMove(status, 'returned') && status !== 'lapsed';
  const startReturn = async () => {
    setReturnError(null);
    tracker.dismiss();
    try {
      await tracker.start([], () =>
        call('desk:return', {
          applicantId,
          deadline: deadline ?? '',
          ...(opinion.trim() ? { opinion } : {}),
          ...(needsPassphrase(keyStatus) ? { passphrase } : {}),
        }),
      );
    } catch (e) {
      const error = asApiError(e);
      setReturnError(error);
      const field = error.issues?.[0]?.path;
      if (field === 'deadline') document.getElementById('dr-return-deadline')?.focus();
      else if (isPassphraseError(error)) document.getElementById('dr-return-passphrase')?.focus();
    }
  };

  const move = async (to: 'in_review' | 'not_recommended' | 'withdrawn' | 'returned' | 'passed') => {
    setBusy(to);
    setMoveError(null);
    setTold('');
    try {
      // 通过待报送 is the acceptance (desk:accept): the text is the desk's opinion, printed in level 3.
      const status =
        to === 'passed'
          ? (await call('desk:accept', { applicantId, ...(reason.trim() ? { opinion: reason } : {}) }), to)
          : (
              await call('desk:setStatus', {
                applicantId,
                to,
                ...(reason.trim() ? { reason } : {}),
                ...(to === 'returned' && restoreDeadline ? { deadline: restoreDeadline } : {}),
              })
            ).status;
      setReason('');
      setTold(t('dr_moved', { status: pick(DESK_STATUS_LABELS[status]) }));
      onChanged();
    } catch (e) {
      const error = asApiError(e);
      setMoveError(error);
      if (fieldError(error, 'reason')) document.getElementById('dr-reason')?.focus();
    } finally {
      setBusy(null);
    }
  };

  const jobError = !running && jobStatus?.state === 'failed' ? jobStatus.error : null;
  const passError = [returnError, jobError].find((e) => isPassphraseError(e)) ?? null;
  const deadlineError = fieldError(returnError, 'deadline');
  const otherReturnError = returnError && !isPassphraseError(returnError) && !deadlineError ? returnError : null;
  const written = jobStatus?.state === 'done' ? (jobStatus.package ?? null) : null;
  const reasonError = fieldError(moveError, 'reason');
  const restoreError = fieldError(moveError, 'deadline');
  const otherMoveError = moveError && !reasonError && !restoreError ? moveError : null;
  const today = dayjs().format('YYYY-MM-DD');

  return (
    <section className="dr-actions" aria-labelledby="dr-actions-heading" data-testid="dr-actions">
      <Typography.Title level={2} id="dr-actions-heading" className="uw-subheading">
        {t('dr_actionsHeading')}
      </Typography.Title>
      {canReturn && (
        <div className="dr-return" data-testid="dr-return-form">
          <Typography.Title level={3} className="uw-subheading">
            {t('dr_returnHeading')}
          </Typography.Title>
          {points.length === 0 ? (
            <Typography.Paragraph type="secondary" data-testid="dr-return-none">
              {t('dr_returnNoPoints')}
            </Typography.Paragraph>
          ) : (
            <>
              <Typography.Paragraph>{t('dr_returnPoints', { n: points.length })}</Typography.Paragraph>
              <ol className="dr-points" data-testid="dr-return-points">
                {points.map((p, i) => (
                  <li key={i}>
                    <Typography.Text type="secondary">{targetName(p.target)}：</Typography.Text>
                    {p.text}
                  </li>
                ))}
              </ol>
            </>
          )}
          <Form layout="vertical" component={false}>
            <Space wrap align="start">
              <LabelledField
                id="dr-return-deadline"
                label={t('dr_returnDeadline')}
                hint={t('dr_returnDeadlineHint')}
                error={deadlineError ? pick(deadlineError.message) : null}
                required
              >
                {(control) => (
                  <DatePicker
                    {...control}
                    status={deadlineError ? 'error' : undefined}
                    value={deadline ? dayjs(deadline) : null}
                    onChange={(value: Dayjs | null) => setDeadline(value ? value.format('YYYY-MM-DD') : null)}
                    disabledDate={(d: Dayjs) => d.format('YYYY-MM-DD') <= today}
                    format="YYYY-MM-DD"
                    suffixIcon={<CalendarOutlined />}
                    data-testid="dr-return-deadline"
                  />
                )}
              </LabelledField>
              {needsPassphrase(keyStatus) && (
                <PassphraseField
                  id="dr-return-passphrase"
                  label={t('dr_deskPassphrase')}
                  value={passphrase}
                  onChange={setPassphrase}
                  error={passError}
                />
              )}
            </Space>
            <LabelledField id="dr-return-opinion" label={t('dr_returnOpinion')}>
              {(control) => (
                <Input.TextArea
                  {...control}
                  value={opinion}
                  onChange={(e) => setOpinion(e.target.value)}
                  autoSize={{ minRows: 2, maxRows: 5 }}
                  maxLength={5000}
                  data-testid="dr-return-opinion"
                />
              )}
            </LabelledField>
          </Form>
          <Button
            type="primary"
            danger
            icon={<RollbackOutlined />}
            loading={running}
            onClick={() => {
              if (!passphraseReady(keyStatus, passphrase)) {
                document.getElementById('dr-return-passphrase')?.focus();
                return;
              }
              void startReturn();
            }}
            data-testid="dr-return"
          >
            {t('dr_return')}
          </Button>
          {otherReturnError && (
            <Alert
              type="error"
              showIcon
              role="alert"
              className="uw-inline-alert"
              data-testid="dr-return-error"
              title={pick(otherReturnError.message)}
            />
          )}
        </div>
      )}
      <JobPanel
        job={job}
        testId="dr-return-job"
        onCancel={() => void tracker.cancel()}
        onDismiss={() => tracker.dismiss()}
        texts={{
          label: t('dr_returnJob'),
          running: () => t('dr_returnRunning'),
          done: t('dr_returnDone'),
          cancelled: t('dr_returnCancelled'),
          failed: (detail) => t('dr_returnFailed', { detail }),
          lost: (detail) => t('pkg_jobLost', { detail }),
        }}
        result={written ? <WrittenPackage file={written} /> : undefined}
      />
      <Divider />
      <div className="dr-moves">
        <Form layout="vertical" component={false}>
          <LabelledField
            id="dr-reason"
            label={t('dr_reason')}
            hint={t('dr_reasonHint')}
            error={reasonError ? pick(reasonError.message) : null}
          >
            {(control) => (
              <Input.TextArea
                {...control}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                autoSize={{ minRows: 2, maxRows: 5 }}
                maxLength={2000}
                data-testid="dr-reason"
              />
            )}
          </LabelledField>
          {status === 'lapsed' && (
            <LabelledField
              id="dr-restore-deadline"
              label={t('dr_restoreDeadline')}
              error={restoreError ? pick(restoreError.message) : null}
            >
              {(control) => (
                <DatePicker
                  {...control}
                  value={restoreDeadline ? dayjs(restoreDeadline) : null}
                  onChange={(value: Dayjs | null) => setRestoreDeadline(value ? value.format('YYYY-MM-DD') : null)}
                  disabledDate={(d: Dayjs) => d.format('YYYY-MM-DD') <= today}
                  format="YYYY-MM-DD"
                  data-testid="dr-restore-deadline"
                />
              )}
            </LabelledField>
          )}
        </Form>
        <Space wrap>
          {canMove(status, 'in_review') && !['to_review', 'corrected'].includes(status) && (
            <Button loading={busy === 'in_review'} onClick={() => void move('in_review')} data-testid="dr-start">
              {t('dr_startReview')}
            </Button>
          )}
          {canMove(status, 'passed') && (
            <Button
              type="primary"
              loading={busy === 'passed'}
              onClick={() => void move('passed')}
              data-testid="dr-accept"
            >
              {t('dr_accept')}
            </Button>
          )}
          {canMove(status, 'not_recommended') && (
            <Button
              danger
              loading={busy === 'not_recommended'}
              onClick={() => void move('not_recommended')}
              data-testid="dr-not-recommend"
            >
              {t('dr_notRecommend')}
            </Button>
          )}
          {canMove(status, 'withdrawn') && (
            <Button loading={busy === 'withdrawn'} onClick={() => void move('withdrawn')} data-testid="dr-withdraw">
              {t('dr_withdraw')}
            </Button>
          )}
          {status === 'lapsed' && (
            <Button
              type="primary"
              loading={busy === 'returned'}
              onClick={() => void move('returned')}
              data-testid="dr-restore"
            >
              {t('dr_restore')}
            </Button>
          )}
        </Space>
        <span role="status" className="sr-only" data-testid="dr-moved">
          {told}
        </span>
        {otherMoveError && (
          <Alert
            type="error"
            showIcon
            role="alert"
            className="uw-inline-alert"
            data-testid="dr-move-error"
            title={pick(otherMoveError.message)}
          />
        )}
      </div>
    </section>
  );
}
