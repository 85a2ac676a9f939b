// The generation job of 打印表格: a progress bar with what is being made now and 取消 while it runs; then
// one line on how it ended — done, cancelled (and which files were kept), failed, or lost.
import { Alert, Button, Progress, Typography } from 'antd';
import { useT } from '../i18n.js';
import { isRunning, type JobView } from './formsJob.js';

export interface JobPanelProps {
  job: JobView | null;
  /** A file's row name, for the list of what was kept. */
  nameOf: (key: string) => string;
  onCancel: () => void;
  onDismiss: () => void;
}

export function JobPanel({ job, nameOf, onCancel, onDismiss }: JobPanelProps) {
  const { t, pick } = useT();
  if (!job) return null;
  const status = job.status;
  const files = status?.files ?? [];
  const kept = files.map((f) => nameOf(f.key)).join(t('listSep'));

  if (isRunning(job)) {
    const done = status?.done ?? 0;
    const total = status?.total ?? job.keys.length;
    const percent = total > 0 ? Math.round((done / total) * 100) : 0;
    return (
      <section className="forms-job" data-testid="forms-job" data-state="running" aria-label={t('forms_jobLabel')}>
        <div className="forms-job-line">
          <Typography.Text strong>{t('forms_jobRunning', { done, n: total })}</Typography.Text>
          <Button
            danger
            onClick={onCancel}
            loading={job.isCancelling}
            disabled={job.isCancelling}
            data-testid="forms-job-cancel"
          >
            {job.isCancelling ? t('forms_cancelling') : t('cancel')}
          </Button>
        </div>
        <Progress
          percent={percent}
          status="active"
          aria-label={t('forms_jobLabel')}
          aria-valuenow={percent}
          data-testid="forms-job-progress"
        />
        <Typography.Text type="secondary" aria-live="polite" data-testid="forms-job-step">
          {status ? pick(status.step) : t('forms_jobStarting')}
        </Typography.Text>
      </section>
    );
  }

  let alert;
  if (job.lostError) {
    alert = <Alert type="warning" showIcon title={t('forms_jobLost', { detail: pick(job.lostError.message) })} />;
  } else if (status?.state === 'done') {
    alert = <Alert type="success" showIcon title={t('forms_jobDone', { n: files.length })} />;
  } else if (status?.state === 'cancelled') {
    alert = (
      <Alert
        type="info"
        showIcon
        title={
          files.length > 0 ? t('forms_jobCancelledKept', { n: files.length, names: kept }) : t('forms_jobCancelledNone')
        }
      />
    );
  } else {
    alert = (
      <Alert
        type="error"
        showIcon
        title={t('forms_jobFailed', { detail: status?.error ? pick(status.error.message) : '' })}
        description={files.length > 0 ? t('forms_jobFailedKept', { n: files.length, names: kept }) : undefined}
      />
    );
  }
  return (
    <section
      className="forms-job forms-job-ended"
      data-testid="forms-job"
      data-state={job.lostError ? 'lost' : (status?.state ?? 'lost')}
      aria-label={t('forms_jobLabel')}
      role="status"
    >
      {alert}
      <Button size="small" type="text" onClick={onDismiss} data-testid="forms-job-dismiss" className="forms-job-close">
        {t('att_upClose')}
      </Button>
    </section>
  );
}
