// 接收 (issue 17, item 2): the units' batch files (.zip) and loose packages (.zcpkg) — many files, or a whole
// folder (a USB stick) — in one job with progress and 取消 (the unit's import UI: DropZone, JobPanel). Then
// a row per applicant: 接收 / 替换 / 未变 / 拒绝 with the reason in the UI language, refused ones first; a
// refusal for a changed unit key shows BOTH fingerprints and, once the officer compared the new one with the
// unit's stamped paper, receives the held file again with the new key. Below, the batches received.
import { CheckOutlined, KeyOutlined, TableOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Empty, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useRef, useState, type HTMLAttributes } from 'react';
import type { ApiError } from '../../../shared/api/contract.js';
import type { DeskBatch, DeskImportResult } from '../../../shared/desk/schema.js';
import { call } from '../api.js';
import { DropZone } from '../attachments/DropZone.js';
import { JobPanel } from '../forms/JobPanel.js';
import { translate, useT, type TextKey } from '../i18n.js';
import { asApiError, isRunning, useJob } from '../jobs/tracker.js';
import { FolderPicker, UploadProgress } from '../jobs/UploadParts.js';
import { Fingerprint, groupHex } from '../package/fingerprint.js';
import { importOutcome, MAX_BATCH } from '../unit/importBatch.js';
import '../attachments/attachments.css';
import '../forms/forms.css';
import '../package/package.css';
import '../unit/review/keyChange.css';
import '../unit/unit.css';
import './desk.css';
import { DeskFrame } from './DeskFrame.js';
import {
  cancelUploads,
  confirmKey,
  DESK_RECEIVE_JOB,
  dismissReceive,
  RECEIVE_ACCEPT,
  receiveFiles,
  useReceive,
} from './deskReceive.js';

const STATUS_COLOR: Record<DeskImportResult['status'], string> = {
  imported: 'green',
  replaced: 'blue',
  unchanged: 'default',
  refused: 'red',
};

/** The job's closing line by what the applicants came to (importOutcome: never green over refusals). */
const OUTCOME_TEXT: Record<ReturnType<typeof importOutcome>, TextKey> = {
  success: 'desk_receiveDone',
  warning: 'desk_receiveDoneSome',
  error: 'desk_receiveDoneNone',
  info: 'desk_receiveDoneNothing',
};

type Row = DeskImportResult & { key: number };

export interface DeskReceiveScreenProps {
  onOpenApplicant: (applicantId: string) => void;
  onShowTable: () => void;
}

export function DeskReceiveScreen({ onOpenApplicant, onShowTable }: DeskReceiveScreenProps) {
  const { t, pick } = useT();
  const receive = useReceive();
  const { job, tracker } = useJob(DESK_RECEIVE_JOB);
  const resultRef = useRef<HTMLDivElement>(null);
  const [batches, setBatches] = useState<DeskBatch[] | ApiError | null>(null);

  const uploading = receive.state.phase === 'uploading';
  const running = isRunning(job);
  const busy = uploading || running;
  const ended = job?.status && job.status.state !== 'running' ? job.status : null;
  const results = [...receive.refused, ...(ended?.deskImport ?? [])];
  const hasResults = !busy && (results.length > 0 || receive.skipped.length > 0);
  const outcome = importOutcome(results);

  const loadBatches = useCallback(async () => {
    try {
      setBatches((await call('desk:batches', {})).batches);
    } catch (e) {
      setBatches(asApiError(e));
    }
  }, []);
  useEffect(() => void loadBatches(), [loadBatches]);

  // When the receive ends, bring its results into view and read the batches again.
  const wasBusy = useRef(busy);
  useEffect(() => {
    if (wasBusy.current && !busy) {
      resultRef.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
      void loadBatches();
    }
    wasBusy.current = busy;
  }, [busy, loadBatches]);

  const choose = (files: File[], fromFolder: boolean) =>
    void receiveFiles(files, fromFolder, {
      notOurs: (name) => both('desk_receiveNotOurs', { name }),
      none: both('desk_receiveNone'),
      tooMany: (n) => both('desk_receiveTooMany', { max: MAX_BATCH, n }),
    });

  const rows: Row[] = results
    .map((r, i) => ({ ...r, key: i }))
    .sort((a, b) => Number(b.status === 'refused') - Number(a.status === 'refused') || a.key - b.key);
  // One confirm per held file (every package of a batch signed by the new key is refused alike).
  const keyChanges = [...new Map(results.filter((r) => r.keyChange).map((r) => [r.uploadId ?? r.file, r])).values()];
  const count = (s: DeskImportResult['status']) => results.filter((r) => r.status === s).length;

  return (
    <DeskFrame screen="deskReceive">
      <Card className="pkg-card unit-import-card">
        <DropZone
          onFiles={(files) => choose(files, false)}
          disabled={busy}
          multiple
          accept={RECEIVE_ACCEPT}
          title={t('desk_receiveDropTitle')}
          hint={t('desk_receiveDropHint')}
          pickLabel={t('desk_receivePick')}
          testId="desk-receive"
        />
        <FolderPicker
          text={t('desk_receiveFolderText')}
          label={t('desk_receiveFolder')}
          disabled={busy}
          testId="desk-receive-folder"
          onFiles={(files) => choose(files, true)}
        />
      </Card>

      <div ref={resultRef} className="unit-import-result" aria-live="polite">
        {receive.state.phase === 'uploading' && (
          <UploadProgress
            label={t('desk_receiveUploadLabel')}
            line={t('desk_receiveUploading', { done: receive.state.done + 1, n: receive.state.files })}
            loaded={receive.state.loaded}
            total={receive.state.total}
            current={receive.state.current}
            onCancel={cancelUploads}
            testId="desk-receive-upload"
          />
        )}
        {receive.state.phase === 'failed' && (
          <Alert
            type="error"
            showIcon
            role="alert"
            className="pkg-inline-alert"
            data-testid="desk-receive-failed"
            title={pick(receive.state.error.message)}
          />
        )}
        {receive.cancelled && !busy && (
          <Alert type="info" showIcon className="pkg-inline-alert" title={t('desk_receiveUploadCancelled')} />
        )}
        <JobPanel
          job={job}
          testId="desk-receive-job"
          onCancel={() => void tracker.cancel()}
          onDismiss={dismissReceive}
          doneType={outcome}
          texts={{
            label: t('desk_receiveJob'),
            running: (done, total) => t('desk_receiveRunning', { done, n: total }),
            done: t(OUTCOME_TEXT[outcome]),
            cancelled: t('desk_receiveCancelled'),
            failed: (detail) => t('desk_receiveJobFailed', { detail }),
            lost: (detail) => t('desk_receiveLost', { detail }),
          }}
        />
        {hasResults && (
          <section
            className="unit-import-results"
            aria-labelledby="desk-receive-results-title"
            data-testid="desk-receive-results"
          >
            <Typography.Title level={2} id="desk-receive-results-title" className="pkg-subheading">
              {t('desk_receiveResults')}
            </Typography.Title>
            <Alert
              type={outcome}
              showIcon
              className="unit-import-summary"
              data-testid="desk-receive-summary"
              title={t('desk_receiveSummary', {
                n: results.length,
                imported: count('imported'),
                replaced: count('replaced'),
                unchanged: count('unchanged'),
                refused: count('refused'),
              })}
              description={
                ended?.state === 'cancelled' || ended?.state === 'failed' ? t('desk_receivePartial') : undefined
              }
            />
            {receive.skipped.length > 0 && (
              <Typography.Paragraph type="secondary" className="unit-import-skipped">
                {t('unit_importSkipped', {
                  n: receive.skipped.length,
                  names: receive.skipped.slice(0, 10).join(t('listSep')),
                })}
              </Typography.Paragraph>
            )}
            {keyChanges.map((r) => (
              <KeyChangeConfirm key={r.uploadId ?? r.file} result={r} disabled={busy} />
            ))}
            <Table<Row>
              size="small"
              rowKey="key"
              dataSource={rows}
              pagination={rows.length > 100 ? { pageSize: 100, showSizeChanger: false } : false}
              data-testid="desk-receive-result-list"
              rowClassName={(r) => (r.status === 'refused' ? 'unit-import-refused' : '')}
              onRow={(r) => ({ 'data-status': r.status, 'data-file': r.file }) as HTMLAttributes<HTMLElement>}
              columns={[
                {
                  key: 'file',
                  title: t('desk_receiveFile'),
                  width: 220,
                  render: (_, r) => (
                    <Typography.Text className="unit-import-file">
                      {r.file}
                      {r.entry && (
                        <>
                          <br />
                          <Typography.Text type="secondary">{r.entry.replace(/^packages\//, '')}</Typography.Text>
                        </>
                      )}
                    </Typography.Text>
                  ),
                },
                {
                  key: 'who',
                  title: t('desk_receiveApplicant'),
                  width: 150,
                  render: (_, r) =>
                    r.applicantId ? (
                      <Button
                        type="link"
                        size="small"
                        className="unit-link-button"
                        onClick={() => onOpenApplicant(r.applicantId!)}
                        data-testid="desk-receive-open"
                      >
                        {r.name}
                        {r.revision !== null && ` · ${t('desk_receiveRevision', { n: r.revision })}`}
                      </Button>
                    ) : (
                      (r.name ?? '—')
                    ),
                },
                { key: 'unit', title: t('desk_receiveUnit'), width: 180, render: (_, r) => r.unit ?? '—' },
                {
                  key: 'status',
                  title: t('desk_receiveOutcome'),
                  width: 90,
                  render: (_, r) => (
                    <Tag color={STATUS_COLOR[r.status]} data-testid="desk-receive-status">
                      {t(`desk_receiveStatus_${r.status}` as TextKey)}
                    </Tag>
                  ),
                },
                {
                  key: 'why',
                  title: t('desk_receiveWhy'),
                  render: (_, r) =>
                    r.reason ? (
                      <Typography.Text type="danger" data-testid="desk-receive-reason">
                        {pick(r.reason)}
                      </Typography.Text>
                    ) : null,
                },
              ]}
            />
            {results.some((r) => r.status !== 'refused') && (
              <Button
                type="primary"
                icon={<TableOutlined />}
                className="desk-receive-next"
                onClick={onShowTable}
                data-testid="desk-receive-to-table"
              >
                {t('desk_receiveToTable')}
              </Button>
            )}
          </section>
        )}
      </div>

      <BatchList batches={batches} />
    </DeskFrame>
  );
}

/** A text in both languages (a refusal made here carries both, as the core's do, and follows the switch). */
const both = (key: TextKey, vars?: Record<string, string | number>) => ({
  zh: translate('zh', key, vars),
  en: translate('en', key, vars),
});

/**
 * A batch refused because the unit's key is not the one pinned for it: both fingerprints, what to compare
 * them with, and the confirm that receives the held file again with the new key (mirrors the unit's
 * KeyChangeCard for an applicant's new key).
 */
function KeyChangeConfirm({ result, disabled }: { result: DeskImportResult; disabled: boolean }) {
  const { t } = useT();
  const { modal } = App.useApp();
  const change = result.keyChange!;
  const confirm = async () => {
    const go = await modal.confirm({
      title: t('desk_keyConfirmTitle'),
      content: t('desk_keyConfirmText', { fp: groupHex(change.newFingerprint) }),
      okText: t('desk_keyConfirm'),
      cancelText: t('cancel'),
      okButtonProps: { 'data-testid': 'desk-key-confirm-ok' } as Record<string, string>,
    });
    if (go) await confirmKey(result);
  };
  return (
    <Card
      className="pkg-card uw-key-change"
      data-testid="desk-key-change"
      title={
        <span className="pkg-card-title">
          <KeyOutlined aria-hidden /> {result.file}
          {result.unit && ` · ${result.unit}`}
        </span>
      }
    >
      <Descriptions
        column={1}
        size="small"
        bordered
        className="uw-key-fingerprints"
        items={[
          {
            key: 'pinned',
            label: t('desk_keyPinned'),
            children: <Fingerprint hex={change.pinnedFingerprint} testId="desk-key-pinned" />,
          },
          {
            key: 'new',
            label: t('desk_keyNew'),
            children: <Fingerprint hex={change.newFingerprint} testId="desk-key-new" />,
          },
        ]}
      />
      <Typography.Paragraph>{t('desk_keyCheck')}</Typography.Paragraph>
      {result.uploadId ? (
        <Button
          icon={<CheckOutlined />}
          disabled={disabled}
          onClick={() => void confirm()}
          data-testid="desk-key-confirm"
        >
          {t('desk_keyConfirm')}
        </Button>
      ) : (
        <Alert type="info" showIcon title={t('desk_keyGone')} />
      )}
    </Card>
  );
}

/** The batches received (desk_batch), newest first; an empty state before the first. */
function BatchList({ batches }: { batches: DeskBatch[] | ApiError | null }) {
  const { t, pick } = useT();
  let body;
  if (batches === null) body = null;
  else if (!Array.isArray(batches)) {
    body = (
      <Alert
        type="error"
        showIcon
        role="alert"
        title={t('desk_batchesLoadFailed', { detail: pick(batches.message) })}
      />
    );
  } else if (batches.length === 0) {
    body = <Empty description={t('desk_batchesEmpty')} data-testid="desk-batches-empty" />;
  } else {
    body = (
      <Table<DeskBatch>
        size="small"
        rowKey="sha256"
        dataSource={batches}
        pagination={batches.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        data-testid="desk-batches"
        columns={[
          { key: 'file', title: t('desk_batchFile'), dataIndex: 'fileName' },
          { key: 'unit', title: t('desk_batchUnit'), dataIndex: 'unit' },
          { key: 'n', title: t('desk_batchPackages'), dataIndex: 'packages', width: 100 },
          {
            key: 'at',
            title: t('desk_batchReceived'),
            width: 170,
            render: (_, b) => dayjs(b.receivedAt).format('YYYY-MM-DD HH:mm'),
          },
          {
            key: 'fp',
            title: t('desk_batchKey'),
            render: (_, b) => <code>{groupHex(b.fingerprint).slice(0, 19)}…</code>,
          },
        ]}
      />
    );
  }
  return (
    <section className="unit-import-results" aria-labelledby="desk-batches-title">
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        <Typography.Title level={2} id="desk-batches-title" className="pkg-subheading">
          {t('desk_batchesHeading')}
        </Typography.Title>
        {body}
      </Space>
    </section>
  );
}
