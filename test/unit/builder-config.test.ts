// Packaging (issue 8) without building: electron-builder.yml against electron-builder's own JSON schema
// (node_modules/app-builder-lib/scheme.json) and its own loader; the icons made from resources/icon.svg;
// the afterPack hook's fuses on a stand-in binary; `npm run dist` saying why it cannot download.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Ajv } from 'ajv';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_EXTENSION, PACKAGE_MIME } from '../../electron/core/openFile.js';
import { MIMETYPE } from '../../electron/core/package/manifest.js';
import { tempDir } from '../helpers/workspace.js';

const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };
const root = path.resolve(import.meta.dirname, '..', '..');

type Config = Record<string, unknown> & {
  nsis: Record<string, unknown>;
  win: { target: { target: string; arch: string[] }[]; icon: string };
  mac: { target: { target: string; arch: string[] }[]; icon: string };
  linux: { target: { target: string; arch: string[] }[]; icon: string };
  fileAssociations: Record<string, unknown>[];
  extraResources: unknown[];
  asarUnpack: string[];
};
const config = yaml.load(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as Config;

function schemaValidator() {
  const schema = JSON.parse(readFileSync(path.join(root, 'node_modules/app-builder-lib/scheme.json'), 'utf8'));
  // strict: false for the schema's own extension keyword (`typeof`, for hooks given as functions); no type
  // coercion, unlike electron-builder's loader: "2052" must be written as the string it is.
  const ajv = new Ajv({ allErrors: true, strict: false });
  return ajv.compile(schema);
}

describe('electron-builder.yml', () => {
  it('is valid against electron-builder’s own schema', () => {
    const validate = schemaValidator();
    const ok = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the schema check is not vacuous', () => {
    const validate = schemaValidator();
    expect(validate({ ...config, nsis: { ...config.nsis, oneClick: 'no' } })).toBe(false);
    expect(validate({ ...config, unknownOption: true })).toBe(false);
    expect(validate({ ...config, nsis: { ...config.nsis, createDesktopShortcut: 'sometimes' } })).toBe(false);
  });

  it('loads and validates with electron-builder’s own loader', async () => {
    const loader = require('app-builder-lib/out/util/config/config.js') as {
      getConfig(projectDir: string, configPath: string | null, fromOptions: null): Promise<Record<string, unknown>>;
      validateConfiguration(config: unknown, logger: unknown): Promise<void>;
    };
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    const loaded = await loader.getConfig(root, null, null);
    await loader.validateConfiguration(loaded, new DebugLogger(false));
    expect(loaded.productName).toBe('职称申报材料助手');
  });

  it('builds the installers issue 8 asks for', () => {
    expect(config.appId).toBe('cn.zj.dossier');
    expect(config.productName).toBe('职称申报材料助手');
    expect(config).not.toHaveProperty('version'); // package.json's
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      allowElevation: false,
      language: '2052',
      installerLanguages: ['zh_CN'],
      createDesktopShortcut: true,
      deleteAppDataOnUninstall: false,
    });
    expect(config.mac.target).toEqual([{ target: 'dmg', arch: ['x64', 'arm64'] }]);
    expect(config.linux.target.map((t) => t.target)).toEqual(['AppImage', 'deb']);
    expect(config.npmRebuild).toBe(true);
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**');
    expect(JSON.stringify(config.extraResources)).toContain('node_modules/node-source-han-sans-sc');
    expect(config.afterPack).toBe('scripts/afterPack.cjs');
  });

  it('associates the package file type with the app', () => {
    expect(config.fileAssociations).toEqual([
      expect.objectContaining({ ext: PACKAGE_EXTENSION.slice(1), mimeType: PACKAGE_MIME }),
    ]);
    expect(PACKAGE_MIME).toBe(MIMETYPE);
  });

  it('no install script builds anything for Electron (postinstall must work offline)', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    for (const hook of ['preinstall', 'install', 'postinstall', 'prepare']) {
      expect(pkg.scripts[hook] ?? '').not.toMatch(/electron-builder|electron-rebuild|install-app-deps/);
    }
  });
});

describe('icons from resources/icon.svg', () => {
  // Not tempDir(): that is removed after each test, and these tests share one run of the script.
  const out = mkdtempSync(path.join(os.tmpdir(), 'dossier-icons-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));
  beforeAll(() => {
    const run = spawnSync(process.execPath, [path.join(root, 'scripts/icons.mjs'), '--out', out], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  }, 60_000);

  it('makes every PNG size, each as large as its name says', async () => {
    for (const size of [16, 24, 32, 48, 64, 128, 256, 512, 1024]) {
      const meta = await sharp(path.join(out, `${size}x${size}.png`)).metadata();
      expect([meta.format, meta.width, meta.height, meta.hasAlpha]).toEqual(['png', size, size, true]);
    }
  });

  it('names what electron-builder.yml points at', () => {
    expect(path.basename(config.win.icon)).toBe('icon.ico');
    expect(path.basename(config.mac.icon)).toBe('1024x1024.png');
    expect(config.linux.icon).toBe('build/icons');
  });

  it('writes a Windows ICO of 16–256 px: BMP up to 48, PNG above, the same pixels as the PNGs', async () => {
    const ico = readFileSync(path.join(out, 'icon.ico'));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const count = ico.readUInt16LE(4);
    const sizes: number[] = [];
    for (let i = 0; i < count; i++) {
      const at = 6 + 16 * i;
      const size = ico[at] || 256;
      const bytes = ico.readUInt32LE(at + 8);
      const offset = ico.readUInt32LE(at + 12);
      const data = ico.subarray(offset, offset + bytes);
      expect(offset + bytes).toBeLessThanOrEqual(ico.length);
      const png = await sharp(path.join(out, `${size}x${size}.png`))
        .ensureAlpha()
        .raw()
        .toBuffer();
      if (data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) {
        expect(size).toBeGreaterThan(48);
        expect((await sharp(data).ensureAlpha().raw().toBuffer()).equals(png)).toBe(true);
      } else {
        expect(size).toBeLessThanOrEqual(48);
        expect([data.readUInt32LE(0), data.readInt32LE(4), data.readInt32LE(8), data.readUInt16LE(14)]).toEqual([
          40,
          size,
          size * 2,
          32,
        ]);
        // Bottom-up BGRA: the top-left pixel is the first of the last row.
        const first = 40 + (size - 1) * size * 4;
        expect([data[first + 2], data[first + 1], data[first], data[first + 3]]).toEqual([...png.subarray(0, 4)]);
      }
      sizes.push(size);
    }
    expect(sizes).toEqual([16, 24, 32, 48, 64, 128, 256]);
  });
});

describe('the afterPack hook', () => {
  type Hook = ((context: unknown) => Promise<void>) & { fuseConfig: unknown };
  const afterPack = require('../../scripts/afterPack.cjs') as Hook;
  type Fuses = {
    FuseV1Options: Record<string, number>;
    getCurrentFuseWire(file: string): Promise<Record<string, unknown>>;
  };
  let fuses: Fuses;
  beforeAll(async () => {
    fuses = (await import('@electron/fuses')) as unknown as Fuses; // an ES module since @electron/fuses 2
  });
  const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
  const ENABLE = 49;
  const DISABLE = 48;

  /** A stand-in executable: the fuse wire (version 1, Electron 45's nine fuses all enabled) between other bytes. */
  function fakeElectron(file: string, count = 9): void {
    mkdirSync(path.dirname(file), { recursive: true });
    const wire = Buffer.from([1, count, ...Array(count).fill(ENABLE)]);
    writeFileSync(file, Buffer.concat([Buffer.alloc(4096, 7), Buffer.from(SENTINEL), wire, Buffer.alloc(4096, 9)]));
  }

  it.each([
    ['linux', 'dossier'],
    ['win32', '职称申报材料助手.exe'],
  ])('flips the fuses of the %s executable', async (platform, name) => {
    const appOutDir = tempDir('dossier-pack-');
    fakeElectron(path.join(appOutDir, name));
    await afterPack({
      appOutDir,
      electronPlatformName: platform,
      arch: 1,
      packager: { executableName: 'dossier', appInfo: { productFilename: '职称申报材料助手' } },
    });
    const wire = await fuses.getCurrentFuseWire(path.join(appOutDir, name));
    const o = fuses.FuseV1Options;
    expect(wire[o.RunAsNode!]).toBe(DISABLE);
    expect(wire[o.EnableNodeOptionsEnvironmentVariable!]).toBe(DISABLE);
    expect(wire[o.EnableNodeCliInspectArguments!]).toBe(DISABLE);
    expect(wire[o.GrantFileProtocolExtraPrivileges!]).toBe(DISABLE);
    expect(wire[o.OnlyLoadAppFromAsar!]).toBe(ENABLE);
    expect(wire[o.EnableEmbeddedAsarIntegrityValidation!]).toBe(ENABLE);
    expect(wire[o.EnableCookieEncryption!]).toBe(ENABLE); // as Electron ships it, but decided
    expect(wire[o.LoadBrowserProcessSpecificV8Snapshot!]).toBe(DISABLE);
    expect(wire[o.WasmTrapHandlers!]).toBe(ENABLE);
  });

  it('refuses to pack an Electron whose fuse wire is not the one every fuse was decided for', async () => {
    const appOutDir = tempDir('dossier-pack-');
    fakeElectron(path.join(appOutDir, 'dossier'), 8);
    await expect(
      afterPack({
        appOutDir,
        electronPlatformName: 'linux',
        arch: 1,
        packager: { executableName: 'dossier', appInfo: { productFilename: '职称申报材料助手' } },
      }),
    ).rejects.toThrow();
  });
});

describe('npm run dist', () => {
  it('says in one line, in Chinese and English, why it cannot download the Electron runtime', async () => {
    // A port nothing listens on any more, and an empty cache: the situation of our build machines, made certain.
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    const run = spawnSync(process.execPath, [path.join(root, 'scripts/dist.mjs'), '--check'], {
      encoding: 'utf8',
      env: {
        ...process.env,
        ELECTRON_MIRROR: `http://127.0.0.1:${port}/`,
        electron_config_cache: tempDir('dossier-cache-'),
        HTTPS_PROXY: '',
        https_proxy: '',
        ELECTRON_GET_USE_PROXY: '',
      },
      timeout: 30_000,
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trim().split('\n');
    expect(lines.every((line) => line.startsWith('无法打包：'))).toBe(true);
    expect(lines.at(-1)).toMatch(
      /^无法打包：Electron 运行时 v[\d.]+（.+）无法下载（127\.0\.0\.1:\d+：ECONNREFUSED）.* \/ Cannot package: /,
    );
    // Before that, a better-sqlite3 that cannot run inside this Electron is named, with the line that can.
    const { sqliteFits } = (await import('../../scripts/electronSupport.mjs')) as {
      sqliteFits(v: string, major: number): { fits: boolean };
    };
    const electron = require('electron/package.json') as { version: string };
    const sqlite = require('better-sqlite3/package.json') as { version: string };
    const fits = sqliteFits(sqlite.version, Number(electron.version.split('.')[0])).fits;
    expect(lines).toHaveLength(fits ? 1 : 2);
    if (!fits)
      expect(lines[0]).toMatch(/^无法打包：better-sqlite3 [\d.]+ 只能用于 Electron \d+–\d+.*better-sqlite3@13/);
  });
});
