// A generated PDF, page by page, drawn by pdf.js from the stored file (the bytes that are printed and
// saved). The keyboard as in the attachments' preview: Esc closes, ← → / PageUp PageDown turn pages,
// + / − zoom, Tab stays inside the dialog. Read-only: a form is changed by changing the archive.
import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import type { GeneratedFile } from '../../../shared/api/contract.js';
import { fileUrl } from '../api.js';
import { PageViewerDialog, PageViewerStage, PageViewerToolbar } from '../attachments/PageViewer.js';
import { usePageViewer } from '../attachments/usePageViewer.js';
import { useT } from '../i18n.js';

/** The forms' preview has its own steps, finer and only up to 200 %. */
const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2] as const;

export interface FilePreviewProps {
  file: GeneratedFile | null;
  /** The row's name, e.g. "F-1 专业技术资格评审表". */
  title: string;
  onClose: () => void;
  onPrint: (file: GeneratedFile) => void;
}

export function FilePreview({ file, title, onClose, onPrint }: FilePreviewProps) {
  const { t } = useT();
  const viewer = usePageViewer({
    open: file !== null,
    fileKey: file?.sha256,
    pages: file?.pages ?? 1,
    dialog: '.form-preview-modal',
    onClose,
    zooms: ZOOMS,
    homeEnd: true,
    arrowsOnOnePage: true,
    yieldToDialogs: true,
  });

  if (!file) return null;
  const pageText = t('att_pageOf', { page: viewer.page, n: viewer.pages });

  return (
    <PageViewerDialog
      title={title}
      onClose={onClose}
      className="preview-modal form-preview-modal"
      keysHint={t('forms_previewKeys')}
      bodyTestId="form-preview"
    >
      <PageViewerToolbar viewer={viewer} testIdPrefix="form-" pagesFirst>
        <Button icon={<PrinterOutlined />} onClick={() => onPrint(file)} data-testid="form-preview-print">
          {t('forms_print')}
        </Button>
        <Button
          icon={<DownloadOutlined />}
          href={fileUrl(file.sha256)}
          download={file.fileName}
          data-testid="form-preview-save"
        >
          {t('forms_save')}
        </Button>
      </PageViewerToolbar>
      <PageViewerStage
        viewer={viewer}
        sha256={file.sha256}
        isPdf
        alt={title}
        pageLabel={`${title}${t('commaSep')}${pageText}`}
        label={t('forms_previewStage', { name: title })}
        testId="form-preview-stage"
        className="preview-stage form-preview-stage"
      />
    </PageViewerDialog>
  );
}
