// Units' level-2 packages and batch files for the desk's tests (issue 17), without vitest so that the
// end-to-end specs can make them too: level 2 written straight with the package writer (addLevel: the unit's
// review, publicity and F-4 as the unit's workspace writes them, varied where a test needs a bad one), and
// batch files in the batch format (docs/batch-format.md) made with the project's ZIP writer.
import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Unit } from '../../shared/archive/schema.js';
import type { DeskProfile } from '../../shared/desk/schema.js';
import type { PostInfo } from '../../shared/forms/postInfo.js';
import { MATERIAL_IDS } from '../../shared/materials/requirements.js';
import { JSON_TYPE, jsonBytes } from '../../electron/core/package/content.js';
import type { SigningKey } from '../../electron/core/package/keyStore.js';
import { addLevel, type ContentFile } from '../../electron/core/package/writePackage.js';
import { ZipWriter } from '../../electron/core/package/zipWrite.js';
import { createdBy, rebuild } from './packageFixtures.js';
import { flipByte } from './zipcraft.js';

/** The city desk of the tests (衢州, the sample unit's city). */
export const CITY_DESK: DeskProfile = {
  kind: 'city_bureau',
  name: '衢州市经济和信息化局',
  city: '衢州市',
  department: '',
  responsible: '王建国',
};

/** What level 2 is added to: an applicant's level-1 package (unitFixtures' PersonPackage has these). */
export interface PersonFile {
  file: string;
  packageId: string;
  archive: { profile: { name: string } };
}

export interface LevelTwoOptions {
  decision?: 'accepted' | 'returned';
  publicity?: { startDate: string; endDate: string; outcome?: 'no_objection' | 'objection' } | null;
  postInfo?: PostInfo | null;
}

export interface UnitPackage {
  file: string;
  fileName: string;
  size: number;
  sha256: string;
  packageId: string;
  revision: number;
  name: string;
}

const bytesFile = (p: string, doc: unknown, role: string): ContentFile => ({
  path: p,
  source: { kind: 'bytes', bytes: jsonBytes(doc) },
  mediaType: JSON_TYPE,
  role,
});

/** A unit's level 2 on a person's package (accepted, publicised 2020-09-28 … 2020-10-10 unless said). */
export async function unitLevelTwo(
  person: PersonFile,
  unitKey: SigningKey,
  unit: Unit,
  outDir: string,
  options: LevelTwoOptions = {},
): Promise<UnitPackage> {
  const files: ContentFile[] = [
    bytesFile(
      'content/unit/review.json',
      {
        format: 'dossier.review',
        version: 1,
        decision: options.decision ?? 'accepted',
        unit: { name: unit.name, creditCode: unit.creditCode },
        unitFingerprint: unitKey.fingerprint,
        opinion: '同意推荐。',
        reviewedOn: '2020-09-20',
        materials: MATERIAL_IDS.map((material) => ({ material, decision: 'accepted' })),
        comments: [],
      },
      'review-decision',
    ),
  ];
  const publicity =
    options.publicity === undefined ? { startDate: '2020-09-28', endDate: '2020-10-10' } : options.publicity;
  if (publicity) {
    files.push(
      bytesFile(
        'content/unit/publicity.json',
        {
          format: 'dossier.publicity',
          version: 1,
          startDate: publicity.startDate,
          endDate: publicity.endDate,
          workingDays: 5,
          outcome: publicity.outcome ?? 'no_objection',
          note: '',
        },
        'publicity',
      ),
    );
  }
  if (options.postInfo) files.push(bytesFile('content/unit/post-info.json', options.postInfo, 'f4-data'));
  const name = person.archive.profile.name;
  const fileName = `申报包-${name}-r1-L2.zcpkg`;
  const file = path.join(outDir, fileName);
  await addLevel(person.file, file, { files, key: unitKey, createdBy, level: 2 });
  const bytes = readFileSync(file);
  return {
    file,
    fileName,
    size: statSync(file).size,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    packageId: person.packageId,
    revision: 1,
    name,
  };
}

/** A batch file as a unit's workspace writes it (batch.json, the two summary sheets, the packages). */
export async function writeBatchFile(
  out: string,
  unit: Unit,
  unitFingerprint: string,
  packages: UnitPackage[],
): Promise<string> {
  const doc = {
    format: 'dossier.batch',
    version: 1,
    unit,
    unitFingerprint,
    createdAt: '2020-10-12T02:30:00.000Z',
    packages: packages.map((p) => ({
      path: `packages/${p.fileName}`,
      fileName: p.fileName,
      size: p.size,
      sha256: p.sha256,
      packageId: p.packageId,
      revision: p.revision,
      level: 2,
      name: p.name,
    })),
  };
  const writer = await ZipWriter.create(out);
  await writer.add({ path: 'batch.json', source: { kind: 'bytes', bytes: jsonBytes(doc) } });
  await writer.add({ path: '汇总表.pdf', source: { kind: 'bytes', bytes: Buffer.from('%PDF-1.7\n%%EOF\n') } });
  await writer.add({ path: '汇总表.xlsx', source: { kind: 'bytes', bytes: Buffer.from('PK-not-checked') } });
  for (const p of packages)
    await writer.add({ path: `packages/${p.fileName}`, source: { kind: 'file', path: p.file } });
  await writer.finish();
  return out;
}

/**
 * The package changed after signing (a byte of its archive), and its size and SHA-256 made to match, so
 * that batch.json agrees: only the package's own signatures can tell.
 */
export async function tamperPackage(p: UnitPackage): Promise<void> {
  await rebuild(p.file, `${p.file}.x`, (es) =>
    es.map((e) => (e.path === 'content/archive.json' ? { ...e, bytes: flipByte(e.bytes, 40) } : e)),
  );
  copyFileSync(`${p.file}.x`, p.file);
  const bytes = readFileSync(p.file);
  p.sha256 = createHash('sha256').update(bytes).digest('hex');
  p.size = bytes.length;
}
