// Rows of generated_file (migration 3): which PDF the app last made for each output of an applicant; and
// the one PDF a unit's workspace makes for the unit itself, F-4 (not any applicant's: kept in the setting
// table, since generated_file rows belong to an applicant). Both are stored files the previews serve, the
// store's check and the backups count as referenced, and a clean-up leaves alone.
import { GeneratedFile, type Localized } from '../../../shared/api/contract.js';
import { getSettingJson, setSetting } from '../archiveRepo.js';
import type { Db } from '../db.js';

interface Row {
  key: string;
  file_name: string;
  sha256: string;
  bytes: number;
  pages: number;
  archive_sha256: string;
  input_sha256: string;
  missing: string;
  notes: string;
  created_at: string;
}

const toFile = (r: Row): GeneratedFile => ({
  key: r.key,
  fileName: r.file_name,
  sha256: r.sha256,
  size: r.bytes,
  pages: r.pages,
  archiveSha256: r.archive_sha256,
  inputSha256: r.input_sha256,
  createdAt: r.created_at,
  missingCharacters: JSON.parse(r.missing) as string[],
  notes: JSON.parse(r.notes) as Localized[],
});

export function listGenerated(db: Db, applicantId: string): GeneratedFile[] {
  const rows = db.prepare('SELECT * FROM generated_file WHERE applicant_id = ? ORDER BY key').all(applicantId) as Row[];
  return rows.map(toFile);
}

/** Records a new file for the key; returns the hash of the file it replaced (if any) for clean-up. */
export function putGenerated(db: Db, applicantId: string, f: GeneratedFile): string | null {
  return db.transaction(() => {
    const old = db
      .prepare('SELECT sha256 FROM generated_file WHERE applicant_id = ? AND key = ?')
      .get(applicantId, f.key) as { sha256: string } | undefined;
    db.prepare(
      `INSERT INTO generated_file (applicant_id, key, file_name, sha256, bytes, pages, archive_sha256, input_sha256, missing, notes, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (applicant_id, key) DO UPDATE SET file_name = excluded.file_name, sha256 = excluded.sha256,
         bytes = excluded.bytes, pages = excluded.pages, archive_sha256 = excluded.archive_sha256,
         input_sha256 = excluded.input_sha256, missing = excluded.missing, notes = excluded.notes,
         created_at = excluded.created_at`,
    ).run(
      applicantId,
      f.key,
      f.fileName,
      f.sha256,
      f.size,
      f.pages,
      f.archiveSha256,
      f.inputSha256,
      JSON.stringify(f.missingCharacters),
      JSON.stringify(f.notes),
      f.createdAt,
    );
    return old && old.sha256 !== f.sha256 ? old.sha256 : null;
  })();
}

/** Whether any attachment or generated file still names these bytes (before a store file is removed). */
export function isStoredHashUsed(db: Db, sha256: string): boolean {
  return (
    Boolean(
      db
        .prepare(
          'SELECT 1 FROM attachment WHERE sha256 = ? UNION ALL SELECT 1 FROM generated_file WHERE sha256 = ? LIMIT 1',
        )
        .get(sha256, sha256),
    ) || getUnitGenerated(db)?.sha256 === sha256
  );
}

export function generatedHashes(db: Db): string[] {
  const rows = db.prepare('SELECT DISTINCT sha256 FROM generated_file').all() as { sha256: string }[];
  const unit = getUnitGenerated(db)?.sha256;
  return [...new Set([...rows.map((r) => r.sha256), ...(unit ? [unit] : [])])];
}

/** The file name of a generated PDF with these bytes (an applicant's or the unit's), for previews and downloads. */
export function generatedFileNameOfSha(db: Db, sha256: string): string | undefined {
  const row = db
    .prepare<{ sha256: string }, { file_name: string }>(
      'SELECT file_name FROM generated_file WHERE sha256 = @sha256 LIMIT 1',
    )
    .get({ sha256 });
  if (row) return row.file_name;
  const unit = getUnitGenerated(db);
  return unit?.sha256 === sha256 ? unit.fileName : undefined;
}

// ------------------------------------------------------------------ the unit's own F-4

/** setting key of the unit's F-4 last made (a GeneratedFile as JSON). */
const UNIT_F4_KEY = 'forms.unitF4';

/** The unit's F-4 last made, or null (never made, or unreadable: it is made again on the next preview). */
export function getUnitGenerated(db: Db): GeneratedFile | null {
  return getSettingJson(db, UNIT_F4_KEY, GeneratedFile);
}

/** Records the unit's F-4; returns the hash of the file it replaced (if other bytes) for clean-up. */
export function putUnitGenerated(db: Db, file: GeneratedFile): string | null {
  const old = getUnitGenerated(db);
  setSetting(db, UNIT_F4_KEY, JSON.stringify(file));
  return old && old.sha256 !== file.sha256 ? old.sha256 : null;
}
