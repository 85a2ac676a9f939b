// Where a finding's fix lives in the editor (issue 4): a field path opens the screen that edits it and
// focuses the field; a screen key opens that screen; a material slot opens 材料清单.
import type { Fix } from '../../../shared/rules/types.js';
import { fieldId } from '../components/fieldId.js';
import { SCREENS, isScreenKey, type ScreenKey } from '../screens/screens.js';

/** The screen editing a path's first segment ('titles', 'application', …). */
export function screenOfPath(path: string): ScreenKey | null {
  const head = path.split('.', 1)[0] ?? '';
  // The rule pack's parameters (the unit's publicity dates among them) are edited on 假设与参数.
  if (head === 'params') return 'params';
  const screen = SCREENS.find((s) => (s.prefixes as readonly string[]).includes(head));
  return screen?.key ?? null;
}

export function screenOfFix(fix: Fix): ScreenKey | null {
  if (fix.kind === 'field') return screenOfPath(fix.target);
  if (fix.kind === 'screen') return isScreenKey(fix.target) ? fix.target : null;
  // A missing scan is added from 材料清单, where each missing item is one click from its file picker and
  // the added file is linked to that slot and record at once.
  return 'materials';
}

/** The DOM id of one item of the 材料清单 (its key is `<slot>#<recordId or ->`). */
export const materialItemId = (key: string) => `mat-${key}`;

/**
 * The element a followed fix lands on, by id (null: the screen's heading): the field, or the item of the
 * 材料清单 that the slot names (issue 20: not the list's heading).
 */
export function focusIdOfFix(fix: Fix): string | null {
  if (fix.kind === 'field') return fieldId(fix.target);
  if (fix.kind === 'slot') return materialItemId(`${fix.target}#${fix.recordId ?? '-'}`);
  return null;
}

/**
 * The element to focus for an id from focusIdOfFix. A slot's exact item may be listed under a longer slot
 * (a yearly proof, a paper's part) or without its record: the nearest listed item of that slot then serves.
 */
function findFocusTarget(id: string): HTMLElement | null {
  const exact = document.getElementById(id);
  if (exact || !id.startsWith('mat-')) return exact;
  const [slot = '', record = '-'] = id.split('#');
  const slotOf = (el: HTMLElement) => el.id.split('#')[0] ?? '';
  const ofSlot = Array.from(document.querySelectorAll<HTMLElement>('[id^="mat-"]')).filter(
    (el) => slotOf(el) === slot || slotOf(el).startsWith(`${slot}/`),
  );
  return ofSlot.find((el) => el.id.endsWith(`#${record}`)) ?? ofSlot[0] ?? null;
}

/** How long a followed link waits for its target to be drawn (a screen that loads first: 材料清单). */
const FOCUS_WAIT_MS = 3000;

/**
 * Brings the element of `id` into view and focuses it once the new screen has drawn it — at the next frame,
 * or when what the screen loads has arrived. Returns a cancel for a link followed again before that.
 */
export function focusWhenShown(id: string): () => void {
  const until = performance.now() + FOCUS_WAIT_MS;
  let frame = 0;
  const attempt = () => {
    const el = findFocusTarget(id);
    if (el) {
      el.scrollIntoView({ block: 'center' });
      el.focus();
    } else if (performance.now() < until) {
      frame = requestAnimationFrame(attempt);
    }
  };
  frame = requestAnimationFrame(attempt);
  return () => cancelAnimationFrame(frame);
}
