// One publicity (公示): its period and state, each member's outcome, and its PDFs — the notice and each
// member's M-3 confirmation with these dates (unit:publicityForms, a job with progress and cancel), each
// previewed in the forms' preview and saved with its download.
import { DownloadOutlined, EyeOutlined, FilePdfOutlined } from '@ant-design/icons';
import { App, Button, Card, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { ApiError, GeneratedFile } from '../../../../shared/api/contract.js';
import type { Publicity } from '../../../../shared/unit/schema.js';
import { call, fileUrl } from '../../api.js';
import { formatBytes } from '../../attachments/linkText.js';
import { FilePreview } from '../../forms/FilePreview.js';
import { JobPanel } from '../../forms/JobPanel.js';
import { printPdf } from '../../forms/print.js';
import '../../forms/forms.css';
import { useT } from '../../i18n.js';
import { asApiError, isRunning, useJob } from '../../jobs/tracker.js';
import { PublicityMember } from './PublicityMember.js';

/** The keys the core gives the publicity's PDFs (electron/core/unit/publicity.ts). */
const NOTICE_KEY = 'unit:publicity-notice';
const M3_KEY = 'unit:M-3';

export const publicityFormsJobKey = (publicityId: string) => `dossier.unitPublicityForms.${publicityId}`;

type Phase = 'planned' | 'running' | 'ended';
const phaseOf = (p: Publicity, today: string): Phase =>
  today < p.startDate ? 'planned' : today <= p.endDate ? 'running' : 'ended';
const PHASE_TAG: Record<Phase, { color: string; text: 'uw_pubPlanned' | 'uw_pubRunning' | 'uw_pubEnded' }> = {
  planned: { color: 'blue', text: 'uw_pubPlanned' },
  running: { color: 'processing', text: 'uw_pubRunning' },
  ended: { color: 'gold', text: 'uw_pubEnded' },
};

export interface PublicityCardProps {
  publicity: Publicity;
  onChanged: (publicity: Publicity) => void;
  onOpenApplicant?: ((applicantId: string) => void) | undefined;
}

export function PublicityCard({ publicity, onChanged, onOpenApplicant }: PublicityCardProps) {
  const { t, pick } = useT();
  const { message } = App.useApp();
  const { job, tracker } = useJob(publicityFormsJobKey(publicity.id));
  const [startError, setStartError] = useState<ApiError | null>(null);
  const [preview, setPreview] = useState<GeneratedFile | null>(null);
  const phase = phaseOf(publicity, dayjs().format('YYYY-MM-DD'));
  const isSettled = publicity.members.every((m) => m.outcome !== 'pending');
  const tag = phase === 'ended' && isSettled ? { color: 'success', text: 'uw_pubSettled' as const } : PHASE_TAG[phase];
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

  const print = (file: GeneratedFile) =>
    printPdf(fileUrl(file.sha256)).catch(() => {
      void message.error(t('forms_printFailed'));
    });

  return (
    <Card
      className="uw-pub-card"
      data-testid="uw-pub-card"
      data-publicity={publicity.id}
      title={
        <span className="uw-card-title" id={headingId}>
          {t('uw_pubPeriodShort', { start: publicity.startDate, end: publicity.endDate })}
          <Tag color={tag.color} className="uw-pub-phase">
            {t(tag.text)}
          </Tag>
        </span>
      }
      extra={<Typography.Text type="secondary">{t('uw_pubWorkingDays', { n: publicity.workingDays })}</Typography.Text>}
    >
      <section aria-labelledby={headingId}>
        <Typography.Paragraph type="secondary" className="uw-pub-recorded">
          {t('uw_pubRecordedCount', { done: recorded, n: publicity.members.length })}
          {phase !== 'ended' && ` ${t('uw_pubRecordLater')}`}
        </Typography.Paragraph>
        <ul className="uw-member-list">
          {publicity.members.map((m) => (
            <PublicityMember
              key={m.applicantId}
              publicityId={publicity.id}
              member={m}
              onRecorded={onChanged}
              onOpenApplicant={onOpenApplicant}
            />
          ))}
        </ul>
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
      </section>
      <FilePreview file={preview} title={preview?.fileName ?? ''} onClose={() => setPreview(null)} onPrint={print} />
    </Card>
  );
}
