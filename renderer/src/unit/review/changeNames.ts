// How the review names where a change is (issue 7, 19): a field change by its group and field ("基本信息 ·
// 联系电话"), a whole record by its name, a path no longer in the archive as it is; a scan change by its slot
// and record ("M-4 毕业证书 — 浙江大学 …"). One place for the changes table, the scan changes and the checklist.
import type { Localized } from '../../../../shared/api/contract.js';
import type { ArchiveDocument } from '../../../../shared/archive/schema.js';
import { nameRecord } from '../../../../shared/materials/recordNames.js';
import type { AttachmentChange } from '../../../../shared/unit/schema.js';
import { slotText } from '../../attachments/linkText.js';
import type { Lang, TextKey } from '../../i18n.js';

type Translate = (key: TextKey, vars?: Record<string, string | number>) => string;

/** A field change's place: the field, or (an added or removed record) the record's name. */
export function fieldPlace(
  path: string,
  fields: ReadonlyMap<string, { group: Localized; label: TextKey }>,
  archive: ArchiveDocument,
  t: Translate,
  lang: Lang,
): string {
  const field = fields.get(path);
  if (field) return t('uw_targetField', { group: field.group[lang], field: t(field.label) });
  const [, id] = path.split('.');
  const record = id ? nameRecord(archive, id) : null;
  return record ? record[lang] : path;
}

/** A scan change's place: its slot and record (a removed record is named by its id); '' for an unfiled file. */
export function scanPlace(change: Pick<AttachmentChange, 'slot' | 'recordId'>, archive: ArchiveDocument, lang: Lang) {
  const parts: string[] = [];
  if (change.slot) parts.push(slotText(change.slot, lang));
  if (change.recordId) parts.push(nameRecord(archive, change.recordId)?.[lang] ?? change.recordId);
  return parts.join(' — ');
}
