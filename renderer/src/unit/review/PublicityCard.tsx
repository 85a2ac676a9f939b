// One publicity (公示): its period and state, each member's outcome, and its PDFs — the notice and each
// member's M-3 confirmation with these dates (unit:publicityForms, a job with progress and cancel), each
// previewed in the forms' preview and saved with its download.
// Corrections (issue 19): before its start 修改 (the planner in a dialog) and 删除 (asked first); once
// started, until every outcome is recorded, 取消公示 with a written reason (PublicityCancelDialog). A
// cancelled publicity stays listed, greyed, with when and why (for the officer only), and nothing in it
// changes any more.
import {
  DeleteOutlined,
  DownloadOutlined,
  EditOutlined,
  EyeOutlined,
  FilePdfOutlined,
  StopOutlined,
} from '@ant-design/icons';
import { Alert, App, Button, Card, Modal, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { ApiError, GeneratedFile } from '../../../../shared/api/contract.js';
import type { Publicity, UnitApplicantRow } from '../../../../shared/unit/schema.js';
import { call, fileUrl } from '../../api.js';
import { formatBytes } from '../../attachments/linkText.js';
import { FilePreview } from '../../forms/FilePreview.js';
import { JobPanel } from '../../forms/JobPanel.js';
import { printPdf } from '../../forms/print.js';
import '../../forms/forms.css';
import { useT } from '../../i18n.js';
import { asApiError, isRunning, useJob } from '../../jobs/tracker.js';
import { PublicityCancelDialog } from './PublicityCancelDialog.js';
import { PublicityMember } from './PublicityMember.js';
import { PublicityPlanner } from './PublicityPlanner.js';

/** The keys the core gives the publicity's PDFs (electron/core/unit/publicity.ts). */
const NOTICE_KEY = 'unit:publicity-notice';
const M3_KEY = 'unit:M-3';

export const publicityFormsJobKey = (publicityId: string) => `dossier.unitPublicityForms.${publicityId}`;

type Phase = 'planned' | 'running' | 'ended' | 'cancelled';
const phaseOf = (p: Publicity, today: string): Phase =>
  p.cancelledAt !== null ? 'cancelled' : today < p.startDate ? 'planned' : today <= p.endDate ? 'running' : 'ended';
const PHASE_TAG: Record<
  Phase,
  { color: string; text: 'uw_pubPlanned' | 'uw_pubRunning' | 'uw_pubEnded' | 'uw_pubCancelled' }
> = {
  planned: { color: 'blue', text: 'uw_pubPlanned' },
  running: { color: 'processing', text: 'uw_pubRunning' },
  ended: { color: 'gold', text: 'uw_pubEnded' },
  cancelled: { color: 'default', text: 'uw_pubCancelled' },
};

export interface PublicityCardProps {
  publicity: Publicity;
  /** The table's rows: who can be added when the publicity is edited. */
  rows: readonly UnitApplicantRow[];
  /** The publicity as now stored (an outcome recorded, an edit, a cancellation). */
  onChanged: (publicity: Publicity) => void;
  /** It was deleted. */
  onDeleted: (publicityId: string) => void;
  onOpenApplicant?: ((applicantId: string) => void) | undefined;
}

export function PublicityCard({ publicity, rows, onChanged, onDeleted, onOpenApplicant }: PublicityCardProps) {
  const { t, pick } = useT();
  const { message, modal } = App.useApp();
  const { job, tracker } = useJob(publicityFormsJobKey(publicity.id));
  const [startError, setStartError] = useState<ApiError | null>(null);
  const [preview, setPreview] = useState<GeneratedFile | null>(null);
  const [isEditing, setEditing] = useState(false);
  const [isCancelling, setCancelling] = useState(false);
  const [actionError, setActionError] = useState<ApiError | null>(null);
  const phase = phaseOf(publicity, dayjs().format('YYYY-MM-DD'));
  const isCancelled = phase === 'cancelled';
  const isSettled = publicity.members.every((m) => m.outcome !== 'pending');
  const tag = phase === 'ended' && isSettled ? { color: 'success', text: 'uw_pubSettled' as const } : PHASE_TAG[phase];
  const period = { start: publicity.startDate, end: publicity.endDate };
  const running = isRunning(job);
  const files = job?.status?.state === 'done' ? job.status.files : [];
  const recorded = publicity.members.filter((m) => m.outcome !== 'pending').length;
  const headingId = `uw-pub-${publicity.id}-heading`;

  const makeForms = async () => {
    setStartError(null);
    tracker.dismiss();
    try {
      await tracker.start([], () => call('unit:publicityForms', { publicityId: publicity.id }));
    } catch (e) {
      setStartError(asApiError(e));
    }
  };

  // PDFs made before a change carry what it changed: not offered any more.
  const changed = (next: Publicity) => {
    tracker.dismiss();
    setActionError(null);
    onChanged(next);
  };

  const remove = async () => {
    setActionError(null);
    const ok = await modal.confirm({
      title: t('uw_pubDeleteTitle', period),
      content: t('uw_pubDeleteText'),
      okText: t('uw_pubDelete'),
      okButtonProps: { danger: true, autoInsertSpace: false },
      cancelButtonProps: { autoInsertSpace: false },
      cancelText: t('cancel'),
    });
    if (!ok) return;
    try {
      await call('unit:deletePublicity', { publicityId: publicity.id });
      tracker.dismiss();
      onDeleted(publicity.id);
    } catch (e) {
      setActionError(asApiError(e));
    }
  };

  const print = (file: GeneratedFile) =>
    printPdf(fileUrl(file.sha256)).catch(() => {
      void message.error(t('forms_printFailed'));
    });

  return (
    <Card
      className={isCancelled ? 'uw-pub-card uw-pub-card-cancelled' : 'uw-pub-card'}
      data-testid="uw-pub-card"
      data-publicity={publicity.id}
      data-phase={phase}
      title={
        <span className="uw-card-title" id={headingId}>
          {t('uw_pubPeriodShort', period)}
          <Tag color={tag.color} className="uw-pub-phase">
            {t(tag.text)}
          </Tag>
        </span>
      }
      extra={<Typography.Text type="secondary">{t('uw_pubWorkingDays', { n: publicity.workingDays })}</Typography.Text>}
    >
      <section aria-labelledby={headingId}>
        {isCancelled ? (
          <div className="uw-pub-cancelled" data-testid="uw-pub-cancelled">
            <Typography.Paragraph className="uw-pub-cancelled-at">
              {t('uw_pubCancelledAt', { at: dayjs(publicity.cancelledAt).format('YYYY-MM-DD HH:mm') })}
            </Typography.Paragraph>
            <Typography.Paragraph className="uw-pub-cancelled-reason" data-testid="uw-pub-cancel-reason-shown">
              <Typography.Text strong>{t('uw_pubCancelledReason')}</Typography.Text>
              {publicity.cancelReason}
            </Typography.Paragraph>
          </div>
        ) : (
          <Typography.Paragraph type="secondary" className="uw-pub-recorded">
            {t('uw_pubRecordedCount', { done: recorded, n: publicity.members.length })}
            {phase !== 'ended' && ` ${t('uw_pubRecordLater')}`}
          </Typography.Paragraph>
        )}
        <ul className="uw-member-list">
          {publicity.members.map((m) => (
            <PublicityMember
              key={m.applicantId}
              publicityId={publicity.id}
              member={m}
              onRecorded={onChanged}
              onOpenApplicant={onOpenApplicant}
              readOnly={isCancelled}
            />
          ))}
        </ul>
        {phase === 'planned' && (
          <div className="uw-pub-actions">
            <Button
              icon={<EditOutlined />}
              onClick={() => setEditing(true)}
              autoInsertSpace={false}
              data-testid="uw-pub-edit-open"
            >
              {t('uw_pubEdit')}
            </Button>
            <Button
              danger
              icon={<DeleteOutlined />}
              onClick={() => void remove()}
              autoInsertSpace={false}
              data-testid="uw-pub-delete"
            >
              {t('uw_pubDelete')}
            </Button>
            <Typography.Text type="secondary">{t('uw_pubEditHint')}</Typography.Text>
          </div>
        )}
        {(phase === 'running' || phase === 'ended') && (
          <div className="uw-pub-actions">
            {isSettled ? (
              <Typography.Text type="secondary" data-testid="uw-pub-settled-hint">
                {t('uw_pubSettledNoCancel')}
              </Typography.Text>
            ) : (
              <>
                <Button
                  danger
                  icon={<StopOutlined />}
                  onClick={() => {
                    setActionError(null);
                    setCancelling(true);
                  }}
                  data-testid="uw-pub-cancel"
                >
                  {t('uw_pubCancel')}
                </Button>
                <Typography.Text type="secondary">{t('uw_pubCancelHint')}</Typography.Text>
              </>
            )}
          </div>
        )}
        {actionError && (
          <Alert
            type="error"
            showIcon
            role="alert"
            className="uw-inline-alert"
            data-testid="uw-pub-action-error"
            title={pick(actionError.message)}
          />
        )}
        {!isCancelled && (
          <>
            <div className="uw-pub-forms">
              <Button
                icon={<FilePdfOutlined />}
                onClick={() => void makeForms()}
                disabled={running}
                data-testid="uw-pub-forms"
              >
                {t('uw_pubForms')}
              </Button>
              <Typography.Text type="secondary">{t('uw_pubFormsHint')}</Typography.Text>
            </div>
            {startError && (
              <Typography.Text type="danger" role="alert" className="uw-inline-error" data-testid="uw-pub-forms-error">
                {pick(startError.message)}
              </Typography.Text>
            )}
            <JobPanel
              job={job}
              testId="uw-pub-forms-job"
              nameOf={(key) =>
                t(key === NOTICE_KEY ? 'uw_pubNoticeName' : key === M3_KEY ? 'uw_pubM3Name' : 'uw_pubFileName')
              }
              onCancel={() => void tracker.cancel()}
              onDismiss={() => tracker.dismiss()}
              texts={{
                label: t('uw_pubFormsJob'),
                running: (done, total) => t('uw_pubFormsRunning', { done, n: total }),
                done: t('uw_pubFormsDone', { n: files.length }),
              }}
              result={
                files.length > 0 ? (
                  <ul className="uw-file-rows" data-testid="uw-pub-files">
                    {files.map((f) => (
                      <li key={f.sha256} data-testid="uw-pub-file">
                        <FilePdfOutlined aria-hidden />
                        <Typography.Text className="uw-file-row-name">{f.fileName}</Typography.Text>
                        <Typography.Text type="secondary">
                          {t('uw_pages', { n: f.pages })} · {formatBytes(f.size)}
                        </Typography.Text>
                        <Button
                          size="small"
                          icon={<EyeOutlined />}
                          onClick={() => setPreview(f)}
                          aria-label={t('uw_previewOf', { name: f.fileName })}
                          data-testid="uw-pub-file-preview"
                        >
                          {t('uw_preview')}
                        </Button>
                        <Button
                          size="small"
                          icon={<DownloadOutlined />}
                          href={fileUrl(f.sha256)}
                          download={f.fileName}
                          aria-label={t('pkg_downloadOf', { name: f.fileName })}
                          data-testid="uw-pub-file-download"
                        >
                          {t('pkg_download')}
                        </Button>
                      </li>
                    ))}
                  </ul>
                ) : undefined
              }
            />
          </>
        )}
      </section>
      <Modal
        open={isEditing}
        title={t('uw_pubEditTitle', period)}
        onCancel={() => setEditing(false)}
        footer={null}
        width={720}
        destroyOnHidden
        className="uw-pub-edit-dialog"
      >
        <PublicityPlanner
          rows={rows}
          editing={publicity}
          onClose={() => setEditing(false)}
          onSaved={(next) => {
            setEditing(false);
            changed(next);
          }}
        />
      </Modal>
      <PublicityCancelDialog
        publicity={isCancelling ? publicity : null}
        onClose={() => setCancelling(false)}
        onCancelled={(next) => {
          setCancelling(false);
          changed(next);
        }}
      />
      <FilePreview file={preview} title={preview?.fileName ?? ''} onClose={() => setPreview(null)} onPrint={print} />
    </Card>
  );
}
