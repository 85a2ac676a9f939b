// The desktop shell's lock-down (issue 8), tested without Electron's runtime (not downloadable here): main.ts
// and ipc.ts are loaded with a test double of the 'electron' module (vi.mock), and the sandboxed preload is
// compiled and run in a fresh context whose only module is that same double. What is checked: the window's
// options, the CSP on app:// responses, the navigation, window-open, webview and permission guards, the
// single-instance hand-over of package files, the folder lock and a refused start's exit code, and that the
// page gets nothing but window.dossier's three functions.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { METHODS } from '../../shared/api/contract.js';

type Listener = (...args: never[]) => unknown;

const fake = vi.hoisted(() => {
  class Emitter {
    listeners = new Map<string, Listener[]>();
    on(name: string, listener: Listener) {
      this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
      return this;
    }
    emit(name: string, ...args: unknown[]) {
      for (const listener of this.listeners.get(name) ?? []) (listener as (...a: unknown[]) => unknown)(...args);
    }
  }
  class FakeWebContents extends Emitter {
    url = '';
    loading = true;
    sent: unknown[][] = [];
    windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
    send(channel: string, ...args: unknown[]) {
      this.sent.push([channel, ...args]);
    }
    getURL() {
      return this.url;
    }
    isLoading() {
      return this.loading;
    }
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      this.windowOpenHandler = handler;
    }
  }
  const state = {
    lock: true,
    windows: [] as FakeWindow[],
    schemes: [] as unknown[],
    protocolHandlers: new Map<string, (request: { url: string }) => Promise<Response>>(),
    ipcHandlers: new Map<string, (...args: unknown[]) => unknown>(),
    fetched: [] as string[],
    quits: 0,
    exits: [] as number[],
    errorBoxes: [] as string[],
    messageBoxes: [] as Record<string, unknown>[],
    messageBoxAnswer: 0,
    permissionRequest: null as null | ((c: unknown, p: string, cb: (ok: boolean) => void) => void),
    permissionCheck: null as null | ((...a: unknown[]) => boolean),
    exposed: [] as [string, unknown][],
    rendererListeners: new Map<string, Listener[]>(),
    rendererInvokes: [] as unknown[][],
    encryptionAvailable: true,
    storageBackend: 'gnome_libsecret',
  };
  class FakeWindow extends Emitter {
    webContents = new FakeWebContents();
    minimized = true;
    focused = 0;
    constructor(readonly options: Record<string, unknown>) {
      super();
      state.windows.push(this);
    }
    loadURL(url: string) {
      this.webContents.url = url;
      return Promise.resolve();
    }
    isMinimized() {
      return this.minimized;
    }
    restore() {
      this.minimized = false;
    }
    focus() {
      this.focused += 1;
    }
  }
  const app = Object.assign(new Emitter(), {
    isPackaged: false,
    whenReady: () => Promise.resolve(),
    getPath: () => process.env.DOSSIER_DATA ?? '',
    requestSingleInstanceLock: () => state.lock,
    quit: () => void (state.quits += 1),
    exit: (code: number) => void state.exits.push(code),
  });
  const electron = {
    app,
    BrowserWindow: FakeWindow,
    dialog: {
      showErrorBox: (_title: string, text: string) => void state.errorBoxes.push(text),
      showMessageBoxSync: (_window: unknown, options: Record<string, unknown>) => {
        state.messageBoxes.push(options);
        return state.messageBoxAnswer;
      },
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => void state.schemes.push(...schemes),
      handle: (scheme: string, handler: (request: { url: string }) => Promise<Response>) =>
        void state.protocolHandlers.set(scheme, handler),
    },
    net: {
      fetch: async (url: string) => {
        state.fetched.push(url);
        return new Response('<!doctype html><title>t</title>', { headers: { 'Content-Type': 'text/html' } });
      },
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: typeof state.permissionRequest) => void (state.permissionRequest = h),
        setPermissionCheckHandler: (h: typeof state.permissionCheck) => void (state.permissionCheck = h),
      },
    },
    ipcMain: { handle: (channel: string, h: (...a: unknown[]) => unknown) => void state.ipcHandlers.set(channel, h) },
    // The renderer side, for the preload.
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => void state.exposed.push([key, value]) },
    ipcRenderer: {
      on(channel: string, listener: Listener) {
        state.rendererListeners.set(channel, [...(state.rendererListeners.get(channel) ?? []), listener]);
      },
      invoke: (...args: unknown[]) => {
        state.rendererInvokes.push(args);
        return Promise.resolve({ ok: true, value: 'from main' });
      },
    },
    webUtils: { getPathForFile: (file: { path?: string }) => file.path ?? '' },
    // XOR 0x5a behind a prefix: a stand-in for the OS keychain.
    safeStorage: {
      isEncryptionAvailable: () => state.encryptionAvailable,
      getSelectedStorageBackend: () => state.storageBackend,
      encryptString: (s: string) =>
        Buffer.concat([Buffer.from('v10'), Buffer.from(Buffer.from(s, 'utf8').map((b) => b ^ 0x5a))]),
      decryptString: (b: Buffer) => Buffer.from(b.subarray(3).map((x) => x ^ 0x5a)).toString('utf8'),
    },
  };
  const reset = () => {
    state.windows.length = 0;
    state.schemes.length = 0;
    state.protocolHandlers.clear();
    state.ipcHandlers.clear();
    state.fetched.length = 0;
    state.quits = 0;
    state.exits.length = 0;
    state.exposed.length = 0;
    state.rendererListeners.clear();
    state.rendererInvokes.length = 0;
    app.listeners.clear();
  };
  return { state, electron, FakeWebContents, reset };
});

vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));

const { state } = fake;
let dataDir: string;
let main: typeof import('../../electron/main.js');
let ipc: typeof import('../../electron/ipc.js');
let serve: typeof import('../../electron/serve.js');
let keyService: typeof import('../../electron/core/package/keyService.js');
const argv = process.argv;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'dossier-shell-'));
  process.env.DOSSIER_DATA = dataDir;
  // A package named on the command line of the first launch (Windows and Linux file association).
  process.argv = [...argv, path.join(dataDir, 'first.zcpkg')];
  try {
    main = await import('../../electron/main.js');
    await main.started;
  } finally {
    process.argv = argv;
  }
  ipc = await import('../../electron/ipc.js');
  serve = await import('../../electron/serve.js');
  keyService = await import('../../electron/core/package/keyService.js');
}, 60_000); // opens a real workspace (migrations, start-up check): seconds on a loaded machine

afterAll(() => {
  fake.electron.app.emit('will-quit');
  delete process.env.DOSSIER_DATA;
  rmSync(dataDir, { recursive: true, force: true });
});

function window() {
  expect(state.windows).toHaveLength(1);
  return state.windows[0]!;
}

/** A new web contents (a window, a frame's host, a webview) as Electron announces it to the app. */
function newContents() {
  const contents = new fake.FakeWebContents();
  fake.electron.app.emit('web-contents-created', {}, contents);
  return contents;
}

function cancellable(extra: Record<string, unknown> = {}) {
  return { defaultPrevented: false, preventDefault: vi.fn(), ...extra };
}

describe('the window', () => {
  it('is context-isolated, sandboxed, without Node, with web security', () => {
    const options = window().options as typeof main.WINDOW_OPTIONS;
    expect(options).toBe(main.WINDOW_OPTIONS);
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(path.basename(options.webPreferences.preload)).toBe('preload.cjs');
    expect(window().webContents.url).toBe('app://dossier/index.html');
  });

  it('asks before closing when the page holds unsaved work (beforeunload), and closes only on 关闭', () => {
    const contents = window().webContents;
    state.messageBoxes.length = 0;
    for (const [answer, closes] of [
      [0, false],
      [1, true],
    ] as const) {
      state.messageBoxAnswer = answer;
      const event = cancellable();
      contents.emit('will-prevent-unload', event);
      expect(event.preventDefault).toHaveBeenCalledTimes(closes ? 1 : 0);
    }
    expect(state.messageBoxes).toHaveLength(2);
    expect(state.messageBoxes[0]).toMatchObject({
      message: expect.stringContaining('有未保存的内容'),
      buttons: ['留在本页 / Stay', '关闭 / Close'],
      cancelId: 0,
    });
    state.messageBoxAnswer = 0;
  });

  it('registers app:// as a secure standard scheme without bypassing the CSP', () => {
    expect(state.schemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });
});

describe('app:// responses', () => {
  const handler = () => state.protocolHandlers.get('app')!;

  it('carry the strict CSP: own origin only, no eval, nothing remote', async () => {
    const response = await handler()({ url: 'app://dossier/index.html' });
    expect(response.status).toBe(200);
    const csp = response.headers.get('Content-Security-Policy');
    expect(csp).toBe(serve.CONTENT_SECURITY_POLICY);
    const directives = new Map(
      csp!.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name!, values];
      }),
    );
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(csp).not.toMatch(/unsafe-eval|wasm-unsafe-eval|\*|https?:|wss?:|file:/);
    expect(state.fetched.at(-1)).toMatch(/^file:.*dist\/renderer\/index\.html$/);
  });

  it('serve nothing outside the built renderer', async () => {
    const rendererDir = path.resolve('dist', 'renderer');
    for (const url of [
      'app://dossier/%2e%2e/%2e%2e/package.json',
      'app://dossier/..%2f..%2fpackage.json',
      'app://dossier/%2E%2E%5C..%5Cpackage.json',
      'app://dossier//etc/passwd',
    ]) {
      const before = state.fetched.length;
      const { status } = await handler()({ url });
      const fetched = state.fetched.slice(before).map((u) => fileURLToPath(u));
      // Either refused, or a file inside dist/renderer.
      if (status === 404) expect(fetched, url).toEqual([]);
      else
        expect(
          fetched.every((f) => f.startsWith(rendererDir + path.sep)),
          url,
        ).toBe(true);
    }
    expect((await handler()({ url: 'app://dossier/..%2f..%2fpackage.json' })).status).toBe(404);
    expect((await handler()({ url: `app://dossier/files/${'0'.repeat(64)}` })).status).toBe(404);
  });
});

describe('the guards on every web contents', () => {
  it('prevent navigation away from app://dossier', () => {
    const contents = newContents();
    const navigate = (url: string) => {
      const event = cancellable();
      contents.emit('will-navigate', event, url);
      return event.preventDefault.mock.calls.length > 0;
    };
    expect(navigate('https://example.com')).toBe(true);
    expect(navigate('http://127.0.0.1:8080/')).toBe(true);
    expect(navigate('file:///etc/passwd')).toBe(true);
    expect(navigate('app://dossier.example.com/')).toBe(true);
    expect(navigate('app://dossier/index.html#/profile')).toBe(false);

    const frame = cancellable({ url: 'https://example.com/frame' });
    contents.emit('will-frame-navigate', frame);
    expect(frame.preventDefault).toHaveBeenCalled();
    const redirect = cancellable();
    contents.emit('will-redirect', redirect, 'https://example.com');
    expect(redirect.preventDefault).toHaveBeenCalled();
  });

  it('deny new windows and prevent webviews', () => {
    const contents = newContents();
    expect(contents.windowOpenHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'app://dossier/index.html' })).toEqual({ action: 'deny' });
    const attach = cancellable();
    contents.emit('will-attach-webview', attach, { nodeIntegration: true }, { src: 'https://example.com' });
    expect(attach.preventDefault).toHaveBeenCalled();
  });

  it('deny every permission request and check', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      state.permissionRequest!({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(state.permissionCheck!({}, permission, 'app://dossier', {})).toBe(false);
    }
  });
});

/** A call from our own page's main frame, through the IPC handler main.ts registered at first start. */
const invokeMain = (method: string, input: unknown = {}) =>
  state.ipcHandlers.get(ipc.INVOKE_CHANNEL)!(
    { senderFrame: { url: 'app://dossier/index.html', parent: null } },
    method,
    input,
  );

describe('IPC', () => {
  const invoke = (url: string, parent: unknown, method: unknown, input: unknown = {}) =>
    state.ipcHandlers.get(ipc.INVOKE_CHANNEL)!({ senderFrame: { url, parent } }, method, input);

  it('answers our own main frame through the contract, and refuses anyone else', async () => {
    expect(await invoke('app://dossier/index.html', null, 'workspace:status')).toMatchObject({ ok: true });
    expect(await invoke('app://dossier/index.html', null, 'fs:readFile')).toMatchObject({
      ok: false,
      error: { code: 'unknown_method' },
    });
    for (const [url, parent] of [
      ['https://example.com/', null],
      ['app://dossier/index.html', {}],
    ] as const) {
      expect(await invoke(url, parent, 'workspace:status')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });
});

describe('the OS keychain for the signing key', () => {
  it('is registered at start when safeStorage can encrypt', async () => {
    expect(keyService.osKeychainAvailable()).toBe(true);
    expect(await invokeMain('keys:status')).toMatchObject({ ok: true, value: { osKeychainAvailable: true } });
    expect(await invokeMain('keys:create')).toMatchObject({ ok: true, value: { protection: 'os' } });
    const file = JSON.parse(readFileSync(path.join(dataDir, 'keys', 'signing-key.json'), 'utf8')) as {
      protection: { kind: string };
    };
    expect(file.protection.kind).toBe('os-keychain');
  });

  it('is not when it cannot (or only with the fixed password of Linux without a keyring)', () => {
    try {
      state.encryptionAvailable = false;
      expect(main.registerOsKeychain()).toBe(false);
      expect(keyService.osKeychainAvailable()).toBe(false);
      state.encryptionAvailable = true;
      state.storageBackend = 'basic_text';
      expect(main.registerOsKeychain()).toBe(process.platform !== 'linux');
      state.storageBackend = 'gnome_libsecret';
      expect(main.registerOsKeychain()).toBe(true);
      expect(keyService.osKeychainAvailable()).toBe(true);
    } finally {
      state.encryptionAvailable = true;
      state.storageBackend = 'gnome_libsecret';
      main.registerOsKeychain();
    }
  });

  it('is not registered by a start where safeStorage cannot encrypt', async () => {
    vi.resetModules();
    const listeners = new Map(fake.electron.app.listeners);
    const windows = [...state.windows];
    fake.reset();
    state.encryptionAvailable = false;
    const other = mkdtempSync(path.join(os.tmpdir(), 'dossier-shell-nokeychain-'));
    const dataDirBefore = process.env.DOSSIER_DATA;
    process.env.DOSSIER_DATA = other;
    try {
      const second = await import('../../electron/main.js');
      await second.started;
      const keys = await import('../../electron/core/package/keyService.js');
      expect(keys).not.toBe(keyService);
      expect(keys.osKeychainAvailable()).toBe(false);
      fake.electron.app.emit('will-quit');
    } finally {
      state.encryptionAvailable = true;
      process.env.DOSSIER_DATA = dataDirBefore;
      fake.reset();
      rmSync(other, { recursive: true, force: true });
      for (const [name, list] of listeners) fake.electron.app.listeners.set(name, list);
      state.windows.push(...windows);
    }
  });
});

describe('single instance and package files', () => {
  it('takes the lock and hands the first launch’s package to the page once it has loaded', () => {
    const contents = window().webContents;
    expect(contents.sent).toEqual([]);
    contents.loading = false;
    contents.emit('did-finish-load');
    expect(contents.sent).toEqual([[ipc.OPEN_FILE_CHANNEL, path.join(dataDir, 'first.zcpkg')]]);
  });

  it('hands a second launch’s package to the running window and brings it forward', () => {
    const w = window();
    w.webContents.sent.length = 0;
    fake.electron.app.emit('second-instance', {}, ['/opt/app/dossier', '--no-sandbox', 'in/申报.ZCPKG'], '/home/u');
    expect(w.minimized).toBe(false);
    expect(w.focused).toBeGreaterThan(0);
    expect(w.webContents.sent).toEqual([[ipc.OPEN_FILE_CHANNEL, path.resolve('/home/u', 'in/申报.ZCPKG')]]);
    fake.electron.app.emit('second-instance', {}, ['/opt/app/dossier', 'notes.txt'], '/home/u');
    expect(w.webContents.sent).toHaveLength(1);
  });

  it('takes macOS open-file events for packages only', () => {
    const w = window();
    w.webContents.sent.length = 0;
    const event = cancellable();
    fake.electron.app.emit('open-file', event, '/Users/u/Downloads/材料.zcpkg');
    expect(event.preventDefault).toHaveBeenCalled();
    fake.electron.app.emit('open-file', cancellable(), '/Users/u/evil.app');
    expect(w.webContents.sent).toEqual([[ipc.OPEN_FILE_CHANNEL, '/Users/u/Downloads/材料.zcpkg']]);
  });

  it('never sends a path to a page that is not ours', () => {
    const contents = new fake.FakeWebContents();
    contents.url = 'https://example.com/';
    expect(ipc.sendOpenFile(contents as never, '/x.zcpkg', main.APP_ORIGIN)).toBe(false);
    expect(contents.sent).toEqual([]);
  });

  it('a second instance quits at once, opening nothing', async () => {
    vi.resetModules();
    const listeners = new Map(fake.electron.app.listeners);
    const windows = [...state.windows];
    fake.reset();
    state.lock = false;
    try {
      const second = await import('../../electron/main.js');
      await second.started;
      expect(state.quits).toBe(1);
      expect(state.windows).toEqual([]);
      expect(state.protocolHandlers.size).toBe(0);
      expect(state.ipcHandlers.size).toBe(0);
    } finally {
      state.lock = true;
      // The first instance's listeners again, so that afterAll's will-quit closes its workspace.
      for (const [name, list] of listeners) fake.electron.app.listeners.set(name, list);
      state.windows.push(...windows);
    }
  });
});

describe('a start that fails', () => {
  it('says why in a dialog, in Chinese and English, and quits', async () => {
    vi.resetModules();
    const listeners = new Map(fake.electron.app.listeners);
    const windows = [...state.windows];
    fake.reset();
    const dataDirBefore = process.env.DOSSIER_DATA;
    // A workspace whose database is from a newer release: openWorkspace refuses it.
    const newer = mkdtempSync(path.join(os.tmpdir(), 'dossier-shell-newer-'));
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(path.join(newer, 'dossier.sqlite'));
    db.pragma('user_version = 9999');
    db.close();
    process.env.DOSSIER_DATA = newer;
    try {
      const failing = await import('../../electron/main.js');
      await failing.started;
      expect(state.errorBoxes).toHaveLength(1);
      expect(state.errorBoxes[0]).toMatch(/由更新版本的本软件创建[\s\S]*made by a newer release/);
      // Not a quiet quit: the launcher sees the refusal (the CLI's code for it).
      expect(state.exits).toEqual([1]);
      expect(state.windows).toEqual([]);
    } finally {
      process.env.DOSSIER_DATA = dataDirBefore;
      rmSync(newer, { recursive: true, force: true });
      for (const [name, list] of listeners) fake.electron.app.listeners.set(name, list);
      state.windows.push(...windows);
    }
  });
});

describe('a data folder another app holds', () => {
  it('is refused naming the holder, in a dialog, with exit code 3, and opens nothing', async () => {
    vi.resetModules();
    const listeners = new Map(fake.electron.app.listeners);
    const windows = [...state.windows];
    fake.reset();
    state.errorBoxes.length = 0;
    // The first start (beforeAll) holds dataDir's lock until it quits; this is a second app on the same folder
    // that the single-instance lock did not catch (another copy, another user profile).
    try {
      const second = await import('../../electron/main.js');
      await second.started;
      expect(state.errorBoxes).toHaveLength(1);
      expect(state.errorBoxes[0]).toContain(`${process.pid}`);
      expect(state.errorBoxes[0]).toContain('dossier start (desktop)');
      expect(state.exits).toEqual([3]);
      expect(state.windows).toEqual([]);
      expect(state.ipcHandlers.size).toBe(0);
    } finally {
      for (const [name, list] of listeners) fake.electron.app.listeners.set(name, list);
      state.windows.push(...windows);
    }
  });
});

describe('the preload', () => {
  /** preload.cts compiled as Electron loads it, run where the only module is the electron double. */
  async function loadPreload() {
    state.exposed.length = 0;
    state.rendererListeners.clear();
    state.rendererInvokes.length = 0;
    const source = readFileSync(path.resolve('electron/preload.cts'), 'utf8');
    const { outputText } = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
      fileName: 'preload.cts',
    });
    const electron = await import('electron');
    const required: string[] = [];
    const module = { exports: {} };
    vm.runInNewContext(outputText, {
      module,
      exports: module.exports,
      require: (name: string) => {
        required.push(name);
        if (name !== 'electron') throw new Error(`a sandboxed preload cannot require ${name}`);
        return electron;
      },
    });
    return { required };
  }

  function exposedApi(): Record<string, unknown> {
    expect(state.exposed).toHaveLength(1);
    const [key, api] = state.exposed[0]!;
    expect(key).toBe('dossier');
    return api as Record<string, unknown>;
  }

  it('requires nothing but electron and exposes exactly invoke, pathForFile and onOpenFile', async () => {
    const { required } = await loadPreload();
    expect(required).toEqual(['electron']);
    const api = exposedApi();
    expect(Object.keys(api).sort()).toEqual(['invoke', 'onOpenFile', 'pathForFile']);
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
    // Nothing of Electron or Node is reachable through it.
    const names = JSON.stringify(Object.getOwnPropertyNames(api));
    expect(names).not.toMatch(/ipcRenderer|require|process|fs/);
    expect(Object.values(api)).not.toContain(fake.electron.ipcRenderer);
    // The only channel listened to is the open-file one.
    expect([...state.rendererListeners.keys()]).toEqual([ipc.OPEN_FILE_CHANNEL]);
  });

  it('passes every contract method through the one invoke channel, and refuses anything else', async () => {
    await loadPreload();
    const api = exposedApi() as { invoke(method: unknown, input: unknown): Promise<unknown> };
    for (const method of METHODS) {
      expect(await api.invoke(method, { x: 1 })).toEqual({ ok: true, value: 'from main' });
    }
    expect(state.rendererInvokes).toEqual(METHODS.map((m) => [ipc.INVOKE_CHANNEL, m, { x: 1 }]));
    state.rendererInvokes.length = 0;
    for (const bad of ['fs.readFile', 'constructor', '__proto__', 'a:b:c', 'x:y/../z', 42, null]) {
      expect(await api.invoke(bad, {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    }
    expect(state.rendererInvokes).toEqual([]);
  });

  it('onOpenFile gives only paths, those that came first included, until unsubscribed', async () => {
    await loadPreload();
    const api = exposedApi() as { onOpenFile(cb: (...args: unknown[]) => void): () => void };
    const emit = (payload: unknown) => {
      for (const listener of state.rendererListeners.get(ipc.OPEN_FILE_CHANNEL) ?? []) {
        (listener as (...a: unknown[]) => void)({ sender: fake.electron.ipcRenderer }, payload);
      }
    };
    emit('/early.zcpkg');
    emit({ not: 'a path' });
    const calls: unknown[][] = [];
    const stop = api.onOpenFile((...args) => calls.push(args));
    expect(calls).toEqual([['/early.zcpkg']]);
    emit('/later.zcpkg');
    expect(calls).toEqual([['/early.zcpkg'], ['/later.zcpkg']]);
    stop();
    emit('/after.zcpkg');
    expect(calls).toHaveLength(2);
  });
});
