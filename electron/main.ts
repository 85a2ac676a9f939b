// The desktop shell: one locked-down window on the app:// scheme; every call goes through ipc.ts to the
// same dispatcher as the browser mode. Kept thin: the logic lives in core/ and runs in plain Node.
import { app, BrowserWindow, net, protocol, session } from 'electron';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { openStoredFile } from './core/attachments/files.js';
import { packageRoot } from './core/paths.js';
import { closeWorkspace, openWorkspace, type Workspace } from './core/workspace.js';
import { registerIpc } from './ipc.js';
import { CONTENT_SECURITY_POLICY } from './serve.js';

const APP_ORIGIN = 'app://dossier';
// Packaged, the resources sit outside app.asar (electron-builder.yml extraResources).
if (app.isPackaged) process.env.DOSSIER_RESOURCES = path.join(process.resourcesPath, 'resources');
const rendererDir = path.join(packageRoot(), 'dist', 'renderer');

protocol.registerSchemesAsPrivileged([
  { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 860,
    title: '职称申报材料助手',
    webPreferences: {
      preload: path.join(import.meta.dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}

/**
 * Serves the built renderer with a path-containment check and the strict CSP, and stored attachments at
 * app://dossier/files/<sha256>[?thumb=1] (the same route as the browser mode's, without its token: only
 * our own page can load app:// URLs).
 */
function serveRenderer(workspace: Workspace): void {
  protocol.handle('app', async (request) => {
    const { pathname, searchParams } = new URL(request.url);
    if (pathname.startsWith('/files/')) {
      const file = await openStoredFile(workspace, pathname.slice('/files/'.length), {
        thumbnail: searchParams.get('thumb') === '1',
      });
      if (!file) return new Response('not found', { status: 404 });
      return new Response(Readable.toWeb(file.stream) as ReadableStream, {
        headers: { 'Content-Type': file.mediaType, 'X-Content-Type-Options': 'nosniff' },
      });
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
function lockDown(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
    });
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
}

async function start(): Promise<void> {
  await app.whenReady();
  const workspace = openWorkspace(process.env.DOSSIER_DATA ?? app.getPath('userData'));
  lockDown();
  serveRenderer(workspace);
  registerIpc(workspace, APP_ORIGIN);
  createWindow();
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => closeWorkspace(workspace));
}

void start();
