// A generated PDF, page by page, drawn by pdf.js from the stored file (the bytes that are printed and
// saved). The keyboard as in the attachments' preview: Esc closes, ← → / PageUp PageDown turn pages,
// + / − zoom, Tab stays inside the dialog. Read-only: a form is changed by changing the archive.
import {
  DownloadOutlined,
  LeftOutlined,
  PrinterOutlined,
  RightOutlined,
  ZoomInOutlined,
  ZoomOutOutlined,
} from '@ant-design/icons';
import { Button, Modal, Space, Tooltip, Typography } from 'antd';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { GeneratedFile } from '../../../shared/api/contract.js';
import { fileUrl } from '../api.js';
import { PdfCanvas } from '../attachments/PdfCanvas.js';
import { useT } from '../i18n.js';

const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2] as const;
const BASE_WIDTH = 720;
const FOCUSABLE =
  'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Tab and Shift+Tab cycle inside the dialog, also past its last element (see PreviewModal). */
function trapTab(e: KeyboardEvent): void {
  const root = document.querySelector('.form-preview-modal');
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

export interface FilePreviewProps {
  file: GeneratedFile | null;
  /** The row's name, e.g. "F-1 专业技术资格评审表". */
  title: string;
  onClose: () => void;
  onPrint: (file: GeneratedFile) => void;
}

export function FilePreview({ file, title, onClose, onPrint }: FilePreviewProps) {
  const { t } = useT();
  const [page, setPage] = useState(1);
  const [zoomIndex, setZoomIndex] = useState(2);
  const stageRef = useRef<HTMLDivElement>(null);
  const keys = useRef<(e: KeyboardEvent) => void>(() => undefined);
  const sha256 = file?.sha256;

  // A new file opens on its first page, with the focus on the page so that the arrows work at once.
  useEffect(() => {
    setPage(1);
    if (sha256) requestAnimationFrame(() => stageRef.current?.focus({ preventScroll: true }));
  }, [sha256]);

  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => keys.current(e);
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  if (!file) {
    keys.current = () => undefined;
    return null;
  }
  const pages = Math.max(1, file.pages);
  const current = Math.min(page, pages);
  const zoom = ZOOMS[zoomIndex] ?? 1;
  const turn = (delta: number) => setPage(Math.max(1, Math.min(current + delta, pages)));
  const zoomTo = (index: number) => setZoomIndex(Math.max(0, Math.min(index, ZOOMS.length - 1)));

  keys.current = (e: KeyboardEvent) => {
    if (e.defaultPrevented || e.isComposing || e.altKey || e.ctrlKey || e.metaKey) return;
    // A dialog opened over the preview (打印 3 份?) has the keys while it is open.
    const active = document.activeElement;
    if (active?.closest('.ant-modal-wrap, .ant-modal') && !active.closest('.form-preview-modal')) return;
    if (e.key === 'Escape') {
      e.preventDefault();
      onClose();
    } else if (e.key === 'Tab') {
      trapTab(e);
    } else if (e.key === 'ArrowLeft' || e.key === 'PageUp' || e.key === 'ArrowRight' || e.key === 'PageDown') {
      e.preventDefault();
      turn(e.key === 'ArrowLeft' || e.key === 'PageUp' ? -1 : 1);
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      setPage(e.key === 'Home' ? 1 : pages);
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
  const pageText = t('att_pageOf', { page: current, n: pages });

  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      // Esc is handled above, from anywhere while the dialog is open.
      keyboard={false}
      footer={null}
      width={Math.min(BASE_WIDTH + 80, window.innerWidth - 48)}
      className="preview-modal form-preview-modal"
    >
      <div data-testid="form-preview">
        <Space wrap className="preview-tools">
          {tool(t('att_prevPage'), <LeftOutlined />, () => turn(-1), 'form-page-prev', current <= 1)}
          <Typography.Text aria-live="polite" data-testid="form-page-indicator">
            {pageText}
          </Typography.Text>
          {tool(t('att_nextPage'), <RightOutlined />, () => turn(1), 'form-page-next', current >= pages)}
          {tool(t('att_zoomOut'), <ZoomOutOutlined />, () => zoomTo(zoomIndex - 1), 'form-zoom-out', zoomIndex === 0)}
          <Typography.Text>{Math.round(zoom * 100)}%</Typography.Text>
          {tool(
            t('att_zoomIn'),
            <ZoomInOutlined />,
            () => zoomTo(zoomIndex + 1),
            'form-zoom-in',
            zoomIndex === ZOOMS.length - 1,
          )}
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
        </Space>
        <div
          ref={stageRef}
          className="preview-stage form-preview-stage"
          tabIndex={0}
          aria-label={t('forms_previewStage', { name: title })}
          data-testid="form-preview-stage"
        >
          <PdfCanvas
            key={`${file.sha256}-${current}`}
            sha256={file.sha256}
            page={current}
            width={Math.round(BASE_WIDTH * zoom)}
            label={`${title}${t('commaSep')}${pageText}`}
          />
        </div>
        <Typography.Text type="secondary" className="preview-keys">
          {t('forms_previewKeys')}
        </Typography.Text>
      </div>
    </Modal>
  );
}
