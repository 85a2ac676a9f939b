// 导入申报包: the applicants' packages of the unit — many files, or a whole folder (a USB stick) — each
// verified by the core before it is taken in (N-10: the unit answers for what it passes on). One job with
// progress and 取消; then every file with what it came to (已导入 / 已替换 / 未变 / 已拒绝, and why), the
// refused ones in red, and a summary line.
import { TableOutlined } from '@ant-design/icons';
import { Alert, Button, Card } from 'antd';
import { useEffect, useRef } from 'react';
import { DropZone } from '../attachments/DropZone.js';
import { JobPanel } from '../forms/JobPanel.js';
import { useT, type TextKey } from '../i18n.js';
import { isRunning, useJob } from '../jobs/tracker.js';
import { FolderPicker, UploadProgress } from '../jobs/UploadParts.js';
import { takeOpenedPackage, useOpenedPackage } from '../package/openedPackages.js';
import { PACKAGE_ACCEPT } from '../package/PackageVerify.js';
import '../attachments/attachments.css';
import '../forms/forms.css';
import '../package/package.css';
import {
  cancelUploads,
  dismissBatch,
  importFiles,
  importOpened,
  importOutcome,
  UNIT_IMPORT_JOB,
  useImportBatch,
  type ImportOutcome,
} from './importBatch.js';
import { ImportResults } from './ImportResults.js';
import { UnitFrame } from './UnitFrame.js';

/** The job's closing line by outcome: 导入完成 only when every file came in. */
const OUTCOME_TEXT: Record<ImportOutcome, TextKey> = {
  success: 'unit_importDone',
  warning: 'unit_importDoneSome',
  error: 'unit_importDoneNone',
  info: 'unit_importDoneNothing',
};

export interface UnitImportScreenProps {
  onOpenApplicant: (applicantId: string) => void;
  onShowTable: () => void;
}

export function UnitImportScreen({ onOpenApplicant, onShowTable }: UnitImportScreenProps) {
  const { t, pick } = useT();
  const batch = useImportBatch();
  const { job, tracker } = useJob(UNIT_IMPORT_JOB);
  const resultRef = useRef<HTMLDivElement>(null);
  const opened = useOpenedPackage();

  // A package the desktop app was asked to open is imported here like a chosen file.
  useEffect(() => {
    if (!opened || opened.kind === 'opening') return;
    const taken = takeOpenedPackage();
    if (taken?.kind === 'ready') void importOpened(taken.upload);
  }, [opened]);

  const uploading = batch.state.phase === 'uploading';
  const running = isRunning(job);
  const busy = uploading || running;
  const ended = job?.status && job.status.state !== 'running' ? job.status : null;
  const results = [...batch.refused, ...(ended?.unitImport ?? [])];
  const hasResults = !busy && (results.length > 0 || batch.skipped.length > 0);
  // The job's closing line takes the colour and words of what the files came to, not merely "it ended".
  const outcome = importOutcome(results);

  // When the batch ends, bring its results into view (they are what the officer waited for).
  const wasBusy = useRef(busy);
  useEffect(() => {
    if (wasBusy.current && !busy) resultRef.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
    wasBusy.current = busy;
  }, [busy]);

  const choose = (files: File[], fromFolder: boolean) => void importFiles(files, fromFolder);

  return (
    <UnitFrame screen="unitImport">
      <Card className="pkg-card unit-import-card">
        <DropZone
          onFiles={(files) => choose(files, false)}
          disabled={busy}
          multiple
          accept={PACKAGE_ACCEPT}
          title={t('unit_importDropTitle')}
          hint={t('unit_importDropHint')}
          pickLabel={t('unit_importPick')}
          testId="unit-import"
        />
        <FolderPicker
          text={t('unit_importFolderText')}
          label={t('unit_importFolder')}
          disabled={busy}
          testId="unit-import-folder"
          onFiles={(files) => choose(files, true)}
        />
      </Card>

      <div ref={resultRef} className="unit-import-result" aria-live="polite">
        {batch.state.phase === 'uploading' && (
          <UploadProgress
            label={t('unit_importUploadLabel')}
            line={t('unit_importUploading', { done: batch.state.done + 1, n: batch.state.files })}
            loaded={batch.state.loaded}
            total={batch.state.total}
            current={batch.state.current}
            onCancel={cancelUploads}
            testId="unit-import-upload"
          />
        )}
        {batch.state.phase === 'failed' && (
          <Alert
            type="error"
            showIcon
            role="alert"
            className="pkg-inline-alert"
            data-testid="unit-import-failed"
            title={pick(batch.state.error.message)}
          />
        )}
        {batch.cancelled && !busy && (
          <Alert
            type="info"
            showIcon
            className="pkg-inline-alert"
            data-testid="unit-import-cancelled"
            title={t('unit_importUploadCancelled')}
          />
        )}
        <JobPanel
          job={job}
          testId="unit-import-job"
          onCancel={() => void tracker.cancel()}
          onDismiss={dismissBatch}
          doneType={outcome}
          texts={{
            label: t('unit_importJob'),
            running: (done, total) => t('unit_importRunning', { done, n: total }),
            done: t(OUTCOME_TEXT[outcome]),
            cancelled: t('unit_importCancelled'),
            failed: (detail) => t('unit_importJobFailed', { detail }),
            lost: (detail) => t('unit_importLost', { detail }),
          }}
        />
        {hasResults && (
          <ImportResults
            results={results}
            skipped={batch.skipped}
            partial={ended?.state === 'cancelled' || ended?.state === 'failed'}
            onOpenApplicant={onOpenApplicant}
          />
        )}
        {hasResults && results.some((r) => r.status !== 'refused') && (
          <Button type="primary" icon={<TableOutlined />} onClick={onShowTable} data-testid="unit-import-to-table">
            {t('unit_importToTable')}
          </Button>
        )}
      </div>
    </UnitFrame>
  );
}
