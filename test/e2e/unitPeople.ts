// Applicants for the unit's end-to-end tests: the sample applicant varied into distinct people (name, valid
// ID number) and their level-1 packages, written in the test process with the export's content format
// (electron/core/unit/syntheticPackage.ts) and a distinct real JPEG for each proof the materials view asks
// for — all of them, or all but the first `leaveMissing` (a weak applicant's gaps).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ArchiveDocument } from '../../shared/archive/schema.js';
import { idCheckCharacter } from '../../shared/checks/idNumber.js';
import { computeMaterials } from '../../shared/materials/requirements.js';
import { DEFAULT_PARAMS_2020 } from '../../shared/rules/pack2020/index.js';
import type { SigningKey } from '../../electron/core/package/keyStore.js';
import { writeSyntheticPackage, type SyntheticScan } from '../../electron/core/unit/syntheticPackage.js';
import { readableScan } from '../helpers/files.js';
import { makeKey } from '../helpers/packageFixtures.js';

export const sample = (): ArchiveDocument =>
  JSON.parse(readFileSync('resources/sample/applicant.json', 'utf8')) as ArchiveDocument;

/** Person n: the sample applicant (of the sample's unit) under another name and a valid ID number. */
export function person(n: number, edit: (a: ArchiveDocument) => void = () => {}): ArchiveDocument {
  const a = sample();
  a.profile.name = `申报人${n}`;
  const first17 = `33080219780516${String(2 * n + 101).padStart(3, '0')}`;
  a.profile.idNumber = first17 + idCheckCharacter(first17);
  edit(a);
  return a;
}

export interface PersonOptions {
  revision?: number;
  key?: SigningKey;
  /** Leave out the first N proofs the materials view asks for. */
  leaveMissing?: number;
}

/** A level-1 package of the archive in `dir`; the key signs it (a new one unless given). */
export async function writePerson(dir: string, n: number, archive: ArchiveDocument, options: PersonOptions = {}) {
  const { revision = 1, key = makeKey(), leaveMissing = 0 } = options;
  const items = computeMaterials(archive, [], DEFAULT_PARAMS_2020).flatMap((m) =>
    m.items.filter((i) => i.status === 'missing'),
  );
  const scans: SyntheticScan[] = [];
  for (const [i, item] of items.slice(leaveMissing).entries()) {
    scans.push({
      source: {
        kind: 'bytes',
        bytes: await readableScan(n * 1000 + revision * 100 + i + 1),
      },
      fileName: `扫描-${n}-${i + 1}.jpg`,
      mediaType: 'image/jpeg',
      slot: item.slot,
      recordId: item.recordId,
    });
  }
  const file = path.join(dir, `申报包-${archive.profile.name}-r${revision}.zcpkg`);
  await writeSyntheticPackage({ out: file, archive, scans, key, packageId: `pkg-person-${n}`, revision });
  return { file, key };
}
