// The signed package (issue 6, docs/package-format.md): the public API for the CLI, the IPC handlers and
// the bench. Everything here runs in plain Node (a worker thread or utilityProcess in the desktop app).
export {
  createKey,
  exportBackup,
  importBackup,
  publicInfo,
  unlockKey,
  type PublicKeyInfo,
  type SigningKey,
} from './keyStore.js';
export { passphraseProtector, type KeyProtector } from './keyProtector.js';
export { buildManifest, Manifest, MIMETYPE, type ManifestFile } from './manifest.js';
export { VerifyReport, type Problem } from '../../../shared/package/report.js';
export { fingerprint, formatFingerprint } from './sm2.js';
export { verifyPackage, type VerifyOptions } from './verify.js';
export { addLevel, writePackage, type ContentFile, type LevelInfo, type WrittenPackage } from './writePackage.js';
export { DEFAULT_LIMITS, openPackage, type OpenedPackage, type ReadLimits } from './zipRead.js';
export type { ExtractOptions, ExtractedFile } from './zipExtract.js';
export { benchExport, benchVerify, type BenchResult } from './bench.js';
