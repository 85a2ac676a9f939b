// What the app knows of its scans' bytes (issue 13): the workspace always opens, and a scan whose file is
// missing or damaged is named where it is used (the banner, its card, the materials view) so that it can be
// repaired in place. A missing file is seen at once (one stat per stored hash); a damaged one only by
// re-hashing — the spot check after opening or the full check (verify.ts) — and is remembered here, per
// store, for as long as the file stays the one found damaged: adding the same file again renames good bytes
// over it (store.ts commit), a new file, and the mark goes.
import { existsSync, type Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { StoreHealth } from '../../../shared/attachments/schema.js';
import { DossierError } from '../errors.js';
import type { Workspace } from '../workspace.js';
import { attachmentsBySha } from './attachmentRepo.js';
import { storedPath } from './store.js';

/** The file as it was found damaged: another inode, time or size means it was written anew. */
type Seen = Pick<Stats, 'ino' | 'mtimeMs' | 'size'>;
const damagedByStore = new Map<string, Map<string, Seen>>();

const seenOf = (s: Stats): Seen => ({ ino: s.ino, mtimeMs: s.mtimeMs, size: s.size });
const same = (a: Seen, b: Seen) => a.ino === b.ino && a.mtimeMs === b.mtimeMs && a.size === b.size;

/** After a check of the files `checked`: those found `damaged` are remembered, the others forgotten. */
export async function rememberChecked(w: Workspace, checked: readonly string[], damaged: readonly string[]) {
  let known = damagedByStore.get(w.store.dir);
  if (!known) damagedByStore.set(w.store.dir, (known = new Map()));
  for (const sha256 of checked) known.delete(sha256);
  for (const sha256 of damaged) {
    const found = await stat(storedPath(w.store, sha256)).catch(() => null);
    if (found) known.set(sha256, seenOf(found));
  }
}

/** The scans whose file is missing or known damaged, each with the attachments that hold it. */
export async function storeHealth(w: Workspace): Promise<StoreHealth> {
  const referenced = attachmentsBySha(w.db);
  const health: StoreHealth = { missing: [], damaged: [] };
  for (const [sha256, attachments] of referenced) {
    if (!existsSync(storedPath(w.store, sha256))) health.missing.push({ sha256, attachments });
  }
  const known = damagedByStore.get(w.store.dir);
  for (const [sha256, seen] of known ?? []) {
    const now = await stat(storedPath(w.store, sha256)).catch(() => null);
    if (!now || !same(seen, seenOf(now))) {
      known!.delete(sha256);
      continue;
    }
    const attachments = referenced.get(sha256);
    if (attachments) health.damaged.push({ sha256, attachments });
  }
  health.damaged.sort((a, b) => (a.sha256 < b.sha256 ? -1 : 1));
  return health;
}

/**
 * Refuses work that reads these scans (a merged material PDF, the package) while any of their files is
 * missing or known damaged, naming every one of them — not just the first met — and what repairs it.
 */
export async function requireScansAvailable(
  w: Workspace,
  scans: readonly { sha256: string; fileName: string }[],
  nothingDone: { zh: string; en: string },
): Promise<void> {
  const health = await storeHealth(w);
  const missing = new Set(health.missing.map((d) => d.sha256));
  const damaged = new Set(health.damaged.map((d) => d.sha256));
  const bad = scans.filter((s) => missing.has(s.sha256) || damaged.has(s.sha256));
  if (bad.length === 0) return;
  const unique = [...new Map(bad.map((s) => [`${s.sha256}/${s.fileName}`, s])).values()];
  const zh = unique.map((s) => `“${s.fileName}”（${missing.has(s.sha256) ? '缺失' : '已损坏'}）`).join('、');
  const en = unique.map((s) => `"${s.fileName}" (${missing.has(s.sha256) ? 'missing' : 'damaged'})`).join(', ');
  throw new DossierError('store_missing', {
    zh: `${nothingDone.zh}：${unique.length} 个附件的文件缺失或已损坏——${zh}。请重新添加同一文件（即可修复），或替换、删除这些附件。`,
    en: `${nothingDone.en}: the file of ${unique.length} attachment(s) is missing or damaged — ${en}. Add the same file again (which repairs it), or replace or remove these attachments.`,
  });
}
