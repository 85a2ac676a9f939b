// Sandboxed preload: exposes one narrow object, window.dossier, and nothing of Node or ipcRenderer.
// Self-contained on purpose (a sandboxed preload cannot require local modules); the main process
// validates every method and input against the contract.
import electron = require('electron');
const { contextBridge, ipcRenderer } = electron;

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
} satisfies { invoke(method: string, input: unknown): Promise<unknown> };

contextBridge.exposeInMainWorld('dossier', api);
