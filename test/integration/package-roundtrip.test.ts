// Writing, verifying, adding levels and extracting signed packages with the real writer and reader.
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DossierError } from '../../electron/core/errors.js';
import { VerifyReport } from '../../shared/package/report.js';
import { verifyPackage } from '../../electron/core/package/verify.js';
import { addLevel, writePackage } from '../../electron/core/package/writePackage.js';
import { openPackage } from '../../electron/core/package/zipRead.js';
import { applicantFiles, createdBy, level1, makeKey, signedPackages, unitFiles } from '../helpers/packageFixtures.js';
import { tempDir } from '../helpers/workspace.js';

/** Where the central directory starts: everything before it is entries. */
const centralOffset = (zip: Buffer) => zip.readUInt32LE(zip.length - 22 + 16);

describe('signed package', () => {
  it('writes a level-1 package that verifies, level by level, file by file', async () => {
    const dir = tempDir();
    const { l1, applicant } = await signedPackages(dir);
    const report = await verifyPackage(l1, { expectFingerprints: { 1: applicant.fingerprint } });
    expect(VerifyReport.parse(report)).toEqual(report);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.packageId).toBe(level1.packageId);
    const [lvl] = report.levels;
    expect(lvl).toMatchObject({
      level: 1,
      formatVersion: 1,
      manifestValid: true,
      signatureValid: true,
      signerFingerprint: applicant.fingerprint,
      chainValid: null,
    });
    expect(lvl!.files.map((f) => [f.path, f.status])).toEqual([
      ['content/archive.json', 'ok'],
      ['content/attachments/scan-1.jpg', 'ok'],
      ['content/attachments/scan-2.jpg', 'ok'],
      ['content/forms/F-1 申报表.pdf', 'ok'],
    ]);
    expect(report.unlisted).toEqual([]);
    // A level the caller expects (the unit's) but the package does not have yet.
    const early = await verifyPackage(l1, { expectFingerprints: { 2: applicant.fingerprint } });
    expect(early.problems.map((p) => p.code)).toEqual(['level_missing']);
  });

  it('gives the same bytes for the same inputs (deterministic ZIP and signature)', async () => {
    const dir = tempDir();
    const key = makeKey();
    const files = await applicantFiles(dir);
    await writePackage({ out: path.join(dir, 'a.dossier'), files, level1, key });
    await new Promise((r) => setTimeout(r, 1100));
    await writePackage({ out: path.join(dir, 'b.dossier'), files: [...files].reverse(), level1, key });
    expect(readFileSync(path.join(dir, 'a.dossier')).equals(readFileSync(path.join(dir, 'b.dossier')))).toBe(true);
  });

  it('adds levels 2 and 3 without rewriting a byte of the earlier ones, each chained to the one before', async () => {
    const dir = tempDir();
    const { l1, l2, applicant, unit } = await signedPackages(dir);
    const city = makeKey();
    const l3 = path.join(dir, 'city.dossier');
    const f4 = [
      {
        path: 'content/city/f4.json',
        source: { kind: 'bytes', bytes: Buffer.from('{"f4":true}') },
        mediaType: 'application/json',
        role: 'f4-data',
      } as const,
    ];
    const seen: [number, number][] = [];
    await addLevel(l2, l3, {
      onProgress: (done, total) => seen.push([done, total]),
      files: f4,
      key: city,
      createdBy,
      expectFingerprints: { 1: applicant.fingerprint, 2: unit.fingerprint },
    });
    expect(seen.at(-1)![0]).toBe(seen.at(-1)![1]);
    expect(seen.every(([d], i) => i === 0 || d >= seen[i - 1]![0])).toBe(true);
    const [b1, b2, b3] = [l1, l2, l3].map((f) => readFileSync(f));
    expect(b2!.subarray(0, centralOffset(b1!)).equals(b1!.subarray(0, centralOffset(b1!)))).toBe(true);
    expect(b3!.subarray(0, centralOffset(b2!)).equals(b2!.subarray(0, centralOffset(b2!)))).toBe(true);
    const report = await verifyPackage(l3, {
      expectFingerprints: { 1: applicant.fingerprint, 2: unit.fingerprint, 3: city.fingerprint },
    });
    expect(report.problems).toEqual([]);
    expect(report.levels.map((l) => [l.level, l.signatureValid, l.chainValid, l.files.length])).toEqual([
      [1, true, null, 4],
      [2, true, true, 2],
      [3, true, true, 1],
    ]);
    // A fourth level does not exist in this format.
    await expect(addLevel(l3, path.join(dir, 'l4.dossier'), { files: [], key: city, createdBy })).rejects.toMatchObject(
      { code: 'wrong_level' },
    );
    await expect(
      addLevel(l2, path.join(dir, 'x.dossier'), { level: 2, files: [], key: city, createdBy }),
    ).rejects.toMatchObject({ code: 'wrong_level' });
  });

  it('refuses to add a level to a package that does not verify, or whose signer is not the expected one', async () => {
    const dir = tempDir();
    const { l1 } = await signedPackages(dir);
    const out = path.join(dir, 'l2b.dossier');
    const e = await addLevel(l1, out, {
      files: unitFiles,
      key: makeKey(),
      createdBy,
      expectFingerprints: { 1: makeKey().fingerprint },
    }).catch((x: DossierError) => x);
    expect(e).toBeInstanceOf(DossierError);
    expect((e as DossierError).code).toBe('package_not_valid');
    expect((e as DossierError).issues?.[0]?.message.en).toMatch(/expected/);
    expect(readdirSync(dir).filter((f) => f.startsWith('l2b'))).toEqual([]);
  });

  it('extracts a verified package, checking every file against the manifest hashes', async () => {
    const dir = tempDir();
    const { l2 } = await signedPackages(dir);
    const report = await verifyPackage(l2);
    const expected = new Map(report.levels.flatMap((l) => l.files.map((f) => [f.path, f.expectedSha256] as const)));
    const pkg = await openPackage(l2);
    const dest = path.join(dir, 'extracted');
    const files = await pkg.extractAll(dest, { expectSha256: expected });
    await pkg.close();
    expect(files.length).toBe(1 + 4 + 2 + 6);
    expect(readFileSync(path.join(dest, 'content/review/unit-opinion.txt'), 'utf8')).toBe('同意推荐。\n');
  });

  it('reports progress, and a cancelled export leaves neither the package nor a temp file', async () => {
    const dir = tempDir();
    const files = await applicantFiles(dir);
    const outDir = path.join(dir, 'out');
    mkdirSync(outDir);
    const controller = new AbortController();
    let last = [0, 0];
    const run = writePackage({
      out: path.join(outDir, 'p.dossier'),
      files,
      level1,
      key: makeKey(),
      signal: controller.signal,
      onProgress: (done, total) => {
        last = [done, total];
        if (done > 500_000) controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ code: 'cancelled' });
    expect(last[0]).toBeGreaterThan(500_000);
    expect(last[1]).toBeGreaterThan(1_500_000);
    expect(readdirSync(outDir)).toEqual([]);
  });
});
