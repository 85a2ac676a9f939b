// The field paths a unit's comment (or a finding) can be tied to: the paths the editor shows problems at —
// `<section>.<field>` (profile.name) and `<kind>.<recordId>.<field>` (works.<id>.title) — of fields that
// exist in this applicant's archive. The applicant's editor gives each such field the DOM id fieldId(path),
// so a comment on a path that does not exist would be shown nowhere.
import {
  RECORD_KINDS,
  RECORD_SCHEMAS,
  SECTION_NAMES,
  SECTION_SCHEMAS,
  type ArchiveDocument,
  type RecordKind,
  type SectionName,
} from '../../../shared/archive/schema.js';

const hasKey = (shape: object, key: string) => Object.prototype.hasOwnProperty.call(shape, key);

/** Whether `path` names one field of this archive (a record's id is not a field: it cannot be edited). */
export function isFieldPath(archive: ArchiveDocument, path: string): boolean {
  const parts = path.split('.');
  if (parts.length === 2) {
    const [section, field] = parts as [string, string];
    return (
      (SECTION_NAMES as string[]).includes(section) && hasKey(SECTION_SCHEMAS[section as SectionName].shape, field)
    );
  }
  if (parts.length === 3) {
    const [kind, id, field] = parts as [string, string, string];
    if (!(RECORD_KINDS as string[]).includes(kind) || field === 'id') return false;
    if (!hasKey(RECORD_SCHEMAS[kind as RecordKind].shape, field)) return false;
    return (archive[kind as RecordKind] as readonly { id: string }[]).some((r) => r.id === id);
  }
  return false;
}
