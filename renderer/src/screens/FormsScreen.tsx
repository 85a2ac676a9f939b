// 打印表格 (issue 5): the official forms made from the archive (F-1 in three copies, F-3, F-4, M-2, M-3, M-8 and
// the material index) and one merged, upload-ready PDF per material. Each row says whether it applies (or
// why not), the state of its file, characters that no font has, and what stopped it, with a link to where
// that is fixed. Files are made by a job in the core (progress, 取消), previewed with pdf.js, printed from
// a hidden frame and saved as the very PDF that was generated. The archive fingerprint at the top is the
// one printed in every footer: it ties the paper to the electronic package.
import { FileProtectOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Result, Spin, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ApiError, GeneratedFile } from '../../../shared/api/contract.js';
import { ApiFailure, ATTACHMENTS_CHANGED, call, fileUrl } from '../api.js';
import '../attachments/attachments.css';
import { ScreenFrame } from '../components/ScreenFrame.js';
import { useEditor } from '../editorContext.js';
import { useEligibility } from '../eligibility/context.js';
import { FilePreview } from '../forms/FilePreview.js';
import { isRunning, useFormsJob } from '../forms/formsJob.js';
import '../forms/forms.css';
import { JobPanel } from '../forms/JobPanel.js';
import { OutputRowItem, rowName } from '../forms/OutputRowItem.js';
import {
  fixOf,
  formRow,
  generateAllKeys,
  isMaterialListed,
  materialRow,
  rowOfError,
  rowView,
  shortFingerprint,
  stoppedAt,
  type OutputRow,
} from '../forms/outputs.js';
import { printPdf, removePrintFrame } from '../forms/print.js';
import { useT } from '../i18n.js';

type ListState =
  | { kind: 'loading' }
  | { kind: 'failed'; error: ApiError }
  | { kind: 'ready'; fingerprint: string; forms: OutputRow[]; materials: OutputRow[] };

const asApiError = (e: unknown): ApiError =>
  e instanceof ApiFailure
    ? e.error
    : { code: 'internal', message: { zh: String(e), en: e instanceof Error ? e.message : String(e) } };

export function FormsScreen({ applicantId }: { applicantId: string }) {
  const { t, pick } = useT();
  const { ops } = useEditor();
  const drain = ops.drain;
  const { follow } = useEligibility();
  const { modal, message } = App.useApp();
  const { job, tracker } = useFormsJob(applicantId);
  const [list, setList] = useState<ListState>({ kind: 'loading' });
  // A refusal of forms:start (before any job existed), with the keys it was asked for.
  const [startError, setStartError] = useState<{ error: ApiError; keys: string[] } | null>(null);
  const [preview, setPreview] = useState<{ row: OutputRow; file: GeneratedFile } | null>(null);
  const loads = useRef(0);

  /** Reads the list; `quiet` keeps the rows on screen while it does (after a job, an upload). */
  const load = useCallback(
    async (quiet = false) => {
      const n = ++loads.current;
      if (!quiet) setList({ kind: 'loading' });
      try {
        // Edits of the last second are saved first: the list (and 已过期) must describe the archive as typed.
        await drain();
        const value = await call('forms:list', { applicantId });
        if (n !== loads.current) return;
        setList({
          kind: 'ready',
          fingerprint: value.fingerprint,
          forms: value.forms.map(formRow),
          materials: value.materials.map(materialRow).filter(isMaterialListed),
        });
      } catch (e) {
        if (n !== loads.current) return;
        // A failed quiet reload keeps the rows it had; only a first load shows the failure.
        setList((old) => (quiet && old.kind === 'ready' ? old : { kind: 'failed', error: asApiError(e) }));
      }
    },
    [applicantId, drain],
  );

  useEffect(() => {
    void load();
    const onChanged = () => void load(true);
    window.addEventListener(ATTACHMENTS_CHANGED, onChanged);
    return () => window.removeEventListener(ATTACHMENTS_CHANGED, onChanged);
  }, [load]);
  useEffect(() => removePrintFrame, []);

  // When a job ends (here or while the screen was closed), the list is read again: files, 已过期, sizes.
  // Until then the rows show the files the job reports; afterwards the list alone (it knows 已过期).
  const [listedAfter, setListedAfter] = useState<string | null>(null);
  const endedJob = job && !isRunning(job) ? job.jobId : null;
  useEffect(() => {
    if (endedJob) void load(true).then(() => setListedAfter(endedJob));
  }, [endedJob, load]);

  const rows = useMemo(() => (list.kind === 'ready' ? [...list.forms, ...list.materials] : []), [list]);
  const nameOf = useCallback(
    (key: string) => {
      const row = rows.find((r) => r.key === key);
      return row ? rowName(row, pick, t('forms_indexTag')) : key;
    },
    [rows, pick, t],
  );

  if (list.kind === 'loading') {
    return (
      <ScreenFrame screen="forms">
        <div className="center-fill">
          <Spin description={t('loading')} />
        </div>
      </ScreenFrame>
    );
  }
  if (list.kind === 'failed') {
    return (
      <ScreenFrame screen="forms">
        <Result
          status="error"
          title={t('loadFailed')}
          subTitle={pick(list.error.message)}
          extra={<Button onClick={() => void load()}>{t('tryAgain')}</Button>}
        />
      </ScreenFrame>
    );
  }

  const running = isRunning(job);
  const jobKeys = job?.keys ?? [];
  const status = job?.status ?? null;
  const overlay = job && job.jobId !== listedAfter ? status : null;
  // Errors beside the row that caused them; what names no row goes above the list.
  const failed = !running && status?.state === 'failed' ? status.error : null;
  const errors = [
    ...(startError ? [{ error: startError.error, key: rowOfError(startError.error, startError.keys) }] : []),
    ...(failed && status
      ? [{ error: failed, key: rowOfError(failed, jobKeys, stoppedAt(jobKeys, status.files)) }]
      : []),
  ];
  const rowErrors = new Map(errors.flatMap(({ key, error }) => (key ? [[key, error] as const] : [])));
  const generalError = errors.find(({ key }) => key === null)?.error ?? null;
  const allKeys = generateAllKeys(rows);

  const generate = async (keys: string[]) => {
    setStartError(null);
    tracker.dismiss();
    try {
      await drain();
      await tracker.start(keys);
    } catch (e) {
      setStartError({ error: asApiError(e), keys });
    }
  };

  const print = (row: OutputRow, file: GeneratedFile) => {
    const go = () =>
      printPdf(fileUrl(file.sha256)).catch(() => {
        void message.error(t('forms_printFailed'));
      });
    if (row.copies > 1) {
      // F-1 goes on paper in three copies (N-9): the print dialog's copies field is the user's to set.
      void modal.confirm({
        title: t('forms_printCopiesTitle', { n: row.copies }),
        content: t('forms_printCopiesText', { n: row.copies }),
        okText: t('forms_printNow'),
        cancelText: t('cancel'),
        onOk: () => void go(),
      });
    } else void go();
  };

  const renderRows = (items: OutputRow[]) =>
    items.map((row) => {
      const view = rowView(row, overlay, jobKeys);
      const error = rowErrors.get(row.key) ?? null;
      return (
        <OutputRowItem
          key={row.key}
          row={row}
          state={view.state}
          file={view.file}
          error={error}
          fix={fixOf(row, error)}
          isBusy={running}
          onGenerate={(r) => void generate([r.key])}
          onPreview={(r, file) => setPreview({ row: r, file })}
          onPrint={print}
          onFollow={follow}
        />
      );
    });

  return (
    <ScreenFrame screen="forms">
      <Card size="small" className="forms-fingerprint" data-testid="forms-fingerprint">
        <div className="forms-fingerprint-line">
          <FileProtectOutlined className="forms-fingerprint-icon" aria-hidden />
          <Typography.Text strong>{t('forms_fingerprintLabel')}</Typography.Text>
          <Typography.Text code className="forms-fingerprint-value" data-testid="forms-fingerprint-value">
            {shortFingerprint(list.fingerprint)}
          </Typography.Text>
        </div>
        <Typography.Paragraph type="secondary" className="forms-fingerprint-text">
          {t('forms_fingerprintText')}
        </Typography.Paragraph>
      </Card>

      <div className="forms-toolbar">
        <Button
          type="primary"
          size="large"
          icon={<ThunderboltOutlined />}
          disabled={running || allKeys.length === 0}
          onClick={() => void generate(allKeys)}
          data-testid="forms-generate-all"
        >
          {t('forms_generateAll')}
        </Button>
        <Typography.Text type="secondary">{t('forms_generateAllHint', { n: allKeys.length })}</Typography.Text>
      </div>

      <JobPanel job={job} nameOf={nameOf} onCancel={() => void tracker.cancel()} onDismiss={() => tracker.dismiss()} />
      {generalError && (
        <Alert
          type="error"
          showIcon
          role="alert"
          className="forms-general-error"
          data-testid="forms-general-error"
          title={pick(generalError.message)}
          description={
            generalError.issues?.length ? (
              <ul className="forms-issues">
                {generalError.issues.map((issue, i) => (
                  <li key={i}>{`${issue.path}: ${pick(issue.message)}`}</li>
                ))}
              </ul>
            ) : undefined
          }
        />
      )}

      <section aria-labelledby="forms-forms-heading" className="forms-section">
        <Typography.Title level={2} id="forms-forms-heading" className="forms-heading">
          {t('forms_formsHeading')}
        </Typography.Title>
        <ol className="forms-list" data-testid="forms-forms">
          {renderRows(list.forms)}
        </ol>
      </section>

      <section aria-labelledby="forms-materials-heading" className="forms-section">
        <Typography.Title level={2} id="forms-materials-heading" className="forms-heading">
          {t('forms_materialsHeading')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('forms_materialsIntro')}</Typography.Paragraph>
        {list.materials.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('forms_noMaterials')} />
        ) : (
          <ol className="forms-list" data-testid="forms-materials">
            {renderRows(list.materials)}
          </ol>
        )}
      </section>

      <FilePreview
        file={preview?.file ?? null}
        title={preview ? rowName(preview.row, pick, t('forms_indexTag')) : ''}
        onClose={() => setPreview(null)}
        onPrint={(file) => preview && print(preview.row, file)}
      />
    </ScreenFrame>
  );
}
