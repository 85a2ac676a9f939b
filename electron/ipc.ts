// The IPC side of the one dispatcher: only our own page's main frame may call, and only contract methods.
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { dispatch } from './core/dispatcher.js';
import type { Workspace } from './core/workspace.js';

export const INVOKE_CHANNEL = 'dossier:invoke';

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
