// Sandboxed preload: exposes one narrow object, window.dossier, and nothing of Node or ipcRenderer.
// Self-contained on purpose (a sandboxed preload cannot require local modules); the main process
// validates every method and input against the contract. test/unit/shell.test.ts checks what is exposed.
import electron = require('electron');
const { contextBridge, ipcRenderer, webUtils } = electron;

// `domain:verb`, both camelCase, digits allowed after the first letter: uploadProfile:get, unit:f4 (the
// dispatcher checks the list).
const METHOD = /^[a-z][A-Za-z0-9]*:[a-z][A-Za-z0-9]*$/;
/** The one event the main process sends (ipc.ts OPEN_FILE_CHANNEL): a package file to open. */
const OPEN_FILE_CHANNEL = 'dossier:open-file';

// Files the OS handed over before the page asked for them wait here: the listener is registered now,
// before any page script runs, so that none is lost.
const openFileQueue: string[] = [];
const openFileListeners = new Set<(file: string) => void>();
ipcRenderer.on(OPEN_FILE_CHANNEL, (_event, file: unknown) => {
  if (typeof file !== 'string') return;
  if (openFileListeners.size === 0) openFileQueue.push(file);
  for (const listener of openFileListeners) listener(file);
});

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
  /**
   * Calls `listener` with the path of each package file the OS asks the app to open (a double-click, a
   * second launch, macOS open-file), those that came before included. Only the path reaches the page,
   * never the IPC event. Returns the function that stops listening.
   */
  onOpenFile(listener: (file: string) => void): () => void {
    if (typeof listener !== 'function') return () => {};
    openFileListeners.add(listener);
    for (const file of openFileQueue.splice(0)) listener(file);
    return () => void openFileListeners.delete(listener);
  },
} satisfies {
  invoke(method: string, input: unknown): Promise<unknown>;
  pathForFile(file: File): string;
  onOpenFile(listener: (file: string) => void): () => void;
};

contextBridge.exposeInMainWorld('dossier', api);
