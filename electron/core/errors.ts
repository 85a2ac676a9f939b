// Errors that reach the user: a stable code, a message in both UI languages, and for refused input every
// problem found. Thrown inside the core, turned into `{ ok: false, error }` values by the dispatcher.
import { existsSync, statfsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ApiError, Issue, Localized } from '../../shared/api/contract.js';
import { DATABASE_FILE } from './paths.js';

export class DossierError extends Error {
  constructor(
    readonly code: string,
    readonly localized: Localized,
    readonly issues?: Issue[],
  ) {
    super(localized.en);
    this.name = 'DossierError';
  }

  toApiError(): ApiError {
    return { code: this.code, message: this.localized, ...(this.issues ? { issues: this.issues } : {}) };
  }
}

/** Refused input rather than a failed operation: the CLI's exit code 2 (see exitCodeOf). */
export function isInvalidInput(e: DossierError): boolean {
  return Boolean(e.issues) || e.code === 'not_json' || e.code.startsWith('wrong_') || e.code.endsWith('_too_new');
}

/**
 * Exit codes of the `dossier` command (README, "The dossier command"): 0 success, 1 the command ran and the
 * answer is no (rules fail, a package or backup that does not verify, a refused import …), 2 invalid input,
 * 3 the data folder cannot be used now — its database is damaged, the disk is full, the running app holds
 * it, or it needs an upgrade a reading command does not make. 3 keeps `check`'s 1 meaning "fails the rules".
 */
export const EXIT_UNUSABLE = 3;
const UNUSABLE = new Set([
  'database_damaged',
  'disk_full',
  'io_error',
  'folder_in_use',
  'database_busy',
  'database_needs_upgrade',
]);

export function exitCodeOf(e: DossierError): number {
  if (UNUSABLE.has(e.code)) return EXIT_UNUSABLE;
  return isInvalidInput(e) ? 2 : 1;
}

/** Where a failure happened, for its message: the command (or the app's action) and the data folder. */
export interface FailureContext {
  /** `dossier check`, or nothing inside the app (the UI says what it was doing). */
  command?: string | undefined;
  dataDir?: string | undefined;
  /** The command's --out, named when the OS does not say which file it could not write. */
  out?: string | undefined;
  /** Bytes a disk-full operation needed, where known (a backup's size). */
  needed?: number | undefined;
}

const bytesText = (n: number) =>
  n >= 1e9 ? `${(n / 1e9).toFixed(1)} GB` : n >= 1e6 ? `${(n / 1e6).toFixed(1)} MB` : `${Math.ceil(n / 1e3)} KB`;

/** The free bytes where `target` lives (the nearest existing folder up), or null where it cannot be told. */
function freeBytes(target: string): number | null {
  for (let dir = path.resolve(target); ; dir = path.dirname(dir)) {
    try {
      const s = statfsSync(dir);
      return s.bavail * s.bsize;
    } catch {
      if (path.dirname(dir) === dir) return null;
    }
  }
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/** A full disk: the folder, the space left, the space needed (or the database's size as the least to free). */
export function diskFullError(dir: string | undefined, where: FailureContext = {}): DossierError {
  const free = dir ? freeBytes(dir) : null;
  // Unless the caller knows (a backup's size): a write to the database can need as much again as the file
  // (its write-ahead log), 1 MB at least.
  const base = where.dataDir ?? dir;
  const needed = where.needed ?? Math.max(1e6, base ? sizeOf(path.join(base, DATABASE_FILE)) : 0);
  const left = free === null || free === 0 ? '' : bytesText(free);
  const place = dir
    ? { zh: `${dir} 所在磁盘`, en: `where ${dir} is` }
    : { zh: '数据文件夹所在磁盘', en: 'on the data folder’s disk' };
  const who = where.command ? { zh: `${where.command} 未完成`, en: `${where.command} did not complete` } : null;
  return new DossierError('disk_full', {
    zh: `磁盘空间不足：${place.zh}${left ? `仅剩 ${left}` : '已满'}，需要约 ${bytesText(needed)}。${who ? `${who.zh}；` : ''}数据库未作改动，未留下写了一半的文件。请腾出空间后重试。`,
    en: `The disk is full: ${left ? `only ${left} left` : 'no space left'} ${place.en}; about ${bytesText(needed)} is needed. ${who ? `${who.en}; ` : ''}The database was not changed and no half-written file was left. Free some space and try again.`,
  });
}

/** What the OS said about a file (errno), in words; never the English errno text in a Chinese message. */
const ERRNO_WORDS: Record<string, Localized> = {
  ENOENT: { zh: '不存在', en: 'does not exist' },
  EACCES: { zh: '没有访问权限', en: 'permission denied' },
  EPERM: { zh: '不允许此操作', en: 'operation not permitted' },
  EROFS: { zh: '位于只读的文件系统上', en: 'is on a read-only file system' },
  EISDIR: { zh: '是文件夹而不是文件', en: 'is a folder, not a file' },
  ENOTDIR: { zh: '路径中有一段不是文件夹', en: 'a part of the path is not a folder' },
  EEXIST: { zh: '已存在', en: 'already exists' },
  EIO: { zh: '读写出错（磁盘或文件系统故障）', en: 'could not be read or written (a disk or file-system fault)' },
  EMFILE: { zh: '打开的文件过多', en: 'too many open files' },
  EBUSY: { zh: '正被占用', en: 'is busy' },
  ENAMETOOLONG: { zh: '名称过长', en: 'has too long a name' },
  EDQUOT: { zh: '超出磁盘配额', en: 'exceeds the disk quota' },
};

/** A failed file operation of Node's (errno code and path). */
export function isFileError(e: unknown): e is NodeJS.ErrnoException & { path: string } {
  return e instanceof Error && typeof (e as NodeJS.ErrnoException).code === 'string' && 'path' in e;
}

function fileError(e: NodeJS.ErrnoException & { path: string }, where: FailureContext): DossierError {
  if (e.code === 'ENOSPC' || e.code === 'EDQUOT') return diskFullError(path.dirname(e.path), where);
  let file = e.path;
  let words = ERRNO_WORDS[e.code!] ?? { zh: `无法访问（${e.code}）`, en: `cannot be accessed (${e.code})` };
  // Said of what the user named: the folder that is missing (not our temp file in it), the "folder" that is a file.
  if (e.code === 'ENOENT' && !existsSync(path.dirname(file))) {
    file = path.dirname(file);
    words = { zh: '文件夹不存在', en: 'no such folder' };
  } else if (e.code === 'EEXIST' && e.syscall === 'mkdir') {
    words = { zh: '已存在，但不是文件夹', en: 'exists and is not a folder' };
  }
  const code = e.code === 'EIO' ? 'io_error' : 'file_access';
  return new DossierError(code, {
    zh: `${file}：${words.zh}。${where.command ? `${where.command} 未完成。` : ''}`,
    en: `${file}: ${words.en}.${where.command ? ` ${where.command} did not complete.` : ''}`,
  });
}

/**
 * A damaged database (SQLite says so, or its quick_check does): which command, that nothing was written,
 * what to do.
 */
export function databaseDamaged(where: FailureContext): DossierError {
  const file = where.dataDir ? path.join(where.dataDir, DATABASE_FILE) : '';
  const at = file ? { zh: `（${file}）`, en: ` (${file})` } : { zh: '', en: '' };
  return new DossierError('database_damaged', {
    zh: `数据库已损坏${at.zh}：${where.command ? `${where.command} ` : ''}无法读取，未写入任何内容。请运行 dossier doctor 查看可用的备份，用 dossier restore 将最新完好的备份恢复到新文件夹；原文件请勿删除。`,
    en: `The database is damaged${at.en}: ${where.command ?? 'the app'} could not read it and wrote nothing. Run dossier doctor to see the backups, and dossier restore the newest good one into a new folder; do not delete the old file.`,
  });
}

/** The folder an --out names: itself when it is one, else the folder it is in. */
function outFolder(out: string): string {
  try {
    if (statSync(out).isDirectory()) return path.resolve(out);
  } catch {
    // Not there yet: its parent folder is the one being written.
  }
  return path.dirname(path.resolve(out));
}

/** SQLite's result codes (better-sqlite3's SqliteError.code), said in words. */
function sqliteError(e: Error & { code: string }, where: FailureContext): DossierError {
  const file = where.dataDir ? path.join(where.dataDir, DATABASE_FILE) : '';
  const at = file ? { zh: `（${file}）`, en: ` (${file})` } : { zh: '', en: '' };
  const by = where.command ? { zh: `${where.command} `, en: `${where.command} ` } : { zh: '', en: '' };
  // Extended codes (SQLITE_IOERR_SHORT_READ …) are said as their primary code.
  const base = /^SQLITE_[A-Z]+/.exec(e.code)?.[0] ?? e.code;
  switch (base) {
    case 'SQLITE_CORRUPT':
    case 'SQLITE_NOTADB':
      return databaseDamaged(where);
    case 'SQLITE_FULL':
      return diskFullError(where.dataDir, where);
    case 'SQLITE_IOERR':
      // SQLite says IOERR (not FULL) when the disk fills as it extends its log or shared memory (IOERR_SHMSIZE,
      // IOERR_WRITE): with under a megabyte left, that is the cause.
      if (where.dataDir && (freeBytes(where.dataDir) ?? Infinity) < 1e6) return diskFullError(where.dataDir, where);
      return new DossierError('io_error', {
        zh: `读写数据库时出错${at.zh}（磁盘或文件系统故障，${e.code}）：${by.zh}未完成，数据库未作改动。请检查磁盘后重试。`,
        en: `Reading or writing the database failed${at.en} (a disk or file-system fault, ${e.code}): ${by.en || 'the action '}did not complete and the database was not changed. Check the disk and try again.`,
      });
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
      return new DossierError('database_busy', {
        zh: `数据库正被另一个进程写入${at.zh}，等待后仍未释放：${by.zh}未完成，未作改动。请稍后重试。`,
        en: `Another process is writing the database${at.en} and did not let go in time: ${by.en || 'the action '}did not complete; nothing was changed. Try again shortly.`,
      });
    case 'SQLITE_READONLY':
    case 'SQLITE_CANTOPEN':
    case 'SQLITE_PERM':
      return new DossierError('file_access', {
        zh: `无法${base === 'SQLITE_CANTOPEN' ? '打开' : '写入'}数据库${at.zh}（${e.code}）：请检查文件夹的权限和所在磁盘。${by.zh}未完成，未作改动。`,
        en: `Cannot ${base === 'SQLITE_CANTOPEN' ? 'open' : 'write'} the database${at.en} (${e.code}): check the folder's permissions and its disk. ${by.en || 'The action '}did not complete; nothing was changed.`,
      });
    default:
      return new DossierError('database_error', {
        zh: `数据库出错${at.zh}（${e.code}）：${by.zh}未完成，未作改动。`,
        en: `The database failed${at.en} (${e.code}): ${by.en || 'the action '}did not complete; nothing was changed.`,
      });
  }
}

function isSqliteError(e: unknown): e is Error & { code: string } {
  return e instanceof Error && e.name === 'SqliteError' && typeof (e as { code?: unknown }).code === 'string';
}

/**
 * Any failure as a message for the user (issue 13: errors are messages, never stack traces): a refusal as it
 * is; SQLite's and the OS's failures in words naming what and where; anything else as an internal error
 * whose detail is kept for a report (in both languages: it is a bug, not something to translate).
 */
export function explainFailure(e: unknown, where: FailureContext = {}): DossierError {
  // Found damaged where the command was not known (opening the database): said again, naming it.
  if (e instanceof DossierError) return e.code === 'database_damaged' && where.command ? databaseDamaged(where) : e;
  if (isSqliteError(e)) return sqliteError(e, where);
  if (isFileError(e)) return fileError(e, where);
  // A write to an open file (no path in the error): the command's output, else the data folder.
  const code = (e as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT')
    return diskFullError(where.out ? outFolder(where.out) : where.dataDir, where);
  const detail = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return new DossierError('internal', {
    zh: `内部错误${where.command ? `（${where.command}）` : ''}，请将此行报告给开发者：${detail}`,
    en: `Internal error${where.command ? ` (${where.command})` : ''}; please report this line: ${detail}`,
  });
}

/**
 * Logs a failure on the server's stderr as one line; the stack only with DOSSIER_DEBUG=1 (a user's terminal
 * shows messages, not stack traces).
 */
export function logFailure(label: string, e: unknown, where: FailureContext = {}): void {
  const message = explainFailure(e, where).localized.en;
  console.error(`[dossier] ${label} failed: ${message}`);
  if (process.env.DOSSIER_DEBUG === '1' && e instanceof Error && e.stack) console.error(e.stack);
}
