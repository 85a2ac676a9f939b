// The page viewer the previews share (attachments, generated forms, the unit's read-only review): one
// keyboard everywhere, so that what a user learns in one dialog works in the others.
import { useEffect, useRef, useState, type RefObject } from 'react';

export const ZOOMS = [0.5, 0.75, 1, 1.5, 2, 3] as const;
export const BASE_WIDTH = 720;
/** The stage's height as the CSS sets it (.preview-stage: max-height 70vh, padding 12px). */
const STAGE_HEIGHT = (innerHeight: number) => innerHeight * 0.7 - 24;
/** A4 portrait, the shape of every form and most scans: what 整页 fits when the page's own is unknown. */
const A4_ASPECT = 210 / 297;

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
  /** Width over height of the page shown, for 整页; A4 portrait when left out. */
  aspect?: number;
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
  /** One step in or out, from wherever the zoom stands (整页 included). */
  zoomBy: (step: 1 | -1) => void;
  canZoomOut: boolean;
  canZoomIn: boolean;
  /** 整页: the whole page in view (issue 15: a form opened at 100 % showed half a page). */
  isWholePage: boolean;
  toggleWholePage: () => void;
  /** The width a page is drawn at. */
  width: number;
  stageRef: RefObject<HTMLDivElement | null>;
}

export function usePageViewer(options: PageViewerOptions): PageViewer {
  const { open, fileKey, dialog, onClose, zooms = ZOOMS } = options;
  const [page, setPage] = useState(1);
  const [zoomIndex, setZoomIndex] = useState(() => Math.max(0, zooms.indexOf(1)));
  const [isWholePage, setWholePage] = useState(false);
  const [innerHeight, setInnerHeight] = useState(() => window.innerHeight);
  const stageRef = useRef<HTMLDivElement>(null);
  // The window's listener is added once; this holds the handler of the latest render.
  const keys = useRef<(e: KeyboardEvent) => void>(() => undefined);

  useEffect(() => {
    setPage(1);
    if (fileKey) requestAnimationFrame(() => stageRef.current?.focus({ preventScroll: true }));
  }, [fileKey]);

  useEffect(() => {
    const onResize = () => setInnerHeight(window.innerHeight);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);

  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => keys.current(e);
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  const pages = Math.max(1, options.pages);
  const current = Math.min(page, pages);
  const wholePageWidth = Math.max(120, Math.round(STAGE_HEIGHT(innerHeight) * (options.aspect ?? A4_ASPECT)));
  const width = isWholePage ? wholePageWidth : Math.round(BASE_WIDTH * (zooms[zoomIndex] ?? 1));
  const zoom = width / BASE_WIDTH;
  const turn = (delta: number) => setPage(Math.max(1, Math.min(current + delta, pages)));
  // Zooming leaves 整页 for the step next to where it stands.
  const zoomTo = (index: number) => {
    setWholePage(false);
    setZoomIndex(Math.max(0, Math.min(index, zooms.length - 1)));
  };
  const zoomBy = (step: 1 | -1) => {
    if (!isWholePage) return zoomTo(zoomIndex + step);
    const next = step > 0 ? zooms.findIndex((z) => z > zoom + 0.01) : zooms.findLastIndex((z) => z < zoom - 0.01);
    zoomTo(next < 0 ? (step > 0 ? zooms.length - 1 : 0) : next);
  };

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
      zoomBy(1);
    } else if (e.key === '-' || e.key === '−' || e.key === '_') {
      e.preventDefault();
      zoomBy(-1);
    } else if (e.key === '0') {
      e.preventDefault();
      setWholePage((on) => !on);
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
    zoomBy,
    canZoomOut: isWholePage ? zoom > (zooms[0] ?? 0) + 0.01 : zoomIndex > 0,
    canZoomIn: isWholePage ? zoom < (zooms.at(-1) ?? 0) - 0.01 : zoomIndex < zooms.length - 1,
    isWholePage,
    toggleWholePage: () => setWholePage((on) => !on),
    width,
    stageRef,
  };
}
