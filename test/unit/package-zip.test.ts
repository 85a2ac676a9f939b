// The deterministic ZIP writer and the strict reader: round trip, determinism, stock unzip, ZIP64, cancel.
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DossierError } from '../../electron/core/errors.js';
import { DEFAULT_LIMITS, openPackage } from '../../electron/core/package/zipRead.js';
import { writeZip, type ZipEntryInput } from '../../electron/core/package/zipWrite.js';
import { tempDir } from '../helpers/workspace.js';

function sampleEntries(dir: string): ZipEntryInput[] {
  const big = path.join(dir, 'big.bin');
  writeFileSync(big, randomBytes(3 * 2 ** 20 + 12345));
  return [
    { path: 'mimetype', source: { kind: 'bytes', bytes: Buffer.from('application/x-test') } },
    { path: 'content/big.bin', source: { kind: 'file', path: big } },
    { path: 'content/中文/𠮷.txt', source: { kind: 'bytes', bytes: Buffer.from('吉 with an extension-B character') } },
    { path: 'content/empty', source: { kind: 'bytes', bytes: new Uint8Array(0) } },
  ];
}

async function code(p: Promise<unknown>): Promise<string> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(DossierError);
  return (e as DossierError).code;
}

describe('zip writer and reader', () => {
  it('round-trips entries with their hashes, and unzip agrees', async () => {
    const dir = tempDir();
    const entries = sampleEntries(dir);
    const out = path.join(dir, 'a.zip');
    const written = await writeZip(out, entries);
    expect(written.map((w) => w.path)).toEqual(entries.map((e) => e.path));
    const pkg = await openPackage(out);
    try {
      expect(pkg.entries.map((e) => e.path)).toEqual(entries.map((e) => e.path));
      for (const w of written) {
        const got = await pkg.read(pkg.entry(w.path)!);
        expect(got).toEqual({ sha256: w.sha256, size: w.size, crcOk: true });
      }
      const dest = path.join(dir, 'x', 'out');
      const files = await pkg.extractAll(dest);
      expect(files.map((f) => f.sha256)).toEqual(written.map((w) => w.sha256));
      expect(readFileSync(path.join(dest, 'content/big.bin')).equals(readFileSync(path.join(dir, 'big.bin')))).toBe(
        true,
      );
    } finally {
      await pkg.close();
    }
    expect(execFileSync('unzip', ['-t', out]).toString()).toContain('No errors detected');
    // The mimetype entry is stored first, so it can be read at a fixed offset (as in EPUB and ODF).
    expect(
      readFileSync(out)
        .subarray(38, 38 + 18)
        .toString(),
    ).toBe('application/x-test');
  });

  it('writes the same bytes for the same entries', async () => {
    const dir = tempDir();
    const entries = sampleEntries(dir);
    await writeZip(path.join(dir, '1.zip'), entries);
    await new Promise((r) => setTimeout(r, 1100)); // a clock that leaked into the bytes would show now
    await writeZip(path.join(dir, '2.zip'), entries);
    expect(readFileSync(path.join(dir, '1.zip')).equals(readFileSync(path.join(dir, '2.zip')))).toBe(true);
  });

  it('writes ZIP64 fields that unzip and the reader accept', async () => {
    const dir = tempDir();
    const entries = sampleEntries(dir);
    const out = path.join(dir, 'z64.zip');
    const written = await writeZip(out, entries, { zip64At: 100 });
    expect(readFileSync(out).includes(Buffer.from([0x50, 0x4b, 0x06, 0x06]))).toBe(true);
    expect(execFileSync('unzip', ['-t', out]).toString()).toContain('No errors detected');
    const pkg = await openPackage(out, { ...DEFAULT_LIMITS, zip64At: 100 });
    try {
      for (const w of written) expect((await pkg.read(pkg.entry(w.path)!)).sha256).toBe(w.sha256);
    } finally {
      await pkg.close();
    }
    // At the real threshold none of those sizes needs ZIP64: the same file is refused, saying so (issue 13).
    await expect(openPackage(out)).rejects.toMatchObject({
      code: 'zip_zip64_invalid',
      localized: { en: expect.stringContaining('need') },
    });
    // A ZIP64 field beside a 32-bit size that is not 0xFFFFFFFF: the two must never both speak.
    const bytes = readFileSync(out);
    const big = written.find((w) => w.path === 'content/big.bin')!;
    const cd = bytes.indexOf(Buffer.from('content/big.bin'), bytes.length - 2000) - 46;
    expect(bytes.readUInt32LE(cd)).toBe(0x02014b50);
    bytes.writeUInt32LE(big.size, cd + 20);
    bytes.writeUInt32LE(big.size, cd + 24);
    const both = path.join(dir, 'both.zip');
    writeFileSync(both, bytes);
    await expect(openPackage(both, { ...DEFAULT_LIMITS, zip64At: 100 })).rejects.toMatchObject({
      code: 'zip_zip64_invalid',
      localized: { en: expect.stringContaining('the ZIP64 field and the 32-bit fields disagree') },
    });
  });

  it('reports progress and, when cancelled mid-write, leaves neither the target nor a temp file', async () => {
    const dir = tempDir();
    const entries = sampleEntries(dir);
    const out = path.join(dir, 'out', 'c.zip');
    execFileSync('mkdir', [path.dirname(out)]);
    const controller = new AbortController();
    const seen: [number, number][] = [];
    const run = writeZip(out, entries, {
      signal: controller.signal,
      totalBytes: 3 * 2 ** 20,
      onProgress: (done, total) => {
        seen.push([done, total]);
        if (done >= 2 ** 20) controller.abort();
      },
    });
    expect(await code(run)).toBe('cancelled');
    expect(seen[0]![0]).toBeGreaterThan(0);
    expect(readdirSync(path.dirname(out))).toEqual([]);
  });

  it("removes the temp files a crashed export of the same target left, and nobody else's", async () => {
    const dir = tempDir();
    const out = path.join(dir, 'p.zip');
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    const stale = `${out}.tmp-${dead}-0123456789ab`;
    const live = `${out}.tmp-1-0123456789ab`;
    const other = path.join(dir, `q.zip.tmp-${dead}-0123456789ab`);
    for (const f of [stale, live, other]) writeFileSync(f, 'partial');
    await writeZip(out, [{ path: 'a', source: { kind: 'bytes', bytes: Buffer.from('a') } }]);
    expect(readdirSync(dir).sort()).toEqual(['p.zip', path.basename(live), path.basename(other)].sort());
  });

  it('removes the temp file when a source is missing, and refuses bad or duplicate names', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'm.zip');
    const missing = [{ path: 'a', source: { kind: 'file', path: path.join(dir, 'nope') } } as const];
    expect(await code(writeZip(out, missing))).toBe('write_failed');
    const bytes = { kind: 'bytes', bytes: Buffer.from('x') } as const;
    expect(await code(writeZip(out, [{ path: '../evil', source: bytes }]))).toBe('zip_bad_name');
    expect(await code(writeZip(out, [{ path: 'C:/x', source: bytes }]))).toBe('zip_bad_name');
    const dup = [
      { path: 'Read.me', source: bytes },
      { path: 'READ.ME', source: bytes },
    ];
    expect(await code(writeZip(out, dup))).toBe('zip_duplicate');
    expect(readdirSync(dir)).toEqual([]);
    expect(existsSync(out)).toBe(false);
  });
});
