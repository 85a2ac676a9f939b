// The dialog, toolbar and stage of the page viewer (usePageViewer): the same buttons and names in every preview.
import { ExpandOutlined, LeftOutlined, RightOutlined, ZoomInOutlined, ZoomOutOutlined } from '@ant-design/icons';
import { Button, Modal, Space, Tooltip, Typography, type ModalProps } from 'antd';
import type { ReactNode, Ref } from 'react';
import { fileUrl } from '../api.js';
import { useT } from '../i18n.js';
import { PdfCanvas } from './PdfCanvas.js';
import { BASE_WIDTH, type PageViewer } from './usePageViewer.js';

export interface ViewerToolProps {
  label: string;
  icon: ReactNode;
  onClick: () => void;
  testId: string;
  disabled?: boolean;
}

/** An icon-only button: its label is both its tooltip and its accessible name. */
export function ViewerTool({ label, icon, onClick, testId, disabled = false }: ViewerToolProps) {
  return (
    <Tooltip title={label}>
      <Button icon={icon} aria-label={label} onClick={onClick} disabled={disabled} data-testid={testId} />
    </Tooltip>
  );
}

export interface PageViewerToolbarProps {
  viewer: PageViewer;
  /** Before each test id of the shared tools, e.g. "form-" for form-zoom-in. */
  testIdPrefix?: string;
  /** A form is read as a document: its pages lead, and its page count shows even when it is one. */
  pagesFirst?: boolean;
  /** While an operation runs, nothing may change the page it works on. */
  busy?: boolean;
  /** Called before a tool acts. */
  onTool?: () => void;
  /** The preview's own tools, after the shared ones. */
  children?: ReactNode;
}

export function PageViewerToolbar({
  viewer,
  testIdPrefix = '',
  pagesFirst = false,
  busy = false,
  onTool,
  children,
}: PageViewerToolbarProps) {
  const { t } = useT();
  const act = (action: () => void) => () => {
    onTool?.();
    action();
  };
  const id = (name: string) => `${testIdPrefix}${name}`;
  // Fragments, not components: Space puts each of its (flattened) children in an item of its own.
  const zoomTools = (
    <>
      <ViewerTool
        label={t('att_zoomOut')}
        icon={<ZoomOutOutlined />}
        onClick={act(() => viewer.zoomBy(-1))}
        testId={id('zoom-out')}
        disabled={busy || !viewer.canZoomOut}
      />
      <Typography.Text aria-live="polite">{Math.round(viewer.zoom * 100)}%</Typography.Text>
      <ViewerTool
        label={t('att_zoomIn')}
        icon={<ZoomInOutlined />}
        onClick={act(() => viewer.zoomBy(1))}
        testId={id('zoom-in')}
        disabled={busy || !viewer.canZoomIn}
      />
      <Tooltip title={t('att_wholePageHint')}>
        <Button
          icon={<ExpandOutlined />}
          aria-pressed={viewer.isWholePage}
          type={viewer.isWholePage ? 'primary' : 'default'}
          onClick={act(viewer.toggleWholePage)}
          disabled={busy}
          data-testid={id('whole-page')}
        >
          {t('att_wholePage')}
        </Button>
      </Tooltip>
    </>
  );
  const pageTools = (pagesFirst || viewer.pages > 1) && (
    <>
      <ViewerTool
        label={t('att_prevPage')}
        icon={<LeftOutlined />}
        onClick={act(() => viewer.turn(-1))}
        testId={id('page-prev')}
        disabled={busy || viewer.page <= 1}
      />
      <Typography.Text aria-live="polite" data-testid={id('page-indicator')}>
        {t('att_pageOf', { page: viewer.page, n: viewer.pages })}
      </Typography.Text>
      <ViewerTool
        label={t('att_nextPage')}
        icon={<RightOutlined />}
        onClick={act(() => viewer.turn(1))}
        testId={id('page-next')}
        disabled={busy || viewer.page >= viewer.pages}
      />
    </>
  );
  return (
    <Space wrap className="preview-tools">
      {pagesFirst ? pageTools : zoomTools}
      {pagesFirst ? zoomTools : pageTools}
      {children}
    </Space>
  );
}

export interface PageViewerStageProps {
  viewer: PageViewer;
  sha256: string;
  /** A PDF is drawn page by page; anything else is an image. */
  isPdf: boolean;
  /** The image's text alternative. */
  alt: string;
  /** The drawn page's accessible name. */
  pageLabel: string;
  /** The stage's accessible name. */
  label: string;
  testId: string;
  className?: string;
}

/** Focusable, so that a scroll wheel or the keyboard reaches a page larger than the dialog. */
export function PageViewerStage({
  viewer,
  sha256,
  isPdf,
  alt,
  pageLabel,
  label,
  testId,
  className = 'preview-stage',
}: PageViewerStageProps) {
  return (
    <div ref={viewer.stageRef} className={className} tabIndex={0} aria-label={label} data-testid={testId}>
      {isPdf ? (
        <PdfCanvas
          key={`${sha256}-${viewer.page}`}
          sha256={sha256}
          page={viewer.page}
          width={viewer.width}
          label={pageLabel}
        />
      ) : (
        <img src={fileUrl(sha256)} alt={alt} style={{ width: viewer.width, maxWidth: 'none' }} />
      )}
    </div>
  );
}

export interface PageViewerDialogProps extends Pick<ModalProps, 'title' | 'className' | 'focusTriggerAfterClose'> {
  onClose: () => void;
  /** The keys, said under the stage. */
  keysHint: string;
  bodyRef?: Ref<HTMLDivElement>;
  bodyTestId?: string;
  'data-testid'?: string;
  children: ReactNode;
}

export function PageViewerDialog({
  title,
  onClose,
  className,
  keysHint,
  bodyRef,
  bodyTestId,
  children,
  ...modal
}: PageViewerDialogProps) {
  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      // Esc is usePageViewer's, from anywhere while the dialog is open.
      keyboard={false}
      footer={null}
      width={Math.min(BASE_WIDTH + 80, window.innerWidth - 48)}
      className={className}
      {...modal}
    >
      <div ref={bodyRef} data-testid={bodyTestId}>
        {children}
        <Typography.Text type="secondary" className="preview-keys">
          {keysHint}
        </Typography.Text>
      </div>
    </Modal>
  );
}
