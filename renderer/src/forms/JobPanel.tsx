// A job of the core as a panel: a progress bar with what is being done now and 取消 while it runs; then
// one line on how it ended — done, cancelled (and which files were kept), failed, or lost. Made for the
// generation job of 打印表格; the package and backup screens give it their own wording (`texts`) and what
// a finished job produced (`result`).
import { Alert, Button, Progress, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../i18n.js';
import { isRunning, type JobView } from '../jobs/tracker.js';

/** Wording for another kind of job than making forms; each one omitted keeps the forms' text. */
export interface JobPanelTexts {
  /** The panel's accessible name. */
  label: string;
  /** The heading while it runs. */
  running: (done: number, total: number) => string;
  done: string;
  cancelled: string;
  failed: (detail: string) => string;
  lost: (detail: string) => string;
}

export interface JobPanelProps {
  job: JobView | null;
  /** A file's row name, for the list of what was kept. */
  nameOf?: (key: string) => string;
  onCancel: () => void;
  onDismiss: () => void;
  texts?: Partial<JobPanelTexts>;
  /** Shown under the line of a job that ended well (what it made, where it is). */
  result?: ReactNode;
  /**
   * The colour of a job that ran to its end, when that is not simply good news: an import whose every
   * file was refused ended, yet it is an error to the user, not a green success (default success).
   */
  doneType?: 'success' | 'info' | 'warning' | 'error';
  /** Prefix of the test ids (`forms-job`, `forms-job-cancel`, …). */
  testId?: string;
}

export function JobPanel({
  job,
  nameOf = (key) => key,
  onCancel,
  onDismiss,
  texts = {},
  result,
  doneType = 'success',
  testId = 'forms-job',
}: JobPanelProps) {
  const { t, pick } = useT();
  if (!job) return null;
  const label = texts.label ?? t('forms_jobLabel');
  const status = job.status;
  const files = status?.files ?? [];
  const kept = files.map((f) => nameOf(f.key)).join(t('listSep'));

  if (isRunning(job)) {
    const done = status?.done ?? 0;
    const total = status?.total ?? job.keys.length;
    const percent = total > 0 ? Math.round((done / total) * 100) : 0;
    return (
      <section className="forms-job" data-testid={testId} data-state="running" aria-label={label}>
        <div className="forms-job-line">
          <Typography.Text strong>
            {texts.running ? texts.running(done, total) : t('forms_jobRunning', { done, n: total })}
          </Typography.Text>
          <Button
            danger
            onClick={onCancel}
            loading={job.isCancelling}
            disabled={job.isCancelling}
            data-testid={`${testId}-cancel`}
          >
            {job.isCancelling ? t('forms_cancelling') : t('cancel')}
          </Button>
        </div>
        <Progress
          percent={percent}
          status="active"
          aria-label={label}
          aria-valuenow={percent}
          data-testid={`${testId}-progress`}
        />
        <Typography.Text type="secondary" aria-live="polite" data-testid={`${testId}-step`}>
          {status ? pick(status.step) : t('forms_jobStarting')}
        </Typography.Text>
      </section>
    );
  }

  let alert;
  if (job.lostError) {
    const detail = pick(job.lostError.message);
    alert = <Alert type="warning" showIcon title={texts.lost ? texts.lost(detail) : t('forms_jobLost', { detail })} />;
  } else if (status?.state === 'done') {
    alert = (
      <Alert
        type={doneType}
        showIcon
        title={texts.done ?? t('forms_jobDone', { n: files.length })}
        description={result}
      />
    );
  } else if (status?.state === 'cancelled') {
    alert = (
      <Alert
        type="info"
        showIcon
        title={
          files.length > 0
            ? t('forms_jobCancelledKept', { n: files.length, names: kept })
            : (texts.cancelled ?? t('forms_jobCancelledNone'))
        }
      />
    );
  } else {
    const detail = status?.error ? pick(status.error.message) : '';
    alert = (
      <Alert
        type="error"
        showIcon
        title={texts.failed ? texts.failed(detail) : t('forms_jobFailed', { detail })}
        description={files.length > 0 ? t('forms_jobFailedKept', { n: files.length, names: kept }) : undefined}
      />
    );
  }
  return (
    <section
      className="forms-job forms-job-ended"
      data-testid={testId}
      data-state={job.lostError ? 'lost' : (status?.state ?? 'lost')}
      aria-label={label}
      role="status"
    >
      {alert}
      <Button
        size="small"
        type="text"
        onClick={onDismiss}
        data-testid={`${testId}-dismiss`}
        className="forms-job-close"
      >
        {t('att_upClose')}
      </Button>
    </section>
  );
}
