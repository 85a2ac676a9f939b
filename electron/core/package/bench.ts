// The package side of `npm run bench` (issue 6, "Speed and memory"): export and verify of the files of a
// folder, each meant to run in a fresh child process so that its peak RSS is its own. The caller measures
// the baselines (`cp` + `sync`, `openssl dgst -sha256` of the same files) in the same run and prints ratios.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fingerprint, generateKeyPair, publicKeyToPem } from './sm2.js';
import { verifyPackage } from './verify.js';
import { writePackage, type ContentFile } from './writePackage.js';

export interface BenchResult {
  ms: number;
  /** Content bytes exported, or package bytes verified. */
  bytes: number;
  maxRssMb: number;
  ok: boolean;
}

const maxRssMb = () => process.resourceUsage().maxRSS / 1024;

/** Packages every file of `srcDir` (as JPEG attachments) into `out`, signed with a throw-away key. */
export async function benchExport(srcDir: string, out: string): Promise<BenchResult> {
  const names = (await readdir(srcDir)).sort();
  const files: ContentFile[] = names.map((name) => ({
    path: `content/attachments/${name}`,
    source: { kind: 'file', path: path.join(srcDir, name) },
    mediaType: 'image/jpeg',
    role: 'attachment',
  }));
  const pair = generateKeyPair();
  const key = { ...pair, publicKeyPem: publicKeyToPem(pair.publicKeyHex), fingerprint: fingerprint(pair.publicKeyHex) };
  const level1 = { packageId: 'bench', revision: 1, createdBy: { app: 'dossier-bench', version: '0' } };
  const t = performance.now();
  const written = await writePackage({ out, files, level1, key });
  const ms = performance.now() - t;
  const bytes = written.manifest.files.reduce((sum, f) => sum + f.size, 0);
  return { ms, bytes, maxRssMb: maxRssMb(), ok: true };
}

export async function benchVerify(file: string): Promise<BenchResult> {
  const t = performance.now();
  const report = await verifyPackage(file);
  const ms = performance.now() - t;
  const bytes = report.levels.flatMap((l) => l.files).reduce((sum, f) => sum + f.size, 0);
  return { ms, bytes, maxRssMb: maxRssMb(), ok: report.ok };
}
