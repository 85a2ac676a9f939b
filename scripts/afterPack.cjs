// electron-builder afterPack hook (electron-builder.yml): flips the Electron fuses of the packed app before
// it is signed, so that the shipped binary cannot be turned into a general Node runtime or debugged into:
//   RunAsNode off                              ELECTRON_RUN_AS_NODE=1 does not make it `node`
//   EnableNodeOptionsEnvironmentVariable off   NODE_OPTIONS (--require of any script) is ignored
//   EnableNodeCliInspectArguments off          --inspect / --inspect-brk are ignored
//   OnlyLoadAppFromAsar on                     the app is loaded from app.asar only, never a loose folder
//   EnableEmbeddedAsarIntegrityValidation on   app.asar must match the hash electron-builder embedded
//                                              (Info.plist on macOS, a resource on Windows)
//   GrantFileProtocolExtraPrivileges off       file:// pages get no extra powers (the app uses app://)
//   EnableCookieEncryption on, LoadBrowserProcessSpecificV8Snapshot off, WasmTrapHandlers on: as Electron
//                                              ships them, but said, because every fuse must be decided:
//   strictlyRequireAllFuses                    a fuse added by a later Electron fails packaging until it is
//                                              decided here (issue 21: upgrades are noticed, not absorbed)
// Uses @electron/fuses (a dependency of electron-builder's app-builder-lib); packaging fails rather than ship
// an unfused binary when it is missing.
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- electron-builder loads hooks as CommonJS */
const path = require('node:path');

const ARM64 = 3; // builder-util's Arch.arm64

/** The fuse settings, as @electron/fuses takes them. */
function fuseConfig({ FuseVersion, FuseV1Options }, { platform, arch }) {
  return {
    version: FuseVersion.V1,
    // Flipping changes the binary: an arm64 macOS build must be re-signed ad hoc to start at all (a real
    // signature, if configured, is applied after this hook).
    resetAdHocDarwinSignature: platform === 'darwin' && arch === ARM64,
    [FuseV1Options.RunAsNode]: false,
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    [FuseV1Options.EnableCookieEncryption]: true,
    [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
    [FuseV1Options.WasmTrapHandlers]: true,
    strictlyRequireAllFuses: true,
  };
}

/** The file holding the fuse wire, named as electron-builder names the executable it packs. */
function electronBinary(context) {
  const platform = context.electronPlatformName;
  const ext = { darwin: '.app', mas: '.app', win32: '.exe', linux: '' }[platform];
  if (ext === undefined) throw new Error(`afterPack: unknown platform ${platform}`);
  const name = platform === 'linux' ? context.packager.executableName : context.packager.appInfo.productFilename;
  return path.join(context.appOutDir, `${name}${ext}`);
}

/** @electron/fuses 2 is an ES module: imported, not required. */
async function loadFuses() {
  try {
    return await import('@electron/fuses');
  } catch {
    throw new Error(
      'afterPack: @electron/fuses is not installed; add it (npm i -D @electron/fuses) — the app is not shipped unfused.',
    );
  }
}

async function afterPack(context) {
  const fuses = await loadFuses();
  const binary = electronBinary(context);
  const config = fuseConfig(fuses, { platform: context.electronPlatformName, arch: context.arch });
  const flipped = await fuses.flipFuses(binary, config);
  console.log(`  • fuses flipped in ${path.basename(binary)} (${flipped} wire${flipped === 1 ? '' : 's'})`);
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.fuseConfig = fuseConfig;
module.exports.electronBinary = electronBinary;
