// What a comment of the unit can be about, as the select offers it and as the comment list names it: the
// material as a whole, one field of the material's records (its problem-style path), or one of the
// material's attachments (by SHA-256, the same bytes in the applicant's workspace).
import type { Localized } from '../../../../shared/api/contract.js';
import type { AttachmentView } from '../../../../shared/attachments/schema.js';
import type { MaterialItem } from '../../../../shared/materials/requirements.js';
import type { CommentTarget } from '../../../../shared/unit/schema.js';
import type { Lang, TextKey } from '../../i18n.js';
import type { GroupView } from './archiveFields.js';

export const MATERIAL_TARGET = 'material';

/** The select's value for a target. */
export function targetKey(target: CommentTarget): string {
  if (target.kind === 'field') return `field:${target.path}`;
  if (target.kind === 'attachment') return `attachment:${target.sha256}`;
  return MATERIAL_TARGET;
}

export interface TargetOption {
  value: string;
  target: CommentTarget;
  label: string;
}

export interface TargetGroup {
  label: string;
  options: TargetOption[];
}

type Translate = (key: TextKey, vars?: Record<string, string | number>) => string;

const pickIn = (lang: Lang) => (text: Localized) => text[lang];

/** The files of a material's items, each once, in the items' order. */
export function materialFiles(
  items: readonly MaterialItem[],
  attachments: readonly AttachmentView[],
): AttachmentView[] {
  const seen = new Set<string>();
  const files: AttachmentView[] = [];
  for (const item of items) {
    for (const id of item.attachmentIds) {
      const file = attachments.find((a) => a.id === id);
      if (file && !seen.has(file.sha256)) {
        seen.add(file.sha256);
        files.push(file);
      }
    }
  }
  return files;
}

/** The select's options: the material, then the fields per group shown, then the material's files. */
export function targetGroups(
  groups: readonly GroupView[],
  files: readonly AttachmentView[],
  t: Translate,
  lang: Lang,
): TargetGroup[] {
  const pick = pickIn(lang);
  const result: TargetGroup[] = [
    {
      label: t('uw_targetWhole'),
      options: [{ value: MATERIAL_TARGET, target: { kind: 'material' }, label: t('uw_targetMaterial') }],
    },
  ];
  for (const group of groups) {
    result.push({
      label: pick(group.title),
      options: group.fields.map((f) => ({
        value: `field:${f.path}`,
        target: { kind: 'field', path: f.path },
        label: t('uw_targetField', { group: pick(group.title), field: t(f.label) }),
      })),
    });
  }
  if (files.length > 0) {
    result.push({
      label: t('uw_targetFiles'),
      options: files.map((file) => ({
        value: `attachment:${file.sha256}`,
        target: { kind: 'attachment', sha256: file.sha256, fileName: file.fileName },
        label: t('uw_targetFile', { name: file.fileName }),
      })),
    });
  }
  return result;
}

/** How a comment names its target; a path no longer in the archive is shown as it is. */
export function targetText(
  target: CommentTarget,
  fields: ReadonlyMap<string, { group: Localized; label: TextKey }>,
  t: Translate,
  lang: Lang,
): string {
  if (target.kind === 'material') return t('uw_targetMaterial');
  if (target.kind === 'attachment') return t('uw_targetFile', { name: target.fileName });
  const field = fields.get(target.path);
  return field ? t('uw_targetField', { group: field.group[lang], field: t(field.label) }) : target.path;
}
