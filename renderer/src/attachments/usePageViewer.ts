// The page viewer the previews share (attachments, generated forms, the unit's read-only review): one
// keyboard everywhere, so that what a user learns in one dialog works in the others.
import { useEffect, useRef, useState, type RefObject } from 'react';

export const ZOOMS = [0.5, 0.75, 1, 1.5, 2, 3] as const;
export const BASE_WIDTH = 720;

const FOCUSABLE =
  'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * Tab and Shift+Tab cycle inside the dialog: the focus lock of the dialog brings focus back only when it
 * lands on another element of the page, not when Tab leaves the last element for the browser's own UI.
 */
function trapTab(e: KeyboardEvent, dialog: string): void {
  const root = document.querySelector(dialog);
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

export interface PageViewerOptions {
  /** While nothing is shown the keys are left to the page. */
  open: boolean;
  /**
   * The file shown: another one opens on page 1 with the focus on the stage, so that the arrows work at once.
   * Left out where the dialog is mounted per opening and follows new versions on the same page.
   */
  fileKey?: string;
  pages: number;
  /** The dialog's selector, for keeping Tab inside it. */
  dialog: string;
  onClose: () => void;
  zooms?: readonly number[];
  /** Home / End go to the first / last page (where the key hint says so). */
  homeEnd?: boolean;
  /** The arrows are taken even with one page; otherwise they are left to scroll a zoomed single page. */
  arrowsOnOnePage?: boolean;
  /** A dialog opened over the viewer (打印 3 份?) has the keys while it is open. */
  yieldToDialogs?: boolean;
  /** A page turned by key, not by a tool. */
  onKeyTurn?: () => void;
}

export interface PageViewer {
  /** The page shown, never past the last. */
  page: number;
  pages: number;
  setPage: (page: number) => void;
  turn: (delta: number) => void;
  zoom: number;
  zoomIndex: number;
  zoomTo: (index: number) => void;
  canZoomOut: boolean;
  canZoomIn: boolean;
  /** The width a page is drawn at. */
  width: number;
  stageRef: RefObject<HTMLDivElement | null>;
}

export function usePageViewer(options: PageViewerOptions): PageViewer {
  const { open, fileKey, dialog, onClose, zooms = ZOOMS } = options;
  const [page, setPage] = useState(1);
  const [zoomIndex, setZoomIndex] = useState(() => Math.max(0, zooms.indexOf(1)));
  const stageRef = useRef<HTMLDivElement>(null);
  // The window's listener is added once; this holds the handler of the latest render.
  const keys = useRef<(e: KeyboardEvent) => void>(() => undefined);

  useEffect(() => {
    setPage(1);
    if (fileKey) requestAnimationFrame(() => stageRef.current?.focus({ preventScroll: true }));
  }, [fileKey]);

  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => keys.current(e);
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  const pages = Math.max(1, options.pages);
  const current = Math.min(page, pages);
  const zoom = zooms[zoomIndex] ?? 1;
  const turn = (delta: number) => setPage(Math.max(1, Math.min(current + delta, pages)));
  const zoomTo = (index: number) => setZoomIndex(Math.max(0, Math.min(index, zooms.length - 1)));

  keys.current = (e: KeyboardEvent) => {
    if (!open || e.defaultPrevented || e.isComposing || e.altKey || e.ctrlKey || e.metaKey) return;
    if (options.yieldToDialogs) {
      const active = document.activeElement;
      if (active?.closest('.ant-modal-wrap, .ant-modal') && !active.closest(dialog)) return;
    }
    if (e.key === 'Escape') {
      e.preventDefault();
      onClose();
      return;
    }
    if (e.key === 'Tab') {
      trapTab(e, dialog);
      return;
    }
    if (isTextField(e.target)) return;
    const back = e.key === 'ArrowLeft' || e.key === 'PageUp';
    const isTurn = back || e.key === 'ArrowRight' || e.key === 'PageDown';
    if (isTurn && (pages > 1 || options.arrowsOnOnePage)) {
      e.preventDefault();
      options.onKeyTurn?.();
      turn(back ? -1 : 1);
    } else if (options.homeEnd && (e.key === 'Home' || e.key === 'End')) {
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

  return {
    page: current,
    pages,
    setPage,
    turn,
    zoom,
    zoomIndex,
    zoomTo,
    canZoomOut: zoomIndex > 0,
    canZoomIn: zoomIndex < zooms.length - 1,
    width: Math.round(BASE_WIDTH * zoom),
    stageRef,
  };
}
