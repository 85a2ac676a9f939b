// One attachment, large: zoom, page by page for a PDF, and the page operations (rotate this page, delete
// it, move it earlier or later). Each operation makes a new version (the original is kept); the preview
// follows the new version. The keyboard: Esc closes (always: focus is kept inside the dialog after every
// action), ← → / PageUp PageDown turn pages, + / − zoom, Tab stays inside.
import { ArrowLeftOutlined, ArrowRightOutlined, DeleteOutlined, RotateRightOutlined } from '@ant-design/icons';
import { App, Button, Tooltip } from 'antd';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { AttachmentView } from '../../../shared/attachments/schema.js';
import { call } from '../api.js';
import { errorText } from '../errors.js';
import { useT } from '../i18n.js';
import { PageViewerDialog, PageViewerStage, PageViewerToolbar, ViewerTool } from './PageViewer.js';
import { usePageViewer } from './usePageViewer.js';

export interface PreviewModalProps {
  attachment: AttachmentView | null;
  onClose: () => void;
  /** A page operation made a new version: show it and reload the list. */
  onChanged: (next: AttachmentView) => void;
}

export function PreviewModal({ attachment, onClose, onChanged }: PreviewModalProps) {
  const { t, lang } = useT();
  const { message } = App.useApp();
  const [isBusy, setBusy] = useState(false);
  const bodyRef = useRef<HTMLDivElement>(null);
  // The tool last used (its test id): focus goes back to it after an operation when it is still enabled.
  const lastTool = useRef<string | null>(null);
  const viewer = usePageViewer({
    open: attachment !== null,
    pages: attachment?.pages ?? 1,
    dialog: '.preview-modal',
    onClose,
    // A page turned by key is not a tool's action: focus stays where the keys are.
    onKeyTurn: () => {
      lastTool.current = null;
    },
  });
  const { stageRef, setPage } = viewer;

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

  if (!attachment) return null;
  const { page: current, pages } = viewer;

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
    <PageViewerDialog
      title={attachment.fileName}
      onClose={onClose}
      focusTriggerAfterClose={false}
      className="preview-modal"
      data-testid="preview"
      keysHint={t('att_previewKeys')}
      bodyRef={bodyRef}
    >
      <PageViewerToolbar viewer={viewer} busy={isBusy} onTool={remember}>
        <ViewerTool
          label={pages > 1 ? t('att_rotatePage') : t('att_rotate')}
          icon={<RotateRightOutlined />}
          onClick={() =>
            void run(
              () => call('attachments:rotate', { attachmentId: id, degrees: 90, page: pages > 1 ? current : null }),
              current,
            )
          }
          testId="preview-rotate"
          disabled={isBusy}
        />
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
            <ViewerTool
              label={t('att_deletePage')}
              icon={<DeleteOutlined />}
              onClick={() =>
                void run(() => call('attachments:deletePage', { attachmentId: id, page: current }), current)
              }
              testId="page-delete"
              disabled={isBusy}
            />
          </>
        )}
      </PageViewerToolbar>
      <PageViewerStage
        viewer={viewer}
        sha256={attachment.sha256}
        isPdf={attachment.mediaType === 'application/pdf'}
        alt={attachment.fileName}
        pageLabel={t('att_pageOf', { page: current, n: pages })}
        label={t('att_previewStage')}
        testId="preview-stage"
      />
    </PageViewerDialog>
  );
}
