// The full integrity check (issues 3, 13): every stored file re-hashed against its name — never a sample —
// as a job with progress and 取消 (store:verifyStart); damage named by file. Shown on 附件 and on 备份与检查;
// one job for both (one tracker key), and what it finds marks the attachments at once (storeHealth.tsx).
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Space } from 'antd';
import { useEffect, useState } from 'react';
import type { ApiError } from '../../../shared/api/contract.js';
import type { VerifyReport } from '../../../shared/attachments/schema.js';
import { call } from '../api.js';
import { JobPanel } from '../forms/JobPanel.js';
import { useT } from '../i18n.js';
import { asApiError, isRunning, useJob } from '../jobs/tracker.js';
import { formatBytes } from './linkText.js';
import { useStoreHealth } from './storeHealth.js';
import '../forms/forms.css';

const JOB_KEY = 'dossier.storeVerifyJob';

export function VerifyPanel() {
  const { t, pick } = useT();
  const { job, tracker } = useJob(JOB_KEY);
  const [startError, setStartError] = useState<ApiError | null>(null);
  const { refresh } = useStoreHealth();
  const running = isRunning(job);
  const report = job?.status?.state === 'done' ? (job.status.storeVerify ?? null) : null;
  const ended = job && !running ? job.jobId : null;
  // The check's findings are the core's to remember: read them again for the banner and the cards.
  useEffect(() => {
    if (ended) refresh();
  }, [ended, refresh]);

  const verify = async () => {
    setStartError(null);
    tracker.dismiss();
    try {
      await tracker.start(['store'], () => call('store:verifyStart', {}));
    } catch (e) {
      setStartError(asApiError(e));
    }
  };

  const names = (list: VerifyReport['missing']) =>
    list
      .map((d) => d.attachments.map((a) => a.fileName).join(t('listSep')) || d.sha256.slice(0, 12))
      .join(t('clauseSep'));

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Button
        icon={<SafetyCertificateOutlined />}
        disabled={running}
        onClick={() => void verify()}
        data-testid="store-verify"
      >
        {t('att_verify')}
      </Button>
      {startError && <Alert type="error" showIcon title={pick(startError.message)} />}
      <JobPanel
        job={job}
        testId="store-verify-job"
        onCancel={() => void tracker.cancel()}
        onDismiss={() => tracker.dismiss()}
        doneType={report && !report.isOk ? 'error' : 'success'}
        texts={{
          label: t('health_fullJob'),
          running: () => t('health_fullRunning'),
          done: report
            ? report.isOk
              ? t('att_verifyOk', { n: report.checkedFiles, size: formatBytes(report.checkedBytes) })
              : t('att_verifyBad', { missing: report.missing.length, damaged: report.damaged.length })
            : undefined,
          cancelled: t('health_fullCancelled'),
          failed: (detail) => t('health_fullFailed', { detail }),
          lost: (detail) => t('pkg_jobLost', { detail }),
        }}
        result={
          report && (
            <div data-testid="verify-result" data-ok={report.isOk}>
              {report.missing.length > 0 && <div>{t('att_verifyMissing', { names: names(report.missing) })}</div>}
              {report.damaged.length > 0 && <div>{t('att_verifyDamaged', { names: names(report.damaged) })}</div>}
              {report.unreferenced.length > 0 && (
                <div>{t('att_verifyUnreferenced', { n: report.unreferenced.length })}</div>
              )}
            </div>
          )
        }
      />
    </Space>
  );
}
