// Progress of a batch being added: overall and per file, the cancel button, and each refusal with the
// core's message (which names the file, docs/attachments.md). Also the header's compact indicator, seen
// from every screen while a batch runs.
import { Alert, Button, Progress, Typography } from 'antd';
import { memo } from 'react';
import './attachments.css';
import { useT, type TextKey } from '../i18n.js';
import { itemBar, type UploadSummary } from './uploadSummary.js';
import { useUploadBatch, useUploads, type UploadItem, type UploadStatus } from './useUploads.js';

const STATUS_TEXT: Record<UploadStatus, TextKey> = {
  queued: 'att_upQueued',
  uploading: 'att_upUploading',
  added: 'att_upAdded',
  duplicate: 'att_upDuplicate',
  refused: 'att_upRefused',
  cancelled: 'att_upCancelled',
};

export function UploadProgress() {
  const { t } = useT();
  const uploads = useUploads();
  const batch = useUploadBatch();
  if (batch.items.length === 0) return null;
  const { summary } = batch;
  const n = batch.items.length;
  return (
    <section
      className="upload-progress"
      aria-label={t('att_uploadsLabel')}
      data-testid="upload-progress"
      data-complete={summary.isComplete}
    >
      <div className="upload-progress-head">
        <span className="upload-progress-title">
          <Typography.Text strong data-testid="upload-title">
            {summary.isComplete ? t('att_upFinished', { n }) : t('att_upRunning', { done: summary.finished, n })}
          </Typography.Text>
          <UploadCounts summary={summary} />
        </span>
        {batch.isRunning ? (
          <Button size="small" danger onClick={uploads.cancel} data-testid="upload-cancel">
            {t('att_upCancel')}
          </Button>
        ) : (
          <Button size="small" onClick={uploads.clear} data-testid="upload-close">
            {t('att_upClose')}
          </Button>
        )}
      </div>
      <Progress
        percent={summary.percent}
        status={summary.status}
        aria-label={t('att_upOverall')}
        data-testid="upload-overall"
        data-status={summary.status}
        data-percent={summary.percent}
      />
      <ul className="upload-list">
        {batch.items.map((item) => (
          <UploadRow key={item.id} item={item} />
        ))}
      </ul>
    </section>
  );
}

/** The outcomes so far, each shown only when it happened: "已添加 1 · 已存在 1 · 未添加 4". */
function UploadCounts({ summary }: { summary: UploadSummary }) {
  const { t } = useT();
  const parts = (
    [
      ['added', summary.added, 'att_upCountAdded', 'success'],
      ['duplicate', summary.duplicate, 'att_upCountDuplicate', 'secondary'],
      ['refused', summary.refused, 'att_upCountRefused', 'danger'],
      ['cancelled', summary.cancelled, 'att_upCountCancelled', 'warning'],
    ] as const
  ).filter(([, count]) => count > 0);
  if (parts.length === 0) return null;
  return (
    <span className="upload-counts" data-testid="upload-counts">
      {parts.map(([key, count, text, type]) => (
        <Typography.Text key={key} type={type} data-testid={`upload-count-${key}`} data-count={count}>
          {t(text, { n: count })}
        </Typography.Text>
      ))}
    </span>
  );
}

/** One file's row; redrawn only when that file's progress or state changes (200 rows, many events). */
const UploadRow = memo(function UploadRow({ item }: { item: UploadItem }) {
  const { t, pick } = useT();
  const bar = itemBar(item);
  return (
    <li data-testid="upload-item" data-status={item.status}>
      <span className="upload-name" title={item.name}>
        {item.name}
      </span>
      <Progress size="small" percent={bar.percent} status={bar.status} showInfo={false} aria-label={item.name} />
      <span className="upload-status">{t(STATUS_TEXT[item.status])}</span>
      {item.error && (
        <Alert type="error" showIcon className="upload-error" data-testid="upload-error" title={pick(item.error)} />
      )}
    </li>
  );
});

/** In the header: the running batch's overall progress and its cancel, whichever screen is shown. */
export function UploadIndicator() {
  const { t } = useT();
  const uploads = useUploads();
  const batch = useUploadBatch();
  if (!batch.isRunning) return null;
  const n = batch.items.length;
  return (
    <div
      className="upload-indicator"
      role="status"
      data-testid="upload-indicator"
      data-done={batch.done}
      data-total={n}
      data-percent={batch.percent}
    >
      <Typography.Text className="upload-indicator-text">{t('att_upRunning', { done: batch.done, n })}</Typography.Text>
      <Progress percent={batch.percent} size="small" className="upload-indicator-bar" aria-label={t('att_upOverall')} />
      <Button size="small" danger onClick={uploads.cancel} data-testid="upload-indicator-cancel">
        {t('att_upCancel')}
      </Button>
    </div>
  );
}
