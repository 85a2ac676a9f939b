// A backup (docs/backup-format.md), in one of two containers holding the same entries:
//   - a FILE (`dossier backup --out`): one ZIP of stored entries, written by the package's deterministic
//     writer (package/zipWrite.ts) and read by its strict reader (package/zipRead.ts) — a full, independent
//     copy to take to another disk;
//   - a FOLDER (the automatic backups, and those made in the app, in <dataDir>/backups/): the same paths as
//     files, the store's and the packages' hard-linked to the workspace's own (immutable, content-checked)
//     files, so that a backup costs the database and the manifest, not a second copy of every scan (issue 19).
// Entry paths are the workspace's own layout, so extracting a backup gives a workspace folder:
//   dossier.sqlite                 the database, a consistent copy made by SQLite's online backup
//   store/<2 hex>/<sha256>          every file of the attachment store (content-addressed)
//   packages/<name>.zcpkg[.added]   every signed package file the workspace holds (version 2 on)
//   backup-manifest.json           last: the SHA-256 and size of every other entry, and what was found
import { z } from 'zod';
import { PACKAGES_DIR } from '../paths.js';
import { DATABASE_FILE } from '../workspace.js';

export const BACKUP_FORMAT = 'dossier.backup';
/** 2: package files are backed up too (a unit's signed packages cannot be made again); 1 is still read. */
export const BACKUP_VERSION = 2;
/** The file extension of backups (a ZIP inside, named so that a double-click does not open an archiver). */
export const BACKUP_EXTENSION = '.zcbak';
export const MANIFEST_ENTRY = 'backup-manifest.json';
export const DATABASE_ENTRY = DATABASE_FILE;
export const STORE_ENTRY = /^store\/([0-9a-f]{2})\/([0-9a-f]{64})$/;
/**
 * A package file: its name as package_file records it (no folder, not hidden, a .zcpkg), or a countersigned
 * package's addition to its level 1 (`<name>.zcpkg.added`, package/levelAddition.ts).
 */
export const PACKAGE_ENTRY = /^packages\/([^/\\\p{Cc}.][^/\\\p{Cc}]{0,250}\.zcpkg(?:\.added)?)$/u;
/** The manifest of a workspace with 100,000 files is about 15 MB; anything far beyond is not ours. */
export const MAX_MANIFEST_BYTES = 256 * 2 ** 20;

export const storeEntry = (sha256: string) => `store/${sha256.slice(0, 2)}/${sha256}`;
export const packageEntry = (fileName: string) => `${PACKAGES_DIR}/${fileName}`;
/** What an entry is, from its path; null for a path no backup may hold. */
export function entryKind(p: string): 'database' | 'store' | 'package' | null {
  if (p === DATABASE_ENTRY) return 'database';
  if (STORE_ENTRY.test(p)) return 'store';
  if (PACKAGE_ENTRY.test(p)) return 'package';
  return null;
}

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const Size = z.number().int().min(0);

export const ManifestEntry = z.strictObject({ path: z.string().min(1).max(512), size: Size, sha256: Sha256 });
export type ManifestEntry = z.infer<typeof ManifestEntry>;

export const BackupManifest = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  version: z.number().int().min(1),
  /** ISO 8601, UTC. */
  createdAt: z.string().max(40),
  /** The app version that wrote it (package.json). */
  appVersion: z.string().max(40),
  database: z.strictObject({
    /** PRAGMA user_version of the copy: the migration it had reached. */
    schemaVersion: z.number().int().min(0),
    /** PRAGMA quick_check of the copy: ["ok"] for a sound database, else SQLite's findings (at most 20). */
    quickCheck: z.array(z.string().max(2000)).min(1).max(20),
  }),
  /** Every entry but the manifest, in file order. */
  entries: z.array(ManifestEntry),
  /** Hashes the database names that were not in the store when the backup was made. */
  missing: z.array(Sha256),
  /** Store files whose bytes no longer hashed to their name: kept in the file, left out of a restore. */
  damaged: z.array(Sha256),
  /** Package files whose bytes were not those their row records (version 2): left out of a restore. */
  damagedPackages: z.array(z.string().max(255)).optional(),
});
export type BackupManifest = z.infer<typeof BackupManifest>;

/** A backup with nothing found wrong in the workspace it was made from. */
export function isClean(m: BackupManifest): boolean {
  return (
    m.database.quickCheck.length === 1 &&
    m.database.quickCheck[0] === 'ok' &&
    !m.missing.length &&
    !m.damaged.length &&
    !m.damagedPackages?.length
  );
}

export interface BackupProgress {
  /** write: copying (a file) or linking (a folder) into the backup; verify: reading it all back; restore. */
  phase: 'write' | 'verify' | 'restore';
  doneBytes: number;
  totalBytes: number;
}

export interface BackupOptions {
  onProgress?: (p: BackupProgress) => void;
  signal?: AbortSignal;
  /**
   * Hashes already computed in this run, by file identity (device, inode, size, change time): backup
   * folders share their files with each other, and checking them all reads each shared file once.
   */
  hashCache?: Map<string, string>;
}

/** What a verified backup holds. */
export interface BackupInfo {
  file: string;
  /** A ZIP file, or a folder whose store and package files are hard links to the workspace's. */
  kind: 'file' | 'folder';
  /** The file's size; for a folder, the bytes it holds (most of them shared with the workspace). */
  bytes: number;
  createdAt: string;
  appVersion: string;
  schemaVersion: number;
  /** Store files in the backup (those of `damaged` included). */
  files: number;
  /** Bytes of the store files. */
  fileBytes: number;
  databaseBytes: number;
  /** Signed package files in the backup, and their bytes (version 2). */
  packageFiles: number;
  packageBytes: number;
  /** Nothing wrong in the workspace when it was made (database sound, no store file missing or damaged). */
  clean: boolean;
  missing: string[];
  damaged: string[];
  quickCheck: string[];
}

export function infoOf(file: string, bytes: number, m: BackupManifest, kind: BackupInfo['kind'] = 'file'): BackupInfo {
  const stored = m.entries.filter((e) => STORE_ENTRY.test(e.path));
  const packages = m.entries.filter((e) => PACKAGE_ENTRY.test(e.path));
  return {
    file,
    kind,
    bytes,
    createdAt: m.createdAt,
    appVersion: m.appVersion,
    schemaVersion: m.database.schemaVersion,
    files: stored.length,
    fileBytes: stored.reduce((sum, e) => sum + e.size, 0),
    databaseBytes: m.entries.find((e) => e.path === DATABASE_ENTRY)?.size ?? 0,
    packageFiles: packages.length,
    packageBytes: packages.reduce((sum, e) => sum + e.size, 0),
    clean: isClean(m),
    missing: m.missing,
    damaged: m.damaged,
    quickCheck: m.database.quickCheck,
  };
}
