// One of the applicant's attachments, large and read-only (the unit reviews the scans; it never rotates or
// cuts them — a change would no longer be what the applicant signed). Built from the attachments screen's
// pieces (PdfCanvas, the stored-file route); the keyboard as there: Esc closes, ← → / PageUp PageDown turn
// pages, + / − zoom, Tab stays inside the dialog.
import { DownloadOutlined, LeftOutlined, RightOutlined, ZoomInOutlined, ZoomOutOutlined } from '@ant-design/icons';
import { Button, Modal, Space, Tooltip, Typography } from 'antd';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { AttachmentView } from '../../../../shared/attachments/schema.js';
import { fileUrl } from '../../api.js';
import { PdfCanvas } from '../../attachments/PdfCanvas.js';
import '../../attachments/attachments.css';
import { useT } from '../../i18n.js';

const ZOOMS = [0.5, 0.75, 1, 1.5, 2, 3] as const;
const BASE_WIDTH = 720;
const FOCUSABLE =
  'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Tab and Shift+Tab cycle inside the dialog, also past its last element (as the attachments' preview). */
function trapTab(e: KeyboardEvent): void {
  const root = document.querySelector('.uw-preview-modal');
  if (!root) return;
  const list = [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.getClientRects().length > 0);
  const first = list[0];
  const last = list[list.length - 1];
  if (!first || !last) return;
  const active = document.activeElement;
  if (!active || !root.contains(active)) {
    e.preventDefault();
    (e.shiftKey ? last : first).focus();
  } else if (!e.shiftKey && active === last) {
    e.preventDefault();
    first.focus();
  } else if (e.shiftKey && active === first) {
    e.preventDefault();
    last.focus();
  }
}

export interface AttachmentPreviewProps {
  attachment: AttachmentView | null;
  /** What it proves, e.g. "毕业证书：浙江大学 大学本科". */
  caption: string;
  onClose: () => void;
}

export function AttachmentPreview({ attachment, caption, onClose }: AttachmentPreviewProps) {
  const { t } = useT();
  const [page, setPage] = useState(1);
  const [zoomIndex, setZoomIndex] = useState(2);
  const stageRef = useRef<HTMLDivElement>(null);
  const keys = useRef<(e: KeyboardEvent) => void>(() => undefined);
  const sha256 = attachment?.sha256;

  // A new file opens on its first page with the focus on it, so that the arrows work at once.
  useEffect(() => {
    setPage(1);
    if (sha256) requestAnimationFrame(() => stageRef.current?.focus({ preventScroll: true }));
  }, [sha256]);

  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => keys.current(e);
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  if (!attachment) {
    keys.current = () => undefined;
    return null;
  }
  const pages = Math.max(1, attachment.pages);
  const current = Math.min(page, pages);
  const zoom = ZOOMS[zoomIndex] ?? 1;
  const turn = (delta: number) => setPage(Math.max(1, Math.min(current + delta, pages)));
  const zoomTo = (index: number) => setZoomIndex(Math.max(0, Math.min(index, ZOOMS.length - 1)));
  const pageText = t('att_pageOf', { page: current, n: pages });

  keys.current = (e: KeyboardEvent) => {
    if (e.defaultPrevented || e.isComposing || e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === 'Escape') {
      e.preventDefault();
      onClose();
    } else if (e.key === 'Tab') {
      trapTab(e);
    } else if (e.key === 'ArrowLeft' || e.key === 'PageUp' || e.key === 'ArrowRight' || e.key === 'PageDown') {
      e.preventDefault();
      turn(e.key === 'ArrowLeft' || e.key === 'PageUp' ? -1 : 1);
    } else if (e.key === '+' || e.key === '=') {
      e.preventDefault();
      zoomTo(zoomIndex + 1);
    } else if (e.key === '-' || e.key === '−' || e.key === '_') {
      e.preventDefault();
      zoomTo(zoomIndex - 1);
    }
  };

  const tool = (label: string, icon: ReactNode, onClick: () => void, testId: string, disabled: boolean) => (
    <Tooltip title={label}>
      <Button icon={icon} aria-label={label} onClick={onClick} disabled={disabled} data-testid={testId} />
    </Tooltip>
  );

  return (
    <Modal
      open
      title={attachment.fileName}
      onCancel={onClose}
      // Esc is handled above, from anywhere while the dialog is open.
      keyboard={false}
      footer={null}
      width={Math.min(BASE_WIDTH + 80, window.innerWidth - 48)}
      className="preview-modal uw-preview-modal"
    >
      <div data-testid="uw-preview">
        <Typography.Paragraph type="secondary" className="uw-preview-caption">
          {caption}
        </Typography.Paragraph>
        <Space wrap className="preview-tools">
          {tool(t('att_zoomOut'), <ZoomOutOutlined />, () => zoomTo(zoomIndex - 1), 'uw-zoom-out', zoomIndex === 0)}
          <Typography.Text>{Math.round(zoom * 100)}%</Typography.Text>
          {tool(
            t('att_zoomIn'),
            <ZoomInOutlined />,
            () => zoomTo(zoomIndex + 1),
            'uw-zoom-in',
            zoomIndex === ZOOMS.length - 1,
          )}
          {pages > 1 && (
            <>
              {tool(t('att_prevPage'), <LeftOutlined />, () => turn(-1), 'uw-page-prev', current <= 1)}
              <Typography.Text aria-live="polite" data-testid="uw-page-indicator">
                {pageText}
              </Typography.Text>
              {tool(t('att_nextPage'), <RightOutlined />, () => turn(1), 'uw-page-next', current >= pages)}
            </>
          )}
          <Button
            icon={<DownloadOutlined />}
            href={fileUrl(attachment.sha256)}
            download={attachment.fileName}
            data-testid="uw-preview-save"
          >
            {t('uw_saveFile')}
          </Button>
        </Space>
        <div
          ref={stageRef}
          className="preview-stage"
          tabIndex={0}
          aria-label={t('att_previewStage')}
          data-testid="uw-preview-stage"
        >
          {attachment.mediaType === 'application/pdf' ? (
            <PdfCanvas
              key={`${attachment.sha256}-${current}`}
              sha256={attachment.sha256}
              page={current}
              width={Math.round(BASE_WIDTH * zoom)}
              label={`${attachment.fileName}${t('commaSep')}${pageText}`}
            />
          ) : (
            <img
              src={fileUrl(attachment.sha256)}
              alt={attachment.fileName}
              style={{ width: Math.round(BASE_WIDTH * zoom), maxWidth: 'none' }}
            />
          )}
        </div>
        <Typography.Text type="secondary" className="preview-keys">
          {t('att_previewKeys')}
        </Typography.Text>
      </div>
    </Modal>
  );
}
