// Backups of a whole workspace (issue 8; docs/backup-format.md): one verified file, restored only into a new
// folder, and rotating daily ones in <dataDir>/backups.
export { autoBackup, autoBackupName, defaultBackupsDir, DEFAULT_KEEP, listBackups, manualBackupName } from './auto.js';
export type { AutoBackupOptions, AutoBackupResult, BackupFile } from './auto.js';
export { createBackup } from './create.js';
export { BACKUP_EXTENSION, BACKUP_FORMAT, BACKUP_VERSION } from './format.js';
export type { BackupInfo, BackupOptions, BackupProgress } from './format.js';
export { restoreBackup } from './restore.js';
export type { RestoreResult } from './restore.js';
export { verifyBackup } from './verify.js';
export { scheduleAutoBackups } from './schedule.js';
export type { ScheduleOptions } from './schedule.js';
