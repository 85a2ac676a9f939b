// The one rule for entry names inside a package, applied by the writer (so the app never writes an archive
// its own reader refuses) and by the reader (so a hostile archive cannot place a file outside the folder it
// is extracted into, or two names onto one file on a case-insensitive disk). pitfalls.md, "ZIP".
import { DossierError } from '../errors.js';

/** Longest name accepted, in UTF-8 bytes: far above what the app writes, far below the format's 65,535. */
export const MAX_NAME_BYTES = 512;

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
// C0 and C1 control characters, and the characters Windows refuses in a file name (':' also opens NTFS streams).
const FORBIDDEN_CHAR = /[\u0000-\u001f\u007f-\u009f<>:"|?*\\]/u;

/** Why `name` is not an acceptable entry name, or null when it is. */
export function nameProblem(name: string): { zh: string; en: string } | null {
  if (name.length === 0) return { zh: '名称为空', en: 'the name is empty' };
  if (Buffer.byteLength(name) > MAX_NAME_BYTES) return { zh: '名称过长', en: 'the name is too long' };
  if (name.startsWith('/') || /^[a-zA-Z]:/.test(name)) return { zh: '是绝对路径', en: 'it is an absolute path' };
  if (name.includes('\\')) return { zh: '含反斜杠', en: 'it contains a backslash' };
  if (FORBIDDEN_CHAR.test(name)) {
    return { zh: '含控制字符或 Windows 不允许的字符', en: 'it contains a control character or one Windows forbids' };
  }
  if (/[\ud800-\udfff]/u.test(name)) return { zh: '不是有效的 Unicode', en: 'it is not valid Unicode' };
  for (const segment of name.split('/')) {
    if (segment === '..' || segment === '.')
      return { zh: '含“..”或“.”路径段', en: 'it contains a ".." or "." segment' };
    if (segment === '')
      return { zh: '含空路径段（或以“/”结尾的目录）', en: 'it has an empty segment (or is a folder)' };
    if (/[. ]$/.test(segment) || WINDOWS_RESERVED.test(segment)) {
      return {
        zh: '含 Windows 保留名或以点、空格结尾的段',
        en: 'a segment is reserved on Windows or ends in a dot or space',
      };
    }
  }
  return null;
}

/** Refuses a bad name, naming it: the same refusal for the writer and the reader. */
export function checkEntryName(name: string): void {
  const problem = nameProblem(name);
  if (!problem) return;
  throw new DossierError('zip_bad_name', {
    zh: `压缩包条目名“${printable(name)}”不可接受：${problem.zh}。`,
    en: `The archive entry name "${printable(name)}" is not acceptable: ${problem.en}.`,
  });
}

/**
 * The key under which two names are "the same file" on some disk: NFC (macOS stores names decomposed) and
 * full case folding, approximated by upper- then lower-casing so that ß/SS and ﬁ/FI meet too.
 */
export function foldKey(name: string): string {
  return name.normalize('NFC').toUpperCase().toLowerCase().normalize('NFC');
}

/** A name as it can be shown in a message: control characters made visible, length bounded. */
export function printable(name: string): string {
  const shown = name.replace(
    /[\u0000-\u001f\u007f-\u009f]/gu,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return shown.length > 200 ? `${shown.slice(0, 200)}…` : shown;
}
