// The IPC side of the one dispatcher: only our own page's main frame may call, and only contract methods.
// Main → page, one event only: a package file the OS asked the app to open (preload.cts, onOpenFile).
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { dispatch } from './core/dispatcher.js';
import type { Workspace } from './core/workspace.js';

export const INVOKE_CHANNEL = 'dossier:invoke';
export const OPEN_FILE_CHANNEL = 'dossier:open-file';

export function registerIpc(workspace: Workspace, appOrigin: string): void {
  ipcMain.handle(INVOKE_CHANNEL, (event: IpcMainInvokeEvent, method: unknown, input: unknown) => {
    const frame = event.senderFrame;
    const isOwnMainFrame = frame !== null && frame.parent === null && frame.url.startsWith(`${appOrigin}/`);
    if (!isOwnMainFrame || typeof method !== 'string') {
      return {
        ok: false,
        error: { code: 'forbidden', message: { zh: '拒绝：调用来源不可信', en: 'Refused: untrusted caller' } },
      };
    }
    return dispatch(workspace, method, input);
  });
}

/** Hands our page the path of a package to open (its verify/import screen); never another page. */
export function sendOpenFile(contents: WebContents, file: string, appOrigin: string): boolean {
  if (!contents.getURL().startsWith(`${appOrigin}/`)) return false;
  contents.send(OPEN_FILE_CHANNEL, file);
  return true;
}
