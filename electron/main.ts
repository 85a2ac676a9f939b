// The desktop shell: one locked-down window on the app:// scheme; every call goes through ipc.ts to the
// same dispatcher as the browser mode. Kept thin: the logic lives in core/ and runs in plain Node.
import { app, BrowserWindow, net, protocol, session } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageRoot } from './core/paths.js';
import { closeWorkspace, openWorkspace } from './core/workspace.js';
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

/** Serves the built renderer with a path-containment check and the strict CSP. */
function serveRenderer(): void {
  protocol.handle('app', async (request) => {
    const { pathname } = new URL(request.url);
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
  serveRenderer();
  registerIpc(workspace, APP_ORIGIN);
  createWindow();
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => closeWorkspace(workspace));
}

void start();
