// Where a finding's fix lives in the editor (issue 4): a field path opens the screen that edits it and
// focuses the field; a screen key opens that screen; a material slot opens 材料清单.
import type { Fix } from '../../../shared/rules/types.js';
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
