// Nothing left behind (issue 13, item 5): every writer works under a temp name carrying its pid and renames
// when done, so a process killed half-way leaves its temp files. This module knows every such name in a data
// folder and removes those of dead processes — at every start (startupRecovery.ts) and by `dossier doctor` —
// never a live process's (the CLI beside the app may be writing right now). Writers elsewhere clean their
// own folder too, on their next run (store.ts, auto.ts, fsUtil.ts, exportService.ts, batch.ts); this is the
// one place that sweeps them all without waiting for that.
//   A file written OUTSIDE the data folder cannot be found by looking in the data folder: while it is written,
// a note `backups/out-<pid>-<hex>.json` names the folder, so that the next start removes what the writer
// left there if it died — a backup (`backup --out F`: `F.partial-<pid>-…`, and a replaced backup folder moved
// back, auto.ts), or any other output (`temps`: `export-json`/`forms`/`export`/`unit-submit --out`, the
// names below carrying that pid). A restore's staging folder is a sibling of the new data folder: swept at
// its first start, and by the next restore to the same place (restore.ts).
import { randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { cleanTemp } from './attachments/store.js';
import { defaultBackupsDir, removeLeftovers } from './backup/auto.js';
import { isAlive, mkdirPrivateSync, PRIVATE_FILE } from './durable.js';
import { removeStaleTemps } from './package/fsUtil.js';
import { packagesDir } from './paths.js';

const HEX = '[0-9a-f]+';
/** `<name>.tmp-<pid>-<hex>`: a whole-file write beside its target (zipWrite.ts, keyStore.ts, zipExtract.ts). */
const TMP_SUFFIX = `\\.tmp-(\\d+)-${HEX}`;

// The folders by name (paths.ts DATA_FOLDERS lists them; keys/ is keyService.ts's): importing their modules
// would load the package and unit code at every start, which reads nothing else of them.
const at =
  (...parts: string[]) =>
  (dataDir: string) =>
    path.join(dataDir, ...parts);

/** Per folder of a data folder, the temp names written there; the first group is the writer's pid. */
const TEMP_NAMES: [folder: (dataDir: string) => string, name: RegExp][] = [
  // A package import's working folder: the package copy and what was extracted (importService.ts).
  [at('incoming'), new RegExp(`^import-(\\d+)-${HEX}$`)],
  // An export's or a countersignature's staging file, and the ZIP writer's temp file beside it.
  [packagesDir, new RegExp(`^export-(\\d+)-${HEX}\\.partial(?:${TMP_SUFFIX})?$`)],
  [at('batches'), new RegExp(`^batch-(\\d+)-${HEX}\\.partial(?:${TMP_SUFFIX})?$`)],
  // The signing key's files and the key backup's temp copies (keyStore.ts, keyService.ts).
  [at('keys'), new RegExp(`${TMP_SUFFIX}(?:\\.json)?$`)],
  [at('keys', 'retired'), new RegExp(`${TMP_SUFFIX}$`)],
  [at(), new RegExp(`^key-backup\\.tmp-(\\d+)-${HEX}\\.json$`)],
];

const OUT_NOTE = new RegExp(`^out-(\\d+)-${HEX}\\.json$`);

/**
 * Whether `name` is a temp name of process `pid` in one of the schemes this app writes beside a target in a
 * folder the user chose: `<x>.<pid>.tmp` (durable.ts), `<x>.tmp-<pid>-<hex>` (a ZIP), `export-`/`batch-<pid>-<hex>…`
 * (a staging file), `<x>.partial-<pid>-…` (a backup).
 */
export function isTempOf(name: string, pid: number): boolean {
  return new RegExp(
    `(?:^(?:export|batch)-${pid}-${HEX}\\.partial|\\.(?:tmp|partial)-${pid}-${HEX}|\\.${pid}\\.tmp$)`,
  ).test(name);
}

/**
 * Removes what dead processes left in `dataDir` (and where their notes point); returns the paths removed.
 * Safe beside a running app: only names of the schemes above whose pid is dead (or not a number) go.
 */
export async function sweepLeftovers(dataDir: string): Promise<string[]> {
  const dir = path.resolve(dataDir);
  const removed: string[] = [];
  for (const [folderOf, pattern] of TEMP_NAMES) {
    const folder = folderOf(dir);
    for (const name of await readdir(folder).catch(() => [] as string[])) {
      const pid = Number(pattern.exec(name)?.[1]);
      if (!Number.isInteger(pid) || isAlive(pid)) continue;
      await rm(path.join(folder, name), { recursive: true, force: true });
      removed.push(path.join(folder, name));
    }
  }
  removed.push(...cleanTemp(path.join(dir, 'store')));
  const backups = defaultBackupsDir(dir);
  removed.push(...(await removeLeftovers(backups)));
  for (const name of await readdir(backups).catch(() => [] as string[])) {
    const pid = Number(OUT_NOTE.exec(name)?.[1]);
    if (!Number.isInteger(pid) || isAlive(pid)) continue;
    const note = path.join(backups, name);
    const noted = await readFile(note, 'utf8').then(
      (text) => JSON.parse(text) as Noted,
      () => ({}) as Noted,
    );
    const target = typeof noted.target === 'string' ? noted.target : undefined;
    if (typeof noted.dir === 'string' && path.isAbsolute(noted.dir)) {
      if (noted.temps === true) removed.push(...(await removeTempsOf(noted.dir, pid)));
      else removed.push(...(await removeLeftovers(noted.dir, target)));
    }
    await rm(note, { force: true });
  }
  // A restore into this folder that died half-way, seen at the restored folder's first start.
  await removeStaleTemps(dir, '.restoring-');
  return removed;
}

interface Noted {
  dir?: unknown;
  target?: unknown;
  temps?: unknown;
}

async function removeTempsOf(dir: string, pid: number): Promise<string[]> {
  const removed: string[] = [];
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    if (!isTempOf(name, pid)) continue;
    await rm(path.join(dir, name), { recursive: true, force: true });
    removed.push(path.join(dir, name));
  }
  return removed;
}

/** Writes the note; the returned function removes it (called in a `finally`). */
function note(dataDir: string, noted: Noted): () => void {
  const backups = defaultBackupsDir(path.resolve(dataDir));
  const file = path.join(backups, `out-${process.pid}-${randomBytes(6).toString('hex')}.json`);
  try {
    mkdirPrivateSync(backups);
    writeFileSync(file, `${JSON.stringify(noted)}\n`, { mode: PRIVATE_FILE, flag: 'wx' });
  } catch {
    // A data folder that cannot be written (read-only media, a reading command beside the app) still lets
    // the output be written; only a crash's temp files there would then wait for the next write of it.
    return () => {};
  }
  return () => rmSync(file, { force: true });
}

/**
 * Notes that this process writes outputs into `dir`, outside the data folder, through temp names carrying
 * its pid (isTempOf), until the returned function is called: if it dies first, the next start removes them.
 */
export function noteTempsIn(dataDir: string, dir: string): () => void {
  const folder = path.resolve(dir);
  if (folder === path.resolve(dataDir) || folder.startsWith(`${path.resolve(dataDir)}${path.sep}`)) return () => {};
  return note(dataDir, { dir: folder, temps: true });
}

/**
 * Notes that this process writes a backup into `dir` outside the data folder (`target`: that one backup's
 * name there; absent: any, as `backup --auto --out DIR` rotates) until the returned function is called (in
 * a `finally`): if the process dies first, the next start removes what it left there.
 */
export async function noteOutsideWrite(dataDir: string, dir: string, target?: string): Promise<() => Promise<void>> {
  if (path.resolve(dir) === defaultBackupsDir(path.resolve(dataDir))) return async () => {};
  const release = note(dataDir, {
    dir: path.resolve(dir),
    target: target === undefined ? undefined : path.basename(target),
  });
  return async () => release();
}

/** A whole-file write beside `target` (durable.ts: `<target>.<pid>.tmp`, then renamed), noted while it runs. */
export function writeNoted<T>(dataDir: string, target: string, write: () => T): T {
  const forget = noteTempsIn(dataDir, path.dirname(path.resolve(target)));
  try {
    return write();
  } finally {
    forget();
  }
}
