// Sandboxed preload: exposes one narrow object, window.dossier, and nothing of Node or ipcRenderer.
// Self-contained on purpose (a sandboxed preload cannot require local modules); the main process
// validates every method and input against the contract.
import electron = require('electron');
const { contextBridge, ipcRenderer, webUtils } = electron;

const METHOD = /^[a-z]+:[A-Za-z]+$/;

const api = {
  invoke(method: string, input: unknown): Promise<unknown> {
    if (typeof method !== 'string' || !METHOD.test(method)) {
      return Promise.resolve({
        ok: false,
        error: {
          code: 'unknown_method',
          message: { zh: `未知的操作：${String(method)}`, en: `Unknown method: ${String(method)}` },
        },
      });
    }
    return ipcRenderer.invoke('dossier:invoke', method, input);
  },
  /**
   * The local path of a File from a drop or an <input type=file> (File.path is gone since Electron 32). Only
   * a path the user chose this way reaches attachments:addPaths; '' for a File not backed by a disk file.
   */
  pathForFile(file: File): string {
    try {
      return webUtils.getPathForFile(file);
    } catch {
      return '';
    }
  },
} satisfies { invoke(method: string, input: unknown): Promise<unknown>; pathForFile(file: File): string };

contextBridge.exposeInMainWorld('dossier', api);
