// 校验/导入申报包 (issue 6): a .zcpkg chosen or dropped here is handed to the core (uploaded with progress
// in the browser mode; its path in the desktop), read strictly by package:verify and reported level by
// level; 导入 is offered only when everything holds, runs as a job, and says what it did with a link to
// the archive. A package the OS opened with the desktop app arrives the same way (openedPackages.ts).
import { FolderOpenOutlined, ImportOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Progress, Spin, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError, ImportOutcome, OutputOf } from '../../../shared/api/contract.js';
import { call, isCancelled, uploadPackage, type PackageUpload } from '../api.js';
import { DropZone } from '../attachments/DropZone.js';
import { formatBytes } from '../attachments/linkText.js';
import { JobPanel } from '../forms/JobPanel.js';
import { useT } from '../i18n.js';
import { asApiError, isRunning, useJob } from '../jobs/tracker.js';
import { takeOpenedPackage, useOpenedPackage } from './openedPackages.js';
import { Fingerprint } from './fingerprint.js';
import { VerifyReportView } from './VerifyReportView.js';
import '../attachments/attachments.css';
import '../forms/forms.css';

/** The package's own extension and media type (electron/core/openFile.ts). */
export const PACKAGE_ACCEPT = '.zcpkg,application/vnd.dossier.package+zip';

type Stage =
  | { kind: 'idle' }
  | { kind: 'uploading'; fileName: string; loaded: number; total: number }
  | { kind: 'verifying'; fileName: string }
  | { kind: 'failed'; fileName: string; error: ApiError }
  | { kind: 'report'; upload: PackageUpload; report: OutputOf<'package:verify'> };

// The last verification outlives the screen (as the import job does), so that leaving and coming back
// shows it again; a reload of the tab starts afresh.
let lastStage: Stage = { kind: 'idle' };

export interface PackageVerifyProps {
  /** Opens an archive after an import (the editor's, or the one the import made). */
  onOpenArchive: (applicantId: string) => void;
  /** Before an import: save what is still being typed (the editor). */
  beforeImport?: () => Promise<void>;
}

export function PackageVerify({ onOpenArchive, beforeImport }: PackageVerifyProps) {
  const { t, pick } = useT();
  const { modal } = App.useApp();
  const [stage, setStageState] = useState<Stage>(lastStage);
  const setStage = useCallback((next: Stage) => {
    lastStage = next;
    setStageState(next);
  }, []);
  const controller = useRef<AbortController | null>(null);
  const { job, tracker } = useJob('dossier.packageImport');
  const [importError, setImportError] = useState<ApiError | null>(null);
  const opened = useOpenedPackage();
  const resultRef = useRef<HTMLDivElement>(null);

  const verify = useCallback(
    async (upload: PackageUpload) => {
      setStage({ kind: 'verifying', fileName: upload.fileName });
      try {
        const report = await call('package:verify', { uploadId: upload.uploadId });
        setStage({ kind: 'report', upload, report });
      } catch (e) {
        setStage({ kind: 'failed', fileName: upload.fileName, error: asApiError(e) });
      }
      // The verdict is what the user waits for: bring it into view and read it out.
      requestAnimationFrame(() => resultRef.current?.scrollIntoView({ block: 'start', behavior: 'smooth' }));
    },
    [setStage],
  );

  const choose = async (files: File[]) => {
    const file = files[0];
    if (!file) return;
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    setImportError(null);
    tracker.dismiss();
    setStage({ kind: 'uploading', fileName: file.name, loaded: 0, total: file.size });
    try {
      const upload = await uploadPackage(
        file,
        (loaded, total) => {
          if (controller.current === abort) setStage({ kind: 'uploading', fileName: file.name, loaded, total });
        },
        abort.signal,
      );
      if (controller.current !== abort) return;
      await verify(upload);
    } catch (e) {
      if (controller.current !== abort) return;
      setStage(isCancelled(e) ? { kind: 'idle' } : { kind: 'failed', fileName: file.name, error: asApiError(e) });
    }
  };

  // A package the desktop app was asked to open.
  useEffect(() => {
    if (!opened || opened.kind === 'opening') return;
    const taken = takeOpenedPackage();
    if (!taken || taken.kind === 'opening') return;
    tracker.dismiss();
    if (taken.kind === 'ready') void verify(taken.upload);
    else setStage({ kind: 'failed', fileName: taken.file, error: taken.error });
  }, [opened, verify, setStage, tracker]);

  useEffect(() => () => controller.current?.abort(), []);

  const importing = isRunning(job);
  const importPackage = async () => {
    if (stage.kind !== 'report' || !stage.report.ok) return;
    setImportError(null);
    tracker.dismiss();
    try {
      // A newer revision of a package held here replaces its archive, edits made since included: ask first.
      const { packages } = await call('package:list', {});
      const held = packages.find((p) => p.packageId === stage.report.packageId);
      if (held && stage.report.revision !== null && held.revision < stage.report.revision) {
        const go = await modal.confirm({
          title: t('pkg_replaceTitle'),
          content: t('pkg_replaceText', { old: held.revision, n: stage.report.revision }),
          okText: t('pkg_replaceOk'),
          okButtonProps: { danger: true },
          cancelText: t('pkg_replaceCancel'),
        });
        if (!go) return;
      }
      // A unit's level 2 is taken only from a unit key confirmed against its opinion page (issue 13): asked
      // once, and again, with both fingerprints, should another key sign a later one.
      const unitSigner = stage.report.levels[1]?.signerFingerprint ?? null;
      const trusted = stage.report.trustedUnitFingerprint;
      let trustUnitKey: string | undefined;
      if (unitSigner !== null && unitSigner !== trusted) {
        const go = await modal.confirm({
          title: t(trusted ? 'pkg_unitKeyChangedTitle' : 'pkg_unitKeyTitle'),
          width: 560,
          content: (
            <div data-testid="unit-key-confirm">
              <p>{t(trusted ? 'pkg_unitKeyChangedText' : 'pkg_unitKeyText')}</p>
              <div>{t('pkg_unitKeyNew')}</div>
              <Fingerprint hex={unitSigner} testId="unit-key-new" />
              {trusted && (
                <>
                  <div>{t('pkg_unitKeyBefore')}</div>
                  <Fingerprint hex={trusted} testId="unit-key-before" />
                </>
              )}
            </div>
          ),
          okText: t('pkg_unitKeyOk'),
          okButtonProps: { danger: trusted !== null },
          cancelText: t('pkg_replaceCancel'),
        });
        if (!go) return;
        trustUnitKey = unitSigner;
      }
      await beforeImport?.();
      const { uploadId, fileName } = stage.upload;
      await tracker.start([uploadId, fileName], () =>
        call('package:import', { uploadId, ...(trustUnitKey !== undefined && { trustUnitKey }) }),
      );
    } catch (e) {
      setImportError(asApiError(e));
    }
  };

  const outcome: ImportOutcome | null = job?.status?.state === 'done' ? (job.status.imported ?? null) : null;
  const busy = stage.kind === 'uploading' || stage.kind === 'verifying' || importing;

  return (
    <div className="pkg-verify">
      <DropZone
        onFiles={(files) => void choose(files)}
        disabled={busy}
        multiple={false}
        accept={PACKAGE_ACCEPT}
        title={t('pkg_dropTitle')}
        hint={t('pkg_dropHint')}
        pickLabel={t('pkg_pick')}
        testId="package"
      />
      <div ref={resultRef} className="pkg-verify-result" aria-live="polite">
        {stage.kind === 'uploading' && (
          <section
            className="forms-job"
            aria-label={t('pkg_uploading', { name: stage.fileName })}
            data-testid="package-upload"
          >
            <div className="forms-job-line">
              <Typography.Text strong>{t('pkg_uploading', { name: stage.fileName })}</Typography.Text>
              <Button danger onClick={() => controller.current?.abort()} data-testid="package-upload-cancel">
                {t('cancel')}
              </Button>
            </div>
            <Progress
              percent={stage.total > 0 ? Math.round((stage.loaded / stage.total) * 100) : 0}
              status="active"
              aria-label={t('pkg_uploadProgress')}
            />
            <Typography.Text type="secondary">
              {t('pkg_uploadBytes', { done: formatBytes(stage.loaded), total: formatBytes(stage.total) })}
            </Typography.Text>
          </section>
        )}
        {(stage.kind === 'verifying' || opened?.kind === 'opening') && (
          <div className="pkg-loading" data-testid="package-verifying">
            <Spin
              description={t('pkg_verifying', {
                name: stage.kind === 'verifying' ? stage.fileName : (opened?.file ?? ''),
              })}
            />
          </div>
        )}
        {stage.kind === 'failed' && (
          <Alert
            type="error"
            showIcon
            role="alert"
            data-testid="package-failed"
            title={t('pkg_verifyFailed', { name: stage.fileName })}
            description={
              <>
                <div>{pick(stage.error.message)}</div>
                {stage.error.issues?.map((issue, i) => (
                  <div key={i}>{pick(issue.message)}</div>
                ))}
              </>
            }
          />
        )}
        {stage.kind === 'report' && (
          <>
            <VerifyReportView report={stage.report} fileName={stage.upload.fileName} />
            <section className="pkg-import" aria-labelledby="pkg-import-heading" data-testid="package-import">
              <Typography.Title level={2} id="pkg-import-heading" className="pkg-subheading">
                {t('pkg_importHeading')}
              </Typography.Title>
              <Typography.Paragraph type="secondary" id="pkg-import-text">
                {stage.report.ok ? t('pkg_importText') : t('pkg_importRefused')}
              </Typography.Paragraph>
              <div className="pkg-export-actions">
                <Button
                  type="primary"
                  size="large"
                  icon={<ImportOutlined />}
                  disabled={!stage.report.ok || importing || outcome !== null}
                  aria-describedby="pkg-import-text"
                  onClick={() => void importPackage()}
                  data-testid="package-import-start"
                >
                  {t('pkg_import')}
                </Button>
                <Button
                  icon={<ReloadOutlined />}
                  disabled={busy}
                  onClick={() => void verify(stage.upload)}
                  data-testid="package-verify-again"
                >
                  {t('pkg_verifyAgain')}
                </Button>
              </div>
              {importError && (
                <Alert
                  type="error"
                  showIcon
                  role="alert"
                  className="pkg-inline-alert"
                  data-testid="package-import-error"
                  title={pick(importError.message)}
                />
              )}
              <JobPanel
                job={job}
                testId="import-job"
                onCancel={() => void tracker.cancel()}
                onDismiss={() => tracker.dismiss()}
                texts={{
                  label: t('pkg_importJob'),
                  running: () => t('pkg_importRunning'),
                  done: outcome ? t(`pkg_outcome_${outcome.status}`, { n: outcome.revision }) : t('pkg_importDone'),
                  cancelled: t('pkg_importCancelled'),
                  failed: (detail) => t('pkg_importFailed', { detail }),
                  lost: (detail) => t('pkg_jobLost', { detail }),
                }}
                result={
                  outcome ? (
                    <div className="pkg-outcome" data-testid="import-outcome" data-status={outcome.status}>
                      <Typography.Text type="secondary">
                        {t('pkg_outcomeWhat', { id: outcome.packageId, n: outcome.revision })}
                      </Typography.Text>
                      <Button
                        type="primary"
                        icon={<FolderOpenOutlined />}
                        onClick={() => onOpenArchive(outcome.applicantId)}
                        data-testid="import-open-archive"
                      >
                        {t('pkg_openArchive')}
                      </Button>
                    </div>
                  ) : undefined
                }
              />
            </section>
          </>
        )}
      </div>
    </div>
  );
}
