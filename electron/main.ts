// The desktop shell: one locked-down window on the app:// scheme; every call goes through ipc.ts to the
// same dispatcher as the browser mode. Kept thin: the logic lives in core/ and runs in plain Node.
// test/unit/shell.test.ts loads this file with a test double of 'electron' (the runtime is absent here).
import {
  app,
  BrowserWindow,
  dialog,
  net,
  protocol,
  safeStorage,
  session,
  type BrowserWindowConstructorOptions,
} from 'electron';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { openPreviewFile } from './core/unit/heldFiles.js';
import { scheduleAutoBackups } from './core/backup/schedule.js';
import { DossierError, exitCodeOf } from './core/errors.js';
import { lockDataFolder, type FolderLock } from './core/folderLock.js';
import { isPackagePath, packagePathFromArgv } from './core/openFile.js';
import { useOsKeychain } from './core/package/keyService.js';
import { osKeychainProtector } from './core/package/osProtector.js';
import { openPackageDownload } from './core/package/packageFiles.js';
import { openBatchDownload } from './core/unit/batch.js';
import { packageRoot } from './core/paths.js';
import { closeWorkspace, openWorkspace, type Workspace } from './core/workspace.js';
import { registerIpc, sendOpenFile } from './ipc.js';
import { scheduleSpotCheck } from './core/attachments/verify.js';
import { workspaceToOpen, type RecoveryQuestion } from './core/startupRecovery.js';
import { CONTENT_SECURITY_POLICY, FULL_FONTS } from './serve.js';
import { fullFontFile } from './core/forms/fonts.js';

export const APP_ORIGIN = 'app://dossier';
// Packaged, the resources sit outside app.asar (electron-builder.yml extraResources).
if (app.isPackaged) process.env.DOSSIER_RESOURCES = path.join(process.resourcesPath, 'resources');
const rendererDir = path.join(packageRoot(), 'dist', 'renderer');

export const WINDOW_OPTIONS = {
  width: 1280,
  height: 860,
  title: '职称申报材料助手',
  webPreferences: {
    preload: path.join(import.meta.dirname, 'preload.cjs'),
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
  },
} as const satisfies BrowserWindowConstructorOptions;

protocol.registerSchemesAsPrivileged([
  { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

let mainWindow: BrowserWindow | null = null;
/** Package files to hand to the page (double-click, second launch, macOS open-file) once it has loaded. */
const pendingFiles: string[] = [];

export function createWindow(): BrowserWindow {
  const window = new BrowserWindow(WINDOW_OPTIONS);
  window.webContents.on('did-finish-load', flushOpenFiles);
  // The page asks before it goes when work would be lost (beforeunload: a form not saved, a comment not
  // sent). Electron would then keep the window open without a word: ask as a browser does.
  window.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(window, {
      type: 'question',
      title: '职称申报材料助手',
      message: '有未保存的内容，仍要关闭吗？ / Close with unsaved work?',
      detail: '未保存的修改、未发送的审核意见将会丢失。\nUnsaved changes and unsent comments will be lost.',
      buttons: ['留在本页 / Stay', '关闭 / Close'],
      defaultId: 0,
      cancelId: 0,
    });
    if (choice === 1) event.preventDefault();
  });
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}

function openFile(file: string | null): void {
  if (file === null) return;
  pendingFiles.push(file);
  flushOpenFiles();
}

function flushOpenFiles(): void {
  const contents = mainWindow?.webContents;
  if (!contents || contents.isLoading()) return;
  for (const file of pendingFiles.splice(0)) sendOpenFile(contents, file, APP_ORIGIN);
}

/**
 * Serves the built renderer with a path-containment check and the strict CSP, stored attachments at
 * app://dossier/files/<sha256>[?thumb=1], package files at app://dossier/packages/<name> and a unit's batches
 * at app://dossier/batches/<name> (the same routes
 * as the browser mode's, without its token: only our own page can load app:// URLs).
 */
const DOWNLOADS = [
  { prefix: '/packages/', open: openPackageDownload },
  { prefix: '/batches/', open: openBatchDownload },
] as const;

function serveRenderer(workspace: Workspace): void {
  protocol.handle('app', async (request) => {
    const { pathname, searchParams } = new URL(request.url);
    if (pathname.startsWith('/files/')) {
      const file = await openPreviewFile(workspace, pathname.slice('/files/'.length), {
        thumbnail: searchParams.get('thumb') === '1',
      });
      if (!file) return new Response('not found', { status: 404 });
      return new Response(Readable.toWeb(file.stream) as ReadableStream, {
        headers: { 'Content-Type': file.mediaType, 'X-Content-Type-Options': 'nosniff' },
      });
    }
    // A package file (issue 6) or a unit's batch for the city (issue 7), as a download: only names their
    // tables record.
    const download = DOWNLOADS.find((d) => pathname.startsWith(d.prefix));
    if (download) {
      let name: string;
      try {
        name = decodeURIComponent(pathname.slice(download.prefix.length));
      } catch {
        return new Response('not found', { status: 404 });
      }
      const pkg = await download.open(workspace, name);
      if (!pkg) return new Response('not found', { status: 404 });
      // Read to the end by the save dialog's download: a waiting batch is then removed (batch.ts).
      pkg.stream.once('end', () => void pkg.onDelivered?.().catch(() => {}));
      return new Response(Readable.toWeb(pkg.stream) as ReadableStream, {
        headers: {
          'Content-Type': pkg.mediaType,
          'Content-Length': String(pkg.size),
          'Content-Disposition': pkg.disposition,
          'X-Content-Type-Options': 'nosniff',
        },
      });
    }
    if (pathname.startsWith(FULL_FONTS)) {
      const font = fullFontFile(pathname.slice(FULL_FONTS.length));
      return font ? net.fetch(pathToFileURL(font).toString()) : new Response('not found', { status: 404 });
    }
    const file = path.resolve(rendererDir, decodeURIComponent(pathname).replace(/^\/+/, '') || 'index.html');
    if (!file.startsWith(rendererDir + path.sep)) return new Response('not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    return new Response(response.body, { status: response.status, headers });
  });
}

/** One app-wide guard: no navigation away, no new windows, no webviews, no permissions. */
export function lockDown(): void {
  const isOwn = (url: string) => url.startsWith(`${APP_ORIGIN}/`);
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isOwn(url)) event.preventDefault();
    });
    contents.on('will-frame-navigate', (event) => {
      if (!isOwn(event.url)) event.preventDefault();
    });
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
}

/**
 * The signing key is sealed by the OS keychain when safeStorage can encrypt (issue 6); not on Linux without a
 * keyring, where safeStorage falls back to a fixed password ('basic_text'): the passphrase is kept there.
 */
export function registerOsKeychain(): boolean {
  const usable =
    safeStorage.isEncryptionAvailable() &&
    !(process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text');
  useOsKeychain(usable ? osKeychainProtector(safeStorage) : null);
  return usable;
}

async function start(): Promise<void> {
  await app.whenReady();
  registerOsKeychain();
  const requested = process.env.DOSSIER_DATA ?? app.getPath('userData');
  // One writer per data folder (issue 13): held until the app quits, released by the OS on a crash. The
  // single-instance lock below hands a second launch to this one; this refuses another app on the folder
  // (a browser mode, another copy) and keeps the CLI's writing commands out while the app runs.
  mkdirSync(requested, { recursive: true });
  const locks: FolderLock[] = [lockDataFolder(requested, { command: 'dossier start (desktop)', app: true })];
  const releaseLocks = () => locks.splice(0).forEach((lock) => lock.release());
  let workspace: Workspace;
  try {
    const dataDir = await workspaceToOpen(requested, askInDialog);
    if (dataDir !== requested) locks.push(lockDataFolder(dataDir, { command: 'dossier start (desktop)', app: true }));
    workspace = openWorkspace(dataDir);
  } catch (e) {
    releaseLocks();
    throw e;
  }
  lockDown();
  serveRenderer(workspace);
  registerIpc(workspace, APP_ORIGIN);
  mainWindow = createWindow();
  mainWindow.on('closed', () => (mainWindow = null));
  const stopBackups = scheduleAutoBackups(workspace);
  // The start-up check's sample of scans, re-hashed in the background: it never blocks (issue 13).
  const stopSpotCheck = scheduleSpotCheck(workspace);
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    stopBackups();
    stopSpotCheck();
    closeWorkspace(workspace);
    releaseLocks();
  });
}

/** The start-up check found damage (issue 8): offer the newest good backup, restored into a new folder. */
async function askInDialog(q: RecoveryQuestion): Promise<boolean> {
  const problems = q.problems.map((p) => `• ${p.zh}`).join('\n');
  const { response } = await dialog.showMessageBox({
    type: 'warning',
    title: '职称申报材料助手',
    message: '工作区已损坏 / The workspace is damaged',
    detail: `${problems}\n\n可从最新完好备份恢复到新文件夹（原文件夹不会被修改）：\n${q.backup}\n→ ${q.target}`,
    buttons: ['从备份恢复 / Restore', '退出 / Quit'],
    defaultId: 0,
    cancelId: 1,
  });
  return response === 0;
}

/**
 * A start that failed (a database from a newer release, a folder another app holds or that cannot be written)
 * is said, not lost, and ends with the CLI's exit code (3: the data folder cannot be used now), so that a
 * script or a desktop launcher sees the refusal.
 */
function failed(e: unknown): void {
  const text = e instanceof DossierError ? `${e.localized.zh}\n\n${e.localized.en}` : String(e);
  dialog.showErrorBox('职称申报材料助手', text);
  app.exit(e instanceof DossierError ? exitCodeOf(e) : 1);
}

// One instance: a second launch (a double-clicked package while the app runs) hands its argv to this one.
const isPrimary = app.requestSingleInstanceLock();
if (isPrimary) {
  app.on('second-instance', (_event, argv, workingDirectory) => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
    openFile(packagePathFromArgv(argv, workingDirectory));
  });
  // macOS sends double-clicked files as events, also before the app is ready.
  app.on('open-file', (event, file) => {
    event.preventDefault();
    openFile(isPackagePath(file) ? file : null);
  });
  openFile(packagePathFromArgv(process.argv.slice(1), process.cwd()));
} else {
  app.quit();
}

/** Settles once the window is open (or the start failed and was reported); for the shell test. */
export const started: Promise<void> = isPrimary ? start().catch(failed) : Promise.resolve();
