// 打印 F-4 on the unit's 岗位信息表 screen (issue 19, item 5; N-14, M-12): the unit's sheet made from its saved
// figures (unit:f4), previewed in the forms' preview, printed from a hidden frame and downloaded as the very
// PDF — at any time, so it can go to the competent department for its seal before the batch. What the
// sheet will be is said as the figures are typed (postInfoDraftReason, the rule the core prints by):
// marked 草稿 and why, or complete. Unsaved edits are saved first, so the paper is what the workspace holds
// (and what `dossier forms` and the batch use); a save that fails makes nothing.
import { DownloadOutlined, EyeOutlined, FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Space, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { ApiError, GeneratedFile } from '../../../shared/api/contract.js';
import { postInfoDraftReason, type PostInfo } from '../../../shared/forms/postInfo.js';
import { call, fileUrl } from '../api.js';
import { formatBytes } from '../attachments/linkText.js';
import { FilePreview } from '../forms/FilePreview.js';
import { printPdf, removePrintFrame } from '../forms/print.js';
import { useT } from '../i18n.js';
import { asApiError } from '../jobs/tracker.js';

export interface UnitF4PrintProps {
  /** The figures as typed (the screen's draft, read): what the sheet will say once saved. */
  info: PostInfo;
  unsaved: boolean;
  /** Saves the screen's draft; false when it could not (the screen shows why at the fields). */
  save: () => Promise<boolean>;
}

type Busy = 'preview' | 'print' | null;

export function UnitF4Print({ info, unsaved, save }: UnitF4PrintProps) {
  const { t, pick } = useT();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<Busy>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [notSaved, setNotSaved] = useState(false);
  const [file, setFile] = useState<GeneratedFile | null>(null);
  const [preview, setPreview] = useState<GeneratedFile | null>(null);
  const reason = useMemo(() => postInfoDraftReason(info), [info]);
  useEffect(() => removePrintFrame, []);

  /** The sheet from the saved figures (saving the edits first), or null when it could not be made. */
  const make = async (): Promise<GeneratedFile | null> => {
    setError(null);
    setNotSaved(false);
    if (unsaved && !(await save())) {
      setNotSaved(true);
      return null;
    }
    try {
      const made = await call('unit:f4', {});
      setFile(made.file);
      return made.file;
    } catch (e) {
      setError(asApiError(e));
      return null;
    }
  };
  const run = async (what: Exclude<Busy, null>) => {
    setBusy(what);
    try {
      const made = await make();
      if (!made) return;
      if (what === 'preview') setPreview(made);
      else await print(made);
    } finally {
      setBusy(null);
    }
  };
  const print = (made: GeneratedFile) =>
    printPdf(fileUrl(made.sha256)).catch(() => {
      void message.error(t('forms_printFailed'));
    });

  return (
    <Card
      className="unit-f4-print"
      data-testid="unit-f4-print"
      title={
        <span className="uw-card-title">
          <FilePdfOutlined aria-hidden /> {t('unit_f4Heading')}
        </span>
      }
    >
      <Typography.Paragraph type="secondary">{t('unit_f4Text')}</Typography.Paragraph>
      <div aria-live="polite">
        {reason ? (
          <Alert
            type="warning"
            showIcon
            className="unit-f4-state"
            data-testid="unit-f4-state"
            data-draft="true"
            title={t('unit_f4Draft')}
            description={t('unit_f4DraftText', { reason: pick(reason) })}
          />
        ) : (
          <Alert
            type="success"
            showIcon
            className="unit-f4-state"
            data-testid="unit-f4-state"
            data-draft="false"
            title={t('unit_f4Complete')}
          />
        )}
      </div>
      {unsaved && (
        <Typography.Paragraph type="warning" className="unit-f4-note" data-testid="unit-f4-unsaved">
          {t('unit_f4Unsaved')}
        </Typography.Paragraph>
      )}
      <Space wrap>
        <Button
          type="primary"
          icon={<EyeOutlined />}
          loading={busy === 'preview'}
          disabled={busy !== null}
          onClick={() => void run('preview')}
          data-testid="unit-f4-preview"
        >
          {t('unit_f4Preview')}
        </Button>
        <Button
          icon={<PrinterOutlined />}
          loading={busy === 'print'}
          disabled={busy !== null}
          onClick={() => void run('print')}
          data-testid="unit-f4-print-button"
        >
          {t('unit_f4Print')}
        </Button>
        {/* The last sheet made, while it is still what the screen holds. */}
        {file && !unsaved && (
          <Button
            icon={<DownloadOutlined />}
            href={fileUrl(file.sha256)}
            download={file.fileName}
            aria-label={t('pkg_downloadOf', { name: file.fileName })}
            data-testid="unit-f4-download"
          >
            {t('pkg_download')}
          </Button>
        )}
      </Space>
      <div aria-live="polite">
        {file && !unsaved && !error && !notSaved && (
          <Typography.Paragraph type="secondary" className="unit-f4-note" data-testid="unit-f4-made">
            {t('unit_f4Made', {
              name: file.fileName,
              pages: `${t('uw_pages', { n: file.pages })} · ${formatBytes(file.size)}`,
            })}
          </Typography.Paragraph>
        )}
        {notSaved && (
          <Alert
            type="error"
            showIcon
            className="unit-f4-note"
            data-testid="unit-f4-error"
            title={t('unit_f4NotSaved')}
          />
        )}
        {error && (
          <Alert
            type="error"
            showIcon
            className="unit-f4-note"
            data-testid="unit-f4-error"
            title={pick(error.message)}
          />
        )}
      </div>
      <FilePreview
        file={preview}
        title={preview?.fileName ?? ''}
        onClose={() => setPreview(null)}
        onPrint={(f) => void print(f)}
      />
    </Card>
  );
}
