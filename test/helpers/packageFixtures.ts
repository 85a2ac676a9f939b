// Signed packages made in the test: real JPEG and PDF bytes, keys made on the spot, and a rebuild helper
// that rewrites a package's entries (added, removed, replaced) with the real writer, for the tamper cases.
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SigningKey } from '../../electron/core/package/keyStore.js';
import { fingerprint, generateKeyPair, publicKeyToPem } from '../../electron/core/package/sm2.js';
import { addLevel, writePackage, type ContentFile } from '../../electron/core/package/writePackage.js';
import { openPackage } from '../../electron/core/package/zipRead.js';
import { writeZip } from '../../electron/core/package/zipWrite.js';
import { makeJpeg, makePdf } from './files.js';

export function makeKey(): SigningKey {
  const pair = generateKeyPair();
  return { ...pair, publicKeyPem: publicKeyToPem(pair.publicKeyHex), fingerprint: fingerprint(pair.publicKeyHex) };
}

export const createdBy = { app: 'dossier', version: '0.1.0-test' };
export const level1 = {
  packageId: 'pkg-3f2a9c',
  revision: 1,
  createdBy,
  rules: {
    packId: 'zj-senior-2020',
    packVersion: '1.0.0',
    packHash: 'ab'.repeat(32),
    asOf: '2025-06-30',
    counts: { fail: 0, review: 1, pass: 30, 'n/a': 4 },
    overrides: [{ findingId: 'R-7#2021', justification: '该年度考核结果以单位证明为准（附件 3）。' }],
  },
};

/** The applicant's files: the archive JSON, two scans (one ~1.5 MB of noise), a generated form (PDF). */
export async function applicantFiles(dir: string): Promise<ContentFile[]> {
  const scan = path.join(dir, 'scan-1.jpg');
  writeFileSync(scan, await makeJpeg(900, 700, { noise: true }));
  const big = path.join(dir, 'scan-2.bin');
  writeFileSync(big, randomBytes(1_500_000));
  return [
    {
      path: 'content/archive.json',
      source: { kind: 'bytes', bytes: Buffer.from('{"format":"dossier.archive","version":1}\n') },
      mediaType: 'application/json',
      role: 'archive',
    },
    {
      path: 'content/attachments/scan-1.jpg',
      source: { kind: 'file', path: scan },
      mediaType: 'image/jpeg',
      role: 'attachment',
    },
    {
      path: 'content/attachments/scan-2.jpg',
      source: { kind: 'file', path: big },
      mediaType: 'image/jpeg',
      role: 'attachment',
    },
    {
      path: 'content/forms/F-1 申报表.pdf',
      source: { kind: 'bytes', bytes: await makePdf(1) },
      mediaType: 'application/pdf',
      role: 'form',
    },
  ];
}

export const unitFiles: ContentFile[] = [
  {
    path: 'content/review/unit-decision.json',
    source: { kind: 'bytes', bytes: Buffer.from('{"decision":"approve"}') },
    mediaType: 'application/json',
    role: 'review-decision',
  },
  {
    path: 'content/review/unit-opinion.txt',
    source: { kind: 'bytes', bytes: Buffer.from('同意推荐。\n') },
    mediaType: 'text/plain',
    role: 'opinion',
  },
];

export interface Signed {
  l1: string;
  l2: string;
  applicant: SigningKey;
  unit: SigningKey;
}

/** A level-1 package and the same package with the unit's level 2 added. */
export async function signedPackages(dir: string): Promise<Signed> {
  const applicant = makeKey();
  const unit = makeKey();
  const l1 = path.join(dir, 'applicant.dossier');
  const l2 = path.join(dir, 'unit.dossier');
  await writePackage({ out: l1, files: await applicantFiles(dir), level1, key: applicant });
  await addLevel(l1, l2, { files: unitFiles, key: unit, createdBy });
  return { l1, l2, applicant, unit };
}

export interface RawEntry {
  path: string;
  bytes: Buffer;
}

/** Reads every entry of a package into memory (test packages are small). */
export async function readEntries(file: string): Promise<RawEntry[]> {
  const pkg = await openPackage(file);
  try {
    const out: RawEntry[] = [];
    for (const e of pkg.entries) out.push({ path: e.path, bytes: (await pkg.readBytes(e, 2 ** 26)).bytes });
    return out;
  } finally {
    await pkg.close();
  }
}

/** Writes `out` from `file`'s entries after `edit`, with the real (well-formed) writer. */
export async function rebuild(file: string, out: string, edit: (entries: RawEntry[]) => RawEntry[]): Promise<string> {
  const entries = edit(await readEntries(file));
  await writeZip(
    out,
    entries.map((e) => ({ path: e.path, source: { kind: 'bytes', bytes: e.bytes } })),
  );
  return out;
}

export function replace(entries: RawEntry[], entryPath: string, bytes: Buffer): RawEntry[] {
  if (!entries.some((e) => e.path === entryPath)) throw new Error(`no entry ${entryPath}`);
  return entries.map((e) => (e.path === entryPath ? { path: e.path, bytes } : e));
}
