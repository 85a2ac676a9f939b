// The package file type the app is associated with (electron-builder.yml, fileAssociations): a double-click
// on a package starts the app with its path in argv (Windows, Linux), or sends `open-file` (macOS); a second
// launch hands its argv to the running instance (main.ts). Pure Node, so that it is tested without Electron.
import path from 'node:path';

/** The signed package of issue 6 (docs/package-format.md). */
export const PACKAGE_EXTENSION = '.zcpkg';
export const PACKAGE_MIME = 'application/vnd.dossier.package+zip';

/**
 * The package named on a command line, resolved against the launching process's folder; the last one wins.
 * Switches (`--flag`, and what Chromium adds such as `--allow-file-access-from-files`) are never taken.
 */
export function packagePathFromArgv(argv: readonly string[], workingDirectory: string): string | null {
  let found: string | null = null;
  for (const arg of argv) {
    if (typeof arg !== 'string' || arg.startsWith('-')) continue;
    if (arg.toLowerCase().endsWith(PACKAGE_EXTENSION)) found = path.resolve(workingDirectory, arg);
  }
  return found;
}

export function isPackagePath(file: unknown): file is string {
  return typeof file === 'string' && path.isAbsolute(file) && file.toLowerCase().endsWith(PACKAGE_EXTENSION);
}
