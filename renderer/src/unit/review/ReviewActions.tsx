// The unit's decision on one applicant: 审核通过 (unit:setStatus accepted — refused, with the list, until
// every needed material is accepted), 重新打开 an accepted review, and 退回修改 (unit:return: a level-2 package
// signed with the unit key, carrying the comments, written in a job with progress and cancel, then offered
// for download to hand back to the applicant). What stands in the way is said beside the button.
import { CheckOutlined, RollbackOutlined, UnlockOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { ApiError, KeyStatus } from '../../../../shared/api/contract.js';
import { gapsOf, gapsText, hasGaps } from '../../../../shared/unit/gaps.js';
import type { MaterialDecision, ReviewStatus, UnitApplicantRow } from '../../../../shared/unit/schema.js';
import { call } from '../../api.js';
import { JobPanel } from '../../forms/JobPanel.js';
import { useT } from '../../i18n.js';
import { asApiError, isRunning, useJob } from '../../jobs/tracker.js';
import { WrittenPackage } from '../../package/ExportCard.js';
import { goToMaterial } from './MaterialCard.js';
import { isPassphraseError, needsPassphrase, PassphraseField, passphraseReady } from './PassphraseField.js';

export const returnJobKey = (applicantId: string) => `dossier.unitReturn.${applicantId}`;

export interface ReviewActionsProps {
  applicantId: string;
  /** The table's row: the verdict and the proofs missing decide whether acceptance needs a reason. */
  row: UnitApplicantRow;
  status: ReviewStatus;
  /** The revision under review: a returned package of an earlier one is not offered any more. */
  revision: number;
  /** Something to return: a comment, or a material marked 退回 (the core says so too). */
  hasReturnReasons: boolean;
  keyStatus: KeyStatus | null;
  /** A material's current mark, for the list of a refused 审核通过. */
  decisionOf: (material: string) => MaterialDecision | null;
  /** Waits for the opinion's last keystrokes. */
  drain: () => Promise<void>;
  onStatus: (status: ReviewStatus) => void;
  /** A return ended: read the review again (status 已退回, the new revision row). */
  onReturned: () => void;
}

export function ReviewActions(props: ReviewActionsProps) {
  const { applicantId, status, revision, hasReturnReasons, keyStatus, drain } = props;
  const { t, pick, lang } = useT();
  const { job, tracker } = useJob(returnJobKey(applicantId));
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState<'accept' | 'reopen' | null>(null);
  const [statusError, setStatusError] = useState<ApiError | null>(null);
  const [reason, setReason] = useState('');
  const gaps = gapsOf(props.row);
  const needsReason = status === 'pending' && hasGaps(gaps);
  const reasonError = statusError?.issues?.find((i) => i.path === 'reason') ?? null;
  const [returnError, setReturnError] = useState<ApiError | null>(null);

  // A refusal is about the status it was given in: another status makes it old news.
  useEffect(() => setStatusError(null), [status]);

  const running = isRunning(job);
  const jobStatus = job?.status ?? null;
  const endedJob = job && !running ? job.jobId : null;
  const returnedRevision = jobStatus?.state === 'done' ? (jobStatus.package?.revision ?? null) : null;
  useEffect(() => {
    // The corrected revision arrived: the package that returned the old one is history (版本与变更).
    if (returnedRevision !== null && returnedRevision !== revision) tracker.dismiss();
  }, [returnedRevision, revision, tracker]);
  useEffect(() => {
    if (!endedJob) return;
    if (jobStatus?.state === 'done') setPassphrase('');
    props.onReturned();
    // Once per ended job.
  }, [endedJob]);

  const setStatus = async (next: 'accepted' | 'pending') => {
    setBusy(next === 'accepted' ? 'accept' : 'reopen');
    setStatusError(null);
    try {
      await drain();
      const value = await call('unit:setStatus', {
        applicantId,
        status: next,
        ...(next === 'accepted' && needsReason ? { reason } : {}),
      });
      props.onStatus(value.status);
    } catch (e) {
      setStatusError(asApiError(e));
    } finally {
      setBusy(null);
    }
  };

  // A refusal of 审核通过 names the materials (materials.M-10): each a link to its card.
  const refusedMaterials = (statusError?.issues ?? []).flatMap((i) => {
    const material = /^materials\.(M-\d+)$/.exec(i.path)?.[1];
    return material ? [{ material, label: pick(i.message) }] : [];
  });

  const keyMissing = keyStatus !== null && !keyStatus.exists;
  const waiting: string[] = [];
  if (status === 'pending') {
    if (!hasReturnReasons) waiting.push(t('uw_returnNeedsReason'));
    if (keyMissing) waiting.push(t('uw_needKey'));
    else if (!passphraseReady(keyStatus, passphrase)) waiting.push(t('uw_needPassphrase'));
  }
  const canReturn = status === 'pending' && waiting.length === 0 && !running;

  const startReturn = async () => {
    if (!canReturn) {
      if (needsPassphrase(keyStatus)) document.getElementById('uw-return-passphrase')?.focus();
      return;
    }
    setReturnError(null);
    tracker.dismiss();
    try {
      await drain();
      await tracker.start([], () =>
        call('unit:return', { applicantId, ...(needsPassphrase(keyStatus) ? { passphrase } : {}) }),
      );
    } catch (e) {
      setReturnError(asApiError(e));
    }
  };

  const jobError = !running && jobStatus?.state === 'failed' ? jobStatus.error : null;
  const passError = [returnError, jobError].find((e) => isPassphraseError(e)) ?? null;
  const otherReturnError = returnError && !isPassphraseError(returnError) ? returnError : null;
  const written = jobStatus?.state === 'done' ? (jobStatus.package ?? null) : null;

  return (
    <section className="uw-actions" aria-labelledby="uw-actions-heading" data-testid="uw-actions">
      <Typography.Title level={2} id="uw-actions-heading" className="uw-subheading">
        {t('uw_decisionHeading')}
      </Typography.Title>
      {status === 'accepted' && (
        <Alert type="success" showIcon title={t('uw_acceptedNote')} className="uw-status-note" />
      )}
      {status === 'returned' && (
        <Alert
          type="warning"
          showIcon
          title={t('uw_returnedNote')}
          className="uw-status-note"
          data-testid="uw-returned-note"
        />
      )}
      {needsReason && (
        <div className="uw-reason uw-reason-accept" data-testid="uw-accept-reason">
          <Alert
            type="warning"
            showIcon
            id="uw-accept-gaps"
            title={t('uw_gapsNote', { gaps: gapsText(gaps, lang) })}
            data-testid="uw-accept-gaps"
          />
          <label htmlFor="uw-accept-reason-input" className="uw-reason-label">
            {t('uw_acceptReason')}
          </label>
          <Input.TextArea
            id="uw-accept-reason-input"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={2000}
            aria-required
            aria-invalid={reasonError !== null}
            aria-describedby={reasonError ? 'uw-accept-gaps uw-accept-reason-error' : 'uw-accept-gaps'}
            status={reasonError ? 'error' : undefined}
          />
          {reasonError && (
            <Typography.Text
              type="danger"
              id="uw-accept-reason-error"
              role="alert"
              data-testid="uw-accept-reason-error"
            >
              {pick(reasonError.message)}
            </Typography.Text>
          )}
        </div>
      )}
      <div className="uw-action-row">
        {status === 'pending' && (
          <Button
            type="primary"
            icon={<CheckOutlined />}
            loading={busy === 'accept'}
            disabled={busy !== null || running}
            onClick={() => void setStatus('accepted')}
            aria-describedby={statusError ? 'uw-status-error' : undefined}
            data-testid="uw-accept"
          >
            {t('uw_accept')}
          </Button>
        )}
        {status !== 'pending' && (
          <Button
            icon={<UnlockOutlined />}
            loading={busy === 'reopen'}
            disabled={busy !== null}
            onClick={() => void setStatus('pending')}
            data-testid="uw-reopen"
          >
            {t('uw_reopen')}
          </Button>
        )}
      </div>
      {statusError && !reasonError && (
        <Alert
          type="error"
          showIcon
          role="alert"
          id="uw-status-error"
          className="uw-inline-alert"
          data-testid="uw-status-error"
          title={
            refusedMaterials.length > 0
              ? t('uw_acceptRefused', { n: refusedMaterials.length })
              : pick(statusError.message)
          }
          description={
            refusedMaterials.length > 0 ? (
              <ul className="uw-issue-list uw-refused-list" data-testid="uw-status-refused">
                {refusedMaterials.map(({ material, label }) => {
                  const decision = props.decisionOf(material);
                  return (
                    <li key={material}>
                      <Button type="link" size="small" className="uw-link" onClick={() => goToMaterial(material)}>
                        {material} {label}
                      </Button>
                      <Tag color={decision === 'returned' ? 'red' : 'default'}>
                        {t(decision === 'returned' ? 'uw_markReturned' : 'uw_markNone')}
                      </Tag>
                    </li>
                  );
                })}
              </ul>
            ) : undefined
          }
        />
      )}
      {status === 'pending' && (
        <form
          className="uw-return"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void startReturn();
          }}
          data-testid="uw-return-form"
        >
          <Typography.Paragraph type="secondary" className="uw-return-text">
            {t('uw_returnText')}
          </Typography.Paragraph>
          {needsPassphrase(keyStatus) && (
            <PassphraseField id="uw-return-passphrase" value={passphrase} onChange={setPassphrase} error={passError} />
          )}
          <Space wrap align="center">
            <Button
              danger
              htmlType="submit"
              icon={<RollbackOutlined />}
              disabled={!canReturn}
              aria-describedby="uw-return-waiting"
              data-testid="uw-return"
            >
              {t('uw_return')}
            </Button>
            <Typography.Text type="secondary" id="uw-return-waiting" aria-live="polite" data-testid="uw-return-waiting">
              {running || waiting.length === 0 ? '' : t('uw_waiting', { list: waiting.join(t('clauseSep')) })}
            </Typography.Text>
          </Space>
        </form>
      )}
      {otherReturnError && (
        <Alert
          type="error"
          showIcon
          role="alert"
          className="uw-inline-alert"
          data-testid="uw-return-error"
          title={pick(otherReturnError.message)}
        />
      )}
      <JobPanel
        // Once a newer revision is accepted, the package that returned the old one is history (版本与变更),
        // not something to hand out again.
        job={jobStatus?.state === 'done' && status === 'accepted' ? null : job}
        testId="uw-return-job"
        onCancel={() => void tracker.cancel()}
        onDismiss={() => tracker.dismiss()}
        texts={{
          label: t('uw_returnJob'),
          running: () => t('uw_returnRunning'),
          done: t('uw_returnDone'),
          cancelled: t('uw_returnCancelled'),
          failed: (detail) => t('uw_returnFailed', { detail }),
          lost: (detail) => t('pkg_jobLost', { detail }),
        }}
        result={written ? <WrittenPackage file={written} /> : undefined}
      />
    </section>
  );
}
