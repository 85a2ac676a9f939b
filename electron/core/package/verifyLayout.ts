// The package-wide layout rules of docs/package-format.md: the mimetype entry first, and the fixed entry
// order (mimetype; then per level its files by path, its manifest, signature and signer key).
import { byPath, manifestPath, MIMETYPE, signaturePath, signerPath } from './manifest.js';
import { problem, type Problem } from '../../../shared/package/report.js';
import type { LevelData } from './verifyLevel.js';
import type { OpenedPackage } from './zipRead.js';

export async function checkMimetype(
  pkg: OpenedPackage,
  problems: Problem[],
  sha256: Map<string, string>,
): Promise<void> {
  const first = pkg.entries[0];
  const read = first?.path === 'mimetype' && first.size < 200 ? await pkg.readBytes(first, 200) : null;
  if (read) sha256.set('mimetype', read.sha256);
  if (read?.crcOk && read.bytes.toString('latin1') === MIMETYPE) return;
  problems.push(
    problem(
      'bad_mimetype',
      `第一个条目不是内容为“${MIMETYPE}”的 mimetype。`,
      `The first entry is not a mimetype holding "${MIMETYPE}".`,
      { path: 'mimetype' },
    ),
  );
}

/** mimetype; then per level: its files by path, manifest, signature, signer key (writePackage.ts). */
export function expectedOrder(levels: { level: number; files: string[] }[]): string[] {
  return [
    'mimetype',
    ...levels.flatMap((l) => [
      ...[...l.files].sort(byPath),
      manifestPath(l.level),
      signaturePath(l.level),
      signerPath(l.level),
    ]),
  ];
}

export function checkOrder(pkg: OpenedPackage, levels: LevelData[], problems: Problem[]): void {
  const want = expectedOrder(
    levels.map((l) => ({ level: l.level, files: (l.manifest?.files ?? []).map((f) => f.path) })),
  );
  const got = pkg.entries.map((e) => e.path);
  const i = want.findIndex((p, k) => got[k] !== p);
  if (i === -1) return;
  problems.push(
    problem(
      'entry_order',
      `条目顺序不是格式规定的顺序（第 ${i + 1} 个条目应为“${want[i]}”）。`,
      `The entries are not in the order the format prescribes (entry ${i + 1} should be "${want[i]}").`,
      { path: got[i] ?? '' },
    ),
  );
}
