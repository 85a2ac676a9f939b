// verifyPackage: everything a receiver checks, offline, reported level by level (docs/package-format.md,
// "Verifying"). A package that can be read but does not hold up — a changed byte, a file added or removed,
// another signer, a broken chain, an unknown format version — gives a report with `ok: false` and every
// problem found. A file that cannot be read as a package at all (0 bytes, not a ZIP, truncated, hostile
// structure: zipRead.ts) throws a DossierError instead: there is no level to report on, and the refusal
// names the reason.
import { formatFingerprint } from './sm2.js';
import { byPath, manifestPath, MAX_LEVEL, signaturePath, signerPath, type ManifestFile } from './manifest.js';
import { levelSigner, problem, VerifyReport, type LevelReport, type Problem } from '../../../shared/package/report.js';
import { checkMimetype, checkOrder } from './verifyLayout.js';
import { readLevel, type LevelData } from './verifyLevel.js';
import { DEFAULT_LIMITS, openPackage, type OpenedPackage, type ReadLimits } from './zipRead.js';

export interface VerifyOptions {
  /** Fingerprints the caller expects, by level (e.g. the applicant's, as printed on F-1); spaces ignored. */
  expectFingerprints?: Partial<Record<number, string>>;
  limits?: ReadLimits;
  onProgress?: (doneBytes: number, totalBytes: number) => void;
  signal?: AbortSignal;
}

export async function verifyPackage(file: string, options: VerifyOptions = {}): Promise<VerifyReport> {
  const pkg = await openPackage(file, options.limits ?? DEFAULT_LIMITS);
  try {
    return (await verifyOpened(pkg, options)).report;
  } finally {
    await pkg.close();
  }
}

export interface Verified {
  report: VerifyReport;
  levels: LevelData[];
  /** SHA-256 of every entry that was read (all of them when the report is ok). */
  sha256: Map<string, string>;
}

export async function verifyOpened(pkg: OpenedPackage, options: VerifyOptions = {}): Promise<Verified> {
  const problems: Problem[] = [];
  const sha256 = new Map<string, string>();
  await checkMimetype(pkg, problems, sha256);
  const levels = await readLevels(pkg, options, problems);
  for (const level of levels) for (const [p, h] of level.hashes) sha256.set(p, h);
  const reports = levels.map((l) => levelReport(l, levels, options, problems));
  const listed = listedFiles(levels, problems);
  await checkFiles(pkg, listed, reports, sha256, options, problems);
  const known = new Set([
    'mimetype',
    ...listed.keys(),
    ...levels.flatMap((l) => [manifestPath(l.level), signaturePath(l.level), signerPath(l.level)]),
  ]);
  const unlisted = pkg.entries.map((e) => e.path).filter((p) => !known.has(p));
  unlistedProblem(unlisted, levels, problems);
  // The order is only worth a word when everything else holds (otherwise it is wrong for those reasons).
  if (problems.length === 0) checkOrder(pkg, levels, problems);
  const l1 = levels[0]?.manifest;
  const report = VerifyReport.parse({
    ok: problems.length === 0,
    file: pkg.file,
    packageId: l1?.packageId ?? null,
    revision: l1?.revision ?? null,
    levels: reports,
    unlisted,
    problems,
  });
  return { report, levels, sha256 };
}

/**
 * Entries no manifest lists, said once: a refused manifest leaves every file of its level unlisted, and a
 * line for each would bury the reason (said before, with the level) under a page of consequences.
 */
function unlistedProblem(unlisted: string[], levels: LevelData[], problems: Problem[]): void {
  if (unlisted.length === 0) return;
  const path = unlisted[0]!;
  if (unlisted.length === 1) {
    const [zh, en] = [
      `“${path}”在包中，但没有任何清单列出它。`,
      `"${path}" is in the package but no manifest lists it.`,
    ];
    problems.push(problem('unlisted', zh, en, { path }));
    return;
  }
  const shown = unlisted.slice(0, 3).map((p) => `“${p}”`);
  const more = unlisted.length > 3 ? ['…', '…'] : ['', ''];
  const refused = levels.filter((l) => l.manifest === null).map((l) => l.level);
  const [whyZh, whyEn] = refused.length
    ? [
        `（第 ${refused.join('、')} 级的清单未被接受，见上文，其中列出的文件因而无从核对）`,
        ` (the level ${refused.join(', ')} manifest was refused, see above, so the files it lists cannot be checked)`,
      ]
    : ['', ''];
  problems.push(
    problem(
      'unlisted',
      `包中有 ${unlisted.length} 个条目没有任何清单列出：${shown.join('、')}${more[0]}${whyZh}。`,
      `${unlisted.length} entries are in the package but no manifest lists them: ${shown.join(', ').replace(/[“”]/g, '"')}${more[1]}${whyEn}.`,
      { path },
    ),
  );
}

/** Levels 1…top, top being the highest with any META-INF file; a level the caller expects must be there. */
async function readLevels(pkg: OpenedPackage, options: VerifyOptions, problems: Problem[]): Promise<LevelData[]> {
  let top = 0;
  for (let n = 1; n <= MAX_LEVEL; n++) {
    if ([manifestPath(n), signaturePath(n), signerPath(n)].some((p) => pkg.entry(p))) top = n;
  }
  if (top === 0) {
    const [zh, en] = [
      `这不是申报包：缺少“${manifestPath(1)}”。`,
      `This is not a package: "${manifestPath(1)}" is missing.`,
    ];
    problems.push(problem('no_manifest', zh, en));
  }
  for (const n of Object.keys(options.expectFingerprints ?? {}).map(Number)) {
    if (n > top) {
      const [zh, en] = [`包中没有预期的第 ${n} 级签名。`, `The package has no level ${n}, which was expected.`];
      problems.push(problem('level_missing', zh, en, { level: n }));
    }
  }
  const levels: LevelData[] = [];
  for (let n = 1; n <= top; n++) levels.push(await readLevel(pkg, n, problems));
  return levels;
}

/** Every listed file with the level that lists it; a path listed twice is a problem (levels only add). */
function listedFiles(levels: LevelData[], problems: Problem[]): Map<string, { level: number; file: ManifestFile }> {
  const listed = new Map<string, { level: number; file: ManifestFile }>();
  for (const { level, manifest } of levels) {
    for (const file of manifest?.files ?? []) {
      if (!listed.has(file.path)) {
        listed.set(file.path, { level, file });
        continue;
      }
      const zh = `“${file.path}”被多个级别列出：每一级只能添加文件。`;
      const en = `"${file.path}" is listed by more than one level: levels may only add files.`;
      problems.push(problem('listed_twice', zh, en, { level, path: file.path }));
    }
  }
  return listed;
}

/** Hashes every listed file present, in file order (the disk reads front to back), and notes the absent. */
async function checkFiles(
  pkg: OpenedPackage,
  listed: Map<string, { level: number; file: ManifestFile }>,
  reports: LevelReport[],
  sha256: Map<string, string>,
  options: VerifyOptions,
  problems: Problem[],
): Promise<void> {
  const total = [...listed.keys()].reduce((sum, p) => sum + (pkg.entry(p)?.size ?? 0), 0);
  let done = 0;
  for (const entry of pkg.entries) {
    const item = listed.get(entry.path);
    if (!item) continue;
    const { file, level } = item;
    const where = { level, path: file.path };
    const digest = await pkg.read(entry, undefined, options.signal);
    sha256.set(entry.path, digest.sha256);
    done += entry.size;
    options.onProgress?.(done, total);
    const matches = digest.sha256 === file.sha256 && entry.size === file.size;
    const status = !digest.crcOk ? 'damaged' : matches ? 'ok' : 'mismatch';
    reports[level - 1]!.files.push({ ...fileFields(file), actualSha256: digest.sha256, status });
    if (status === 'damaged') {
      const [zh, en] = [
        `“${file.path}”与其 ZIP CRC-32 不符：已损坏。`,
        `"${file.path}" does not match its ZIP CRC-32: it is damaged.`,
      ];
      problems.push(problem('file_damaged', zh, en, where));
    } else if (status === 'mismatch') {
      const zh = `“${file.path}”的内容与第 ${level} 级清单中的 SHA-256 不符：文件被改动过。`;
      const en = `"${file.path}" does not match the SHA-256 in the level ${level} manifest: it was altered.`;
      problems.push(problem('file_mismatch', zh, en, where));
    }
  }
  for (const [path, { file, level }] of listed) {
    if (pkg.entry(path)) continue;
    reports[level - 1]!.files.push({ ...fileFields(file), actualSha256: null, status: 'absent' });
    const [zh, en] = [
      `第 ${level} 级清单列出的“${path}”不在包中。`,
      `"${path}", listed by the level ${level} manifest, is not in the package.`,
    ];
    problems.push(problem('file_absent', zh, en, { level, path }));
  }
  for (const r of reports) r.files.sort((a, b) => byPath(a.path, b.path));
}

function fileFields(f: ManifestFile) {
  return { path: f.path, role: f.role, mediaType: f.mediaType, size: f.size, expectedSha256: f.sha256 };
}

/** The level's own checks plus the ones that need its neighbours: the caller's expected signer and the chain. */
function levelReport(l: LevelData, all: LevelData[], options: VerifyOptions, problems: Problem[]): LevelReport {
  const where = { level: l.level, path: manifestPath(l.level) };
  const expected = options.expectFingerprints?.[l.level]?.replace(/\s+/g, '').toLowerCase() ?? null;
  const signerMatches = expected === null ? null : l.fingerprint === expected;
  if (signerMatches === false) {
    // Both causes are named: a fingerprint expected for the wrong level (the unit's key given for level 1)
    // is as likely as a re-signed manifest, and the reader should check the former first (issue 19).
    const shown = l.fingerprint ? formatFingerprint(l.fingerprint) : '—';
    const who = levelSigner(l.level);
    problems.push(
      problem(
        'unexpected_signer',
        `第 ${l.level} 级（${who.zh}）的签名人指纹是 ${shown}，不是预期的 ${formatFingerprint(expected!)}。` +
          `请先核对预期的指纹是否为${who.zh}的密钥；若无误，此级清单可能被他人重新签名。`,
        `The level ${l.level} (${who.en}) signer's fingerprint is ${shown}, not the expected ${formatFingerprint(expected!)}. ` +
          `Check that the expected fingerprint is the ${who.en}'s key; if it is, this level's manifest may have been re-signed by someone else.`,
        where,
      ),
    );
  }
  let chainValid: boolean | null = null;
  if (l.level >= 2) {
    const prev = all[l.level - 2]!;
    const link = l.manifest?.previous;
    chainValid = !!link && link.manifestSha256 === prev.manifestSha256 && link.signatureSha256 === prev.signatureSha256;
    // Without a readable manifest the chain cannot hold; that problem is already reported.
    if (!chainValid && l.manifest)
      problems.push(
        problem(
          'chain_broken',
          `第 ${l.level} 级记录的上一级清单或签名摘要与包中的第 ${l.level - 1} 级不符：上一级被改动或替换过。`,
          `The level ${l.level} manifest's digests of level ${l.level - 1} do not match the package: the earlier level was altered or replaced.`,
          where,
        ),
      );
    const first = all[0]?.manifest;
    if (l.manifest && first && (l.manifest.packageId !== first.packageId || l.manifest.revision !== first.revision)) {
      problems.push(
        problem(
          'package_mismatch',
          `第 ${l.level} 级的包编号或修订号与第 1 级不同。`,
          `Level ${l.level} names another package id or revision than level 1.`,
          where,
        ),
      );
    }
  }
  return {
    level: l.level,
    manifestPath: manifestPath(l.level),
    manifestSha256: l.manifestSha256,
    formatVersion: l.formatVersion,
    manifestValid: l.manifestValid,
    signatureValid: l.signatureValid,
    signerFingerprint: l.fingerprint,
    expectedFingerprint: expected,
    signerMatches,
    chainValid,
    files: [],
  };
}
