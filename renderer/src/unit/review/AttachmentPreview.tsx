// One of the applicant's attachments, large and read-only (the unit reviews the scans; it never rotates or
// cuts them — a change would no longer be what the applicant signed). Built from the attachments screen's
// pieces (the page viewer, PdfCanvas, the stored-file route); the keyboard as there: Esc closes, ← → /
// PageUp PageDown turn pages, + / − zoom, Tab stays inside the dialog.
import { DownloadOutlined } from '@ant-design/icons';
import { Button, Typography } from 'antd';
import type { AttachmentView } from '../../../../shared/attachments/schema.js';
import { fileUrl } from '../../api.js';
import { PageViewerDialog, PageViewerStage, PageViewerToolbar } from '../../attachments/PageViewer.js';
import '../../attachments/attachments.css';
import { usePageViewer } from '../../attachments/usePageViewer.js';
import { useT } from '../../i18n.js';

/** What the preview needs of a file: an attachment held now, or a scan of an older revision (RevisionFile). */
export type PreviewFile = Pick<AttachmentView, 'sha256' | 'fileName' | 'mediaType' | 'pages'>;

export interface AttachmentPreviewProps {
  attachment: PreviewFile | null;
  /** What it proves, e.g. "毕业证书：浙江大学 大学本科". */
  caption: string;
  onClose: () => void;
}

export function AttachmentPreview({ attachment, caption, onClose }: AttachmentPreviewProps) {
  const { t } = useT();
  const viewer = usePageViewer({
    open: attachment !== null,
    fileKey: attachment?.sha256,
    pages: attachment?.pages ?? 1,
    dialog: '.uw-preview-modal',
    onClose,
    arrowsOnOnePage: true,
  });

  if (!attachment) return null;
  const pageText = t('att_pageOf', { page: viewer.page, n: viewer.pages });

  return (
    <PageViewerDialog
      title={attachment.fileName}
      onClose={onClose}
      className="preview-modal uw-preview-modal"
      keysHint={t('att_previewKeys')}
      bodyTestId="uw-preview"
    >
      <Typography.Paragraph type="secondary" className="uw-preview-caption">
        {caption}
      </Typography.Paragraph>
      <PageViewerToolbar viewer={viewer} testIdPrefix="uw-">
        <Button
          icon={<DownloadOutlined />}
          href={fileUrl(attachment.sha256)}
          download={attachment.fileName}
          data-testid="uw-preview-save"
        >
          {t('uw_saveFile')}
        </Button>
      </PageViewerToolbar>
      <PageViewerStage
        viewer={viewer}
        sha256={attachment.sha256}
        isPdf={attachment.mediaType === 'application/pdf'}
        alt={attachment.fileName}
        pageLabel={`${attachment.fileName}${t('commaSep')}${pageText}`}
        label={t('att_previewStage')}
        testId="uw-preview-stage"
      />
    </PageViewerDialog>
  );
}
