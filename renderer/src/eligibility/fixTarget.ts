// Where a finding's fix lives in the editor (issue 4): a field path opens the screen that edits it and
// focuses the field; a screen key opens that screen; a material slot opens the screen of the record it
// proves (or of its material) until the attachments screen takes them.
import type { ArchiveDocument, RecordKind } from '../../../shared/archive/schema.js';
import { RECORD_KINDS } from '../../../shared/archive/schema.js';
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

const MATERIAL_SCREENS: Record<string, string> = {
  'M-5': 'pension',
  'M-7': 'courses',
  'M-8': 'summary',
  'M-9': 'assessments',
};

function kindOfRecord(archive: ArchiveDocument, id: string): RecordKind | null {
  return RECORD_KINDS.find((kind) => archive[kind].some((r) => r.id === id)) ?? null;
}

export function screenOfFix(fix: Fix, archive: ArchiveDocument): ScreenKey | null {
  if (fix.kind === 'field') return screenOfPath(fix.target);
  if (fix.kind === 'screen') return isScreenKey(fix.target) ? fix.target : null;
  // An attachments screen, once there, is where every material is added.
  if (isScreenKey('attachments')) return 'attachments' as ScreenKey;
  const kind = fix.recordId ? kindOfRecord(archive, fix.recordId) : null;
  if (kind) return screenOfPath(kind);
  const material = MATERIAL_SCREENS[fix.target.split('/', 1)[0] ?? ''];
  return material && isScreenKey(material) ? material : null;
}
