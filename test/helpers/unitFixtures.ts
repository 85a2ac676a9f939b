// A unit's workspace and applicants' packages for the issue-7 tests: the sample applicant varied into
// distinct people (name, valid ID number), their packages written with the export's content format
// (electron/core/unit/syntheticPackage.ts: no forms, so a package takes milliseconds, not seconds) and real
// JPEG scans linked where the materials view asks for them; real SQLite, real files, never mocked.
import path from 'node:path';
import type { ArchiveDocument } from '../../shared/archive/schema.js';
import { creditCodeCheckCharacter } from '../../shared/checks/creditCode.js';
import { computeMaterials } from '../../shared/materials/requirements.js';
import { DEFAULT_PARAMS_2020 } from '../../shared/rules/pack2020/index.js';
import type { UnitProfile } from '../../shared/unit/schema.js';
import type { StoreIo } from '../../electron/core/attachments/store.js';
import type { SigningKey } from '../../electron/core/package/keyStore.js';
import { setMode } from '../../electron/core/unit/mode.js';
import { setUnitProfile } from '../../electron/core/unit/profile.js';
import {
  idNumberOf,
  personArchive,
  writeSyntheticPackage,
  type SyntheticScan,
} from '../../electron/core/unit/syntheticPackage.js';
import { readSampleJson, type Workspace } from '../../electron/core/workspace.js';
import { workspaceIn } from './exportFixtures.js';
import { readableScan } from './files.js';
import { makeKey } from './packageFixtures.js';

export { idNumberOf, personArchive };

export const sampleArchive = (): ArchiveDocument => JSON.parse(readSampleJson()) as ArchiveDocument;

/** The sample applicant's unit: the unit whose workspace the tests open. */
export const UNIT: UnitProfile = sampleArchive().unit;

/** Another, real-looking unit (a valid credit code). */
export const OTHER_UNIT: UnitProfile = {
  ...UNIT,
  name: '杭州钱塘精工机械有限公司',
  creditCode: `91330100MA27Y1234${creditCodeCheckCharacter('91330100MA27Y1234')}`,
};

/** A unit's workspace with its profile saved (the sample's unit unless said). */
export function unitWorkspace(
  options: { dir?: string; storeIo?: StoreIo; profile?: UnitProfile | null } = {},
): Workspace {
  const w = workspaceIn(options.dir, options.storeIo);
  setMode(w, 'unit');
  const profile = options.profile === undefined ? UNIT : options.profile;
  if (profile) setUnitProfile(w, profile);
  return w;
}

/**
 * Real JPEGs (distinct per seed) for every item the materials view asks for, but the first `leaveMissing`
 * of them: the materials counts then differ between applicants.
 */
export async function scansFor(archive: ArchiveDocument, seed: number, leaveMissing = 0): Promise<SyntheticScan[]> {
  const items = computeMaterials(archive, [], DEFAULT_PARAMS_2020).flatMap((m) =>
    m.items.filter((i) => i.status === 'missing'),
  );
  const scans: SyntheticScan[] = [];
  for (const [i, item] of items.slice(leaveMissing).entries()) {
    scans.push({
      source: { kind: 'bytes', bytes: await readableScan(seed * 1000 + i + 1) },
      fileName: `扫描-${seed}-${i + 1}.jpg`,
      mediaType: 'image/jpeg',
      slot: item.slot,
      recordId: item.recordId,
    });
  }
  return scans;
}

export interface PersonPackage {
  file: string;
  packageId: string;
  key: SigningKey;
  archive: ArchiveDocument;
  manifestSha256: string;
}

/** Writes person n's package (level 1) into `dir`. */
export async function writePerson(
  dir: string,
  n: number,
  options: {
    archive?: ArchiveDocument;
    scans?: SyntheticScan[];
    key?: SigningKey;
    packageId?: string;
    revision?: number;
    fileName?: string;
  } = {},
): Promise<PersonPackage> {
  const archive = options.archive ?? personArchive(n);
  const key = options.key ?? makeKey();
  const packageId = options.packageId ?? `pkg-person-${n}`;
  const revision = options.revision ?? 1;
  const file = path.join(dir, options.fileName ?? `申报包-${archive.profile.name}-r${revision}.zcpkg`);
  const { manifestSha256 } = await writeSyntheticPackage({
    out: file,
    archive,
    scans: options.scans ?? (await scansFor(archive, n)),
    key,
    packageId,
    revision,
  });
  return { file, packageId, key, archive, manifestSha256 };
}
