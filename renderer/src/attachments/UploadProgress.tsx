// Progress of a batch being added: overall and per file, the cancel button, and each refusal with the
// core's message (which names the file, docs/attachments.md).
import { Alert, Button, Progress, Typography } from 'antd';
import { useT, type TextKey } from '../i18n.js';
import type { UploadBatch, UploadStatus } from './useUploads.js';

const STATUS_TEXT: Record<UploadStatus, TextKey> = {
  queued: 'att_upQueued',
  uploading: 'att_upUploading',
  added: 'att_upAdded',
  duplicate: 'att_upDuplicate',
  refused: 'att_upRefused',
  cancelled: 'att_upCancelled',
};

export function UploadProgress({
  batch,
  onCancel,
  onClose,
}: {
  batch: UploadBatch;
  onCancel: () => void;
  onClose: () => void;
}) {
  const { t, pick } = useT();
  if (batch.items.length === 0) return null;
  const done = batch.items.filter((i) => i.status === 'added' || i.status === 'duplicate').length;
  return (
    <section className="upload-progress" aria-label={t('att_uploadsLabel')} data-testid="upload-progress">
      <div className="upload-progress-head">
        <Typography.Text strong>
          {t(batch.isRunning ? 'att_upRunning' : 'att_upFinished', { done, n: batch.items.length })}
        </Typography.Text>
        {batch.isRunning ? (
          <Button size="small" danger onClick={onCancel} data-testid="upload-cancel">
            {t('att_upCancel')}
          </Button>
        ) : (
          <Button size="small" onClick={onClose} data-testid="upload-close">
            {t('att_upClose')}
          </Button>
        )}
      </div>
      <Progress percent={batch.percent} aria-label={t('att_upOverall')} data-testid="upload-overall" />
      <ul className="upload-list">
        {batch.items.map((item) => (
          <li key={item.id} data-testid="upload-item" data-status={item.status}>
            <span className="upload-name" title={item.name}>
              {item.name}
            </span>
            <Progress
              size="small"
              percent={item.size > 0 ? Math.round((item.loaded / item.size) * 100) : 0}
              status={item.status === 'refused' ? 'exception' : item.status === 'uploading' ? 'active' : undefined}
              showInfo={false}
              aria-label={item.name}
            />
            <span className="upload-status">{t(STATUS_TEXT[item.status])}</span>
            {item.error && (
              <Alert
                type="error"
                showIcon
                className="upload-error"
                data-testid="upload-error"
                title={pick(item.error)}
              />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
