// Writing a signed package in one pass. The entry order is a fixed rule (docs/package-format.md): `mimetype`
// first; then for each level its files sorted by path (UTF-8 bytes), then its manifest, signature and signer
// key. Content comes before its META-INF files so that the manifest is built from the SHA-256 computed while
// the content is written: no file is read twice. addLevel copies an existing package's entries raw and
// appends a level: earlier bytes are never rewritten (N-9: each desk only adds).
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { DossierError } from '../errors.js';
import {
  buildManifest,
  byPath,
  CONTENT_PREFIX,
  FORMAT,
  FORMAT_VERSION,
  Manifest,
  manifestPath,
  MAX_LEVEL,
  MIMETYPE,
  signaturePath,
  signerPath,
  type ManifestInput,
} from './manifest.js';
import { publicKeyToPem, sign } from './sm2.js';
import type { SigningKey } from './keyStore.js';
import { verifyOpened, type VerifyOptions } from './verify.js';
import { openPackage } from './zipRead.js';
import { ZipWriter, type EntrySource, type WrittenEntry } from './zipWrite.js';

export interface ContentFile {
  /** Under `content/`, e.g. content/archive.json, content/attachments/<sha256>.jpg. */
  path: string;
  source: Extract<EntrySource, { kind: 'file' } | { kind: 'bytes' }>;
  mediaType: string;
  role: string;
}

/** What a level's manifest says besides its files, signer and chain link (manifest.ts). */
export type LevelInfo = Pick<ManifestInput, 'packageId' | 'revision' | 'createdBy' | 'supersedes' | 'rules'>;

export interface Progress {
  onProgress?: (doneBytes: number, totalBytes: number) => void;
  signal?: AbortSignal;
}

export interface WrittenPackage {
  out: string;
  level: number;
  manifest: Manifest;
  manifestSha256: string;
  signatureSha256: string;
  entries: WrittenEntry[];
}

export interface WritePackageOptions extends Progress {
  out: string;
  files: ContentFile[];
  level1: LevelInfo;
  key: SigningKey;
}

export async function writePackage({
  out,
  files,
  level1,
  key,
  onProgress,
  signal,
}: WritePackageOptions): Promise<WrittenPackage> {
  const sorted = checkContent(files);
  const info = { level: 1, ...level1, signer: { fingerprint: key.fingerprint } };
  checkInfo(info);
  const totalBytes = await sizeOf(sorted);
  const writer = await ZipWriter.create(out, { onProgress, signal, totalBytes });
  try {
    const entries = [
      await writer.add({ path: 'mimetype', source: { kind: 'bytes', bytes: Buffer.from(MIMETYPE, 'latin1') } }),
    ];
    const written = await writeLevel(writer, entries, sorted, info, key);
    await writer.finish();
    return { out, ...written, entries };
  } catch (e) {
    await writer.abort();
    throw e;
  }
}

export interface AddLevelOptions extends Progress {
  files: ContentFile[];
  key: SigningKey;
  createdBy: ManifestInput['createdBy'];
  /** The level being added, when the caller knows it (the unit adds 2): refused if the package is elsewhere. */
  level?: number;
  /** Refuses the input unless it verifies with these signers (e.g. the applicant's fingerprint from F-1). */
  expectFingerprints?: VerifyOptions['expectFingerprints'];
}

/** Verifies `inFile`, then writes `outFile`: its entries byte for byte, then the next level's files and signature. */
export async function addLevel(inFile: string, outFile: string, options: AddLevelOptions): Promise<WrittenPackage> {
  if (path.resolve(inFile) === path.resolve(outFile))
    throw new Error('addLevel: the output must be another file than the input');
  const sorted = checkContent(options.files);
  const pkg = await openPackage(inFile);
  try {
    // Progress runs over verifying the input, then writing it again with the new files.
    const existing = pkg.entries.reduce((s, e) => s + e.size, 0);
    const grand = 2 * existing + (await sizeOf(sorted));
    const { report, levels, sha256 } = await verifyOpened(pkg, {
      expectFingerprints: options.expectFingerprints,
      signal: options.signal,
      onProgress: (done) => options.onProgress?.(done, grand),
    });
    if (!report.ok) {
      throw new DossierError(
        'package_not_valid',
        {
          zh: `“${path.basename(inFile)}”未通过验证，不能在其上添加一级签名。`,
          en: `"${path.basename(inFile)}" does not verify; no level can be added to it.`,
        },
        report.problems.map((p) => ({ path: p.path ?? '', message: p.message })),
      );
    }
    const prev = levels[levels.length - 1]!;
    const level = prev.level + 1;
    if (level > MAX_LEVEL || (options.level !== undefined && options.level !== level)) {
      throw new DossierError('wrong_level', {
        zh: `“${path.basename(inFile)}”已有 ${prev.level} 级签名，不能再添加第 ${options.level ?? level} 级。`,
        en: `"${path.basename(inFile)}" already has ${prev.level} level(s); level ${options.level ?? level} cannot be added.`,
      });
    }
    const first = levels[0]!.manifest!;
    const writer = await ZipWriter.create(outFile, {
      // The new level's META-INF bytes are not in `grand`: the count stops at it.
      onProgress: (done) => options.onProgress?.(Math.min(existing + done, grand), grand),
      signal: options.signal,
    });
    try {
      const entries: WrittenEntry[] = [];
      for (const e of pkg.entries) {
        const copied = await writer.add({
          path: e.path,
          source: { kind: 'slice', path: inFile, start: e.dataStart, size: e.size },
        });
        // The bytes copied must be the ones just verified (the input could change in between).
        if (copied.sha256 !== sha256.get(e.path)) throw changedInput(inFile);
        entries.push(copied);
      }
      const info = {
        level,
        packageId: first.packageId,
        revision: first.revision,
        createdBy: options.createdBy,
        signer: { fingerprint: options.key.fingerprint },
        previous: { manifestSha256: prev.manifestSha256!, signatureSha256: prev.signatureSha256! },
      };
      checkInfo(info);
      const written = await writeLevel(writer, entries, sorted, info, options.key);
      await writer.finish();
      return { out: outFile, ...written, entries };
    } catch (e) {
      await writer.abort();
      throw e;
    }
  } finally {
    await pkg.close();
  }
}

/** A level's files, then its manifest (from the hashes just computed), signature and signer key. */
async function writeLevel(
  writer: ZipWriter,
  entries: WrittenEntry[],
  files: ContentFile[],
  info: Omit<ManifestInput, 'files'>,
  key: SigningKey,
) {
  const listed: ManifestInput['files'] = [];
  for (const f of files) {
    const w = await writer.add({ path: f.path, source: f.source });
    entries.push(w);
    listed.push({ path: f.path, size: w.size, mediaType: f.mediaType, role: f.role, sha256: w.sha256 });
  }
  const { manifest, bytes } = buildManifest({ ...info, files: listed });
  const signature = sign(bytes, key);
  const m = await writer.add({ path: manifestPath(info.level), source: { kind: 'bytes', bytes } });
  const s = await writer.add({ path: signaturePath(info.level), source: { kind: 'bytes', bytes: signature } });
  const k = await writer.add({
    path: signerPath(info.level),
    // The one canonical encoding readers demand (verifyLevel.ts), whatever line ends a restored key file has.
    source: { kind: 'bytes', bytes: Buffer.from(publicKeyToPem(key.publicKeyHex)) },
  });
  entries.push(m, s, k);
  return { level: info.level, manifest, manifestSha256: m.sha256, signatureSha256: s.sha256 };
}

/** Content paths under content/, sorted: the order rule, checked before anything is written. */
function checkContent(files: ContentFile[]): ContentFile[] {
  for (const f of files) {
    if (!f.path.startsWith(CONTENT_PREFIX)) throw new Error(`writePackage: "${f.path}" is not under ${CONTENT_PREFIX}`);
  }
  return [...files].sort((a, b) => byPath(a.path, b.path));
}

/** The manifest fields other than files, checked before a byte is written. */
function checkInfo(info: Omit<ManifestInput, 'files'>): void {
  const parsed = Manifest.safeParse({ format: FORMAT, formatVersion: FORMAT_VERSION, ...info, files: [] });
  if (parsed.success) return;
  throw new DossierError(
    'invalid_package_info',
    {
      zh: '申报包清单信息无效，未写出任何文件。',
      en: 'The package manifest information is not valid; nothing was written.',
    },
    parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: { zh: i.message, en: i.message } })),
  );
}

async function sizeOf(files: ContentFile[]): Promise<number> {
  let total = 0;
  for (const f of files) total += f.source.kind === 'bytes' ? f.source.bytes.length : (await stat(f.source.path)).size;
  return total;
}

function changedInput(file: string): DossierError {
  return new DossierError('source_changed', {
    zh: `“${path.basename(file)}”在验证后被改动，未写出新文件。`,
    en: `"${path.basename(file)}" changed after it was verified; no new file was written.`,
  });
}
