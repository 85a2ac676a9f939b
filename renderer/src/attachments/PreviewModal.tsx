// One attachment, large: zoom, page by page for a PDF, and the page operations (rotate this page, delete
// it, move it earlier or later). Each operation makes a new version (the original is kept); the preview
// follows the new version.
import {
  ArrowLeftOutlined,
  ArrowRightOutlined,
  DeleteOutlined,
  LeftOutlined,
  RightOutlined,
  RotateRightOutlined,
  ZoomInOutlined,
  ZoomOutOutlined,
} from '@ant-design/icons';
import { App, Button, Modal, Space, Tooltip, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import type { AttachmentView } from '../../../shared/attachments/schema.js';
import { call, fileUrl } from '../api.js';
import { errorText } from '../errors.js';
import { useT } from '../i18n.js';
import { PdfCanvas } from './PdfCanvas.js';

const ZOOMS = [0.5, 0.75, 1, 1.5, 2, 3] as const;
const BASE_WIDTH = 720;

export interface PreviewModalProps {
  attachment: AttachmentView | null;
  onClose: () => void;
  /** A page operation made a new version: show it and reload the list. */
  onChanged: (next: AttachmentView) => void;
}

export function PreviewModal({ attachment, onClose, onChanged }: PreviewModalProps) {
  const { t, lang } = useT();
  const { message } = App.useApp();
  const [zoomIndex, setZoomIndex] = useState(2);
  const [page, setPage] = useState(1);
  const [isBusy, setBusy] = useState(false);
  if (!attachment) return null;
  const zoom = ZOOMS[zoomIndex] ?? 1;
  const pages = attachment.pages;
  const isPdf = attachment.mediaType === 'application/pdf';
  const current = Math.min(page, pages);

  const run = async (op: () => Promise<{ attachment: AttachmentView }>, nextPage: number) => {
    setBusy(true);
    try {
      const result = await op();
      setPage(Math.max(1, Math.min(nextPage, result.attachment.pages)));
      onChanged(result.attachment);
    } catch (e) {
      void message.error(t('actionFailed', { detail: errorText(e, lang) }));
    } finally {
      setBusy(false);
    }
  };
  const id = attachment.id;
  const move = (delta: -1 | 1) => {
    const order = Array.from({ length: pages }, (_, i) => i + 1);
    const target = current - 1 + delta;
    [order[current - 1], order[target]] = [order[target] ?? current, order[current - 1] ?? current];
    void run(() => call('attachments:reorderPages', { attachmentId: id, order }), current + delta);
  };

  const tool = (label: string, icon: ReactNode, onClick: () => void, testId: string, disabled = false) => (
    <Tooltip title={label}>
      <Button icon={icon} aria-label={label} onClick={onClick} disabled={disabled || isBusy} data-testid={testId} />
    </Tooltip>
  );

  return (
    <Modal
      open
      title={attachment.fileName}
      onCancel={onClose}
      footer={null}
      width={Math.min(BASE_WIDTH + 80, window.innerWidth - 48)}
      className="preview-modal"
      data-testid="preview"
    >
      <Space wrap className="preview-tools">
        {tool(t('att_zoomOut'), <ZoomOutOutlined />, () => setZoomIndex(zoomIndex - 1), 'zoom-out', zoomIndex === 0)}
        <Typography.Text aria-live="polite">{Math.round(zoom * 100)}%</Typography.Text>
        {tool(
          t('att_zoomIn'),
          <ZoomInOutlined />,
          () => setZoomIndex(zoomIndex + 1),
          'zoom-in',
          zoomIndex === ZOOMS.length - 1,
        )}
        {pages > 1 && (
          <>
            {tool(t('att_prevPage'), <LeftOutlined />, () => setPage(current - 1), 'page-prev', current <= 1)}
            <Typography.Text aria-live="polite" data-testid="page-indicator">
              {t('att_pageOf', { page: current, n: pages })}
            </Typography.Text>
            {tool(t('att_nextPage'), <RightOutlined />, () => setPage(current + 1), 'page-next', current >= pages)}
          </>
        )}
        {tool(
          pages > 1 ? t('att_rotatePage') : t('att_rotate'),
          <RotateRightOutlined />,
          () =>
            void run(
              () => call('attachments:rotate', { attachmentId: id, degrees: 90, page: pages > 1 ? current : null }),
              current,
            ),
          'preview-rotate',
        )}
        {pages > 1 && (
          <>
            {tool(t('att_movePageEarlier'), <ArrowLeftOutlined />, () => move(-1), 'page-earlier', current <= 1)}
            {tool(t('att_movePageLater'), <ArrowRightOutlined />, () => move(1), 'page-later', current >= pages)}
            {tool(
              t('att_deletePage'),
              <DeleteOutlined />,
              () => void run(() => call('attachments:deletePage', { attachmentId: id, page: current }), current),
              'page-delete',
            )}
          </>
        )}
      </Space>
      <div className="preview-stage" tabIndex={0} aria-label={t('att_previewStage')}>
        {isPdf ? (
          <PdfCanvas
            key={`${attachment.sha256}-${current}`}
            sha256={attachment.sha256}
            page={current}
            width={Math.round(BASE_WIDTH * zoom)}
            label={t('att_pageOf', { page: current, n: pages })}
          />
        ) : (
          <img
            src={fileUrl(attachment.sha256)}
            alt={attachment.fileName}
            style={{ width: Math.round(BASE_WIDTH * zoom), maxWidth: 'none' }}
          />
        )}
      </div>
    </Modal>
  );
}
