// One attachment, large: zoom, page by page for a PDF, and the page operations (rotate this page, delete
// it, move it earlier or later). Each operation makes a new version (the original is kept); the preview
// follows the new version. The keyboard: Esc closes (always: focus is kept inside the dialog after every
// action), ← → / PageUp PageDown turn pages, + / − zoom, Tab stays inside.
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
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { AttachmentView } from '../../../shared/attachments/schema.js';
import { call, fileUrl } from '../api.js';
import { errorText } from '../errors.js';
import { useT } from '../i18n.js';
import { PdfCanvas } from './PdfCanvas.js';

const ZOOMS = [0.5, 0.75, 1, 1.5, 2, 3] as const;
const BASE_WIDTH = 720;

const FOCUSABLE =
  'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * Tab and Shift+Tab cycle inside the dialog: the focus lock of the dialog brings focus back only when it
 * lands on another element of the page, not when Tab leaves the last element for the browser's own UI.
 */
function trapTab(e: KeyboardEvent): void {
  const root = document.querySelector('.preview-modal');
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

/** Keys typed into a field are the field's, not the preview's. */
const isTextField = (el: EventTarget | null): boolean =>
  el instanceof HTMLElement &&
  (el.isContentEditable ||
    el.tagName === 'TEXTAREA' ||
    el.tagName === 'SELECT' ||
    (el.tagName === 'INPUT' && !['checkbox', 'radio', 'button'].includes((el as HTMLInputElement).type)));

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
  const bodyRef = useRef<HTMLDivElement>(null);
  const stageRef = useRef<HTMLDivElement>(null);
  // The tool last used (its test id): focus goes back to it after an operation when it is still enabled.
  const lastTool = useRef<string | null>(null);
  // The latest state for the window's key handler.
  const keys = useRef<(e: KeyboardEvent) => void>(() => undefined);

  // Keep focus inside the dialog: a tool that became disabled (first/last page, busy) or disappeared (the
  // page tools of a one-page file) would leave it on <body>, where Esc and Tab no longer reach the dialog.
  useEffect(() => {
    const root = bodyRef.current?.closest('.ant-modal') ?? null;
    if (!root) return;
    const active = document.activeElement;
    const isLost = !active || !root.contains(active) || (active instanceof HTMLButtonElement && active.disabled);
    if (isBusy) {
      if (isLost) stageRef.current?.focus({ preventScroll: true });
      return;
    }
    const back = lastTool.current
      ? root.querySelector<HTMLButtonElement>(`[data-testid="${lastTool.current}"]:not([disabled])`)
      : null;
    lastTool.current = null;
    if (back && (isLost || active === stageRef.current)) back.focus({ preventScroll: true });
    else if (isLost) stageRef.current?.focus({ preventScroll: true });
  });

  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => keys.current(e);
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  if (!attachment) return null;
  const zoom = ZOOMS[zoomIndex] ?? 1;
  const pages = attachment.pages;
  const isPdf = attachment.mediaType === 'application/pdf';
  const current = Math.min(page, pages);

  const remember = () => {
    const id = document.activeElement?.getAttribute('data-testid');
    lastTool.current = id && bodyRef.current?.contains(document.activeElement) ? id : null;
  };

  const run = async (op: () => Promise<{ attachment: AttachmentView }>, nextPage: number) => {
    remember();
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

  const goTo = (next: number) => {
    remember();
    setPage(Math.max(1, Math.min(next, pages)));
  };
  const zoomTo = (next: number) => {
    remember();
    setZoomIndex(Math.max(0, Math.min(next, ZOOMS.length - 1)));
  };

  keys.current = (e: KeyboardEvent) => {
    if (e.defaultPrevented || e.isComposing || e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === 'Escape') {
      e.preventDefault();
      onClose();
      return;
    }
    if (e.key === 'Tab') {
      trapTab(e);
      return;
    }
    if (isTextField(e.target)) return;
    const turn = { ArrowLeft: -1, PageUp: -1, ArrowRight: 1, PageDown: 1 }[e.key];
    if (turn && pages > 1) {
      e.preventDefault();
      lastTool.current = null;
      setPage(Math.max(1, Math.min(current + turn, pages)));
    } else if (e.key === '+' || e.key === '=') {
      e.preventDefault();
      setZoomIndex(Math.min(zoomIndex + 1, ZOOMS.length - 1));
    } else if (e.key === '-' || e.key === '−' || e.key === '_') {
      e.preventDefault();
      setZoomIndex(Math.max(zoomIndex - 1, 0));
    }
  };

  const tool = (label: string, icon: ReactNode, onClick: () => void, testId: string, disabled = false) => (
    <Tooltip title={label}>
      <Button icon={icon} aria-label={label} onClick={onClick} disabled={disabled || isBusy} data-testid={testId} />
    </Tooltip>
  );
  /** A page-moving tool: with its words, so it is not mistaken for turning the page (‹ ›). */
  const moveTool = (label: string, tip: string, icon: ReactNode, delta: -1 | 1, testId: string, disabled: boolean) => (
    <Tooltip title={tip}>
      <Button
        icon={icon}
        aria-label={label}
        onClick={() => move(delta)}
        disabled={disabled || isBusy}
        data-testid={testId}
      >
        {label}
      </Button>
    </Tooltip>
  );

  return (
    <Modal
      open
      title={attachment.fileName}
      onCancel={onClose}
      // Esc is handled below, from anywhere while the dialog is open.
      keyboard={false}
      focusTriggerAfterClose={false}
      footer={null}
      width={Math.min(BASE_WIDTH + 80, window.innerWidth - 48)}
      className="preview-modal"
      data-testid="preview"
    >
      <div ref={bodyRef}>
        <Space wrap className="preview-tools">
          {tool(t('att_zoomOut'), <ZoomOutOutlined />, () => zoomTo(zoomIndex - 1), 'zoom-out', zoomIndex === 0)}
          <Typography.Text aria-live="polite">{Math.round(zoom * 100)}%</Typography.Text>
          {tool(
            t('att_zoomIn'),
            <ZoomInOutlined />,
            () => zoomTo(zoomIndex + 1),
            'zoom-in',
            zoomIndex === ZOOMS.length - 1,
          )}
          {pages > 1 && (
            <>
              {tool(t('att_prevPage'), <LeftOutlined />, () => goTo(current - 1), 'page-prev', current <= 1)}
              <Typography.Text aria-live="polite" data-testid="page-indicator">
                {t('att_pageOf', { page: current, n: pages })}
              </Typography.Text>
              {tool(t('att_nextPage'), <RightOutlined />, () => goTo(current + 1), 'page-next', current >= pages)}
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
              {moveTool(
                t('att_movePageEarlier'),
                t('att_movePageEarlierTip'),
                <ArrowLeftOutlined />,
                -1,
                'page-earlier',
                current <= 1,
              )}
              {moveTool(
                t('att_movePageLater'),
                t('att_movePageLaterTip'),
                <ArrowRightOutlined />,
                1,
                'page-later',
                current >= pages,
              )}
              {tool(
                t('att_deletePage'),
                <DeleteOutlined />,
                () => void run(() => call('attachments:deletePage', { attachmentId: id, page: current }), current),
                'page-delete',
              )}
            </>
          )}
        </Space>
        <div
          ref={stageRef}
          className="preview-stage"
          tabIndex={0}
          aria-label={t('att_previewStage')}
          data-testid="preview-stage"
        >
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
        <Typography.Text type="secondary" className="preview-keys">
          {t('att_previewKeys')}
        </Typography.Text>
      </div>
    </Modal>
  );
}
