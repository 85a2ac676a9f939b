// Every hostile archive of issue 6 and pitfalls.md "ZIP", built byte by byte: each refused with its reason,
// in both languages, naming the entry, and nothing extracted.
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DossierError } from '../../electron/core/errors.js';
import { openPackage, type ReadLimits } from '../../electron/core/package/zipRead.js';
import { craftZip, flipByte, SYMLINK, type CraftEntry } from '../helpers/zipcraft.js';
import { tempDir } from '../helpers/workspace.js';

const data = (s: string) => Buffer.from(s);
const good: CraftEntry[] = [
  { name: 'mimetype', data: data('application/vnd.dossier.package+zip') },
  { name: 'content/a.txt', data: data('hello') },
];

/** Writes the bytes as a .zip, tries to open and extract it; returns the refusal. */
async function refusal(bytes: Buffer, limits?: ReadLimits): Promise<DossierError> {
  const dir = tempDir();
  const file = path.join(dir, 'package.zip');
  writeFileSync(file, bytes);
  const dest = path.join(dir, 'out');
  let error: unknown = null;
  try {
    const pkg = await openPackage(file, limits);
    try {
      await pkg.extractAll(dest);
    } finally {
      await pkg.close();
    }
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(DossierError);
  // Nothing extracted, no temp folder left.
  expect(readdirSync(dir)).toEqual(['package.zip']);
  const e = error as DossierError;
  expect(e.localized.zh).toMatch(/[\u4e00-\u9fff]/);
  expect(e.localized.en.length).toBeGreaterThan(10);
  return e;
}

describe('the strict reader', () => {
  it('accepts the well-formed crafted archive (the baseline of every case below)', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'ok.zip');
    writeFileSync(file, craftZip(good));
    const pkg = await openPackage(file);
    await pkg.extractAll(path.join(dir, 'out'));
    await pkg.close();
    expect(existsSync(path.join(dir, 'out', 'content', 'a.txt'))).toBe(true);
  });

  it.each([
    ['..', 'content/../../evil.txt', /\.\./],
    ['absolute path', '/etc/passwd', /absolute/],
    ['drive letter', 'C:/Windows/evil.txt', /absolute/],
    ['backslash', 'content\\..\\evil.txt', /backslash/],
    ['control character', 'content/a\u0007b.txt', /control/],
    ['empty segment', 'content//a.txt', /empty segment/],
    ['Windows device name', 'content/NUL.txt', /reserved/],
  ])('refuses an entry name with %s', async (_, name, reason) => {
    const e = await refusal(craftZip([...good, { name, data: data('x') }]));
    expect(e.code).toBe('zip_bad_name');
    expect(e.localized.en).toMatch(reason);
  });

  it('refuses duplicates: exact, after case folding, after NFC', async () => {
    const exact = await refusal(craftZip([...good, { name: 'content/a.txt', data: data('other') }]));
    expect(exact.code).toBe('zip_duplicate');
    expect(exact.localized.en).toContain('appears twice');
    const folded = await refusal(craftZip([...good, { name: 'CONTENT/A.TXT', data: data('x') }]));
    expect(folded.code).toBe('zip_duplicate');
    expect(folded.localized.en).toContain('once case is ignored');
    const nfc = await refusal(
      craftZip([...good, { name: 'content/e\u0301', data: data('x') }, { name: 'content/\u00e9', data: data('y') }]),
    );
    expect(nfc.code).toBe('zip_duplicate');
    const fileAndFolder = await refusal(craftZip([...good, { name: 'content/a.txt/b', data: data('x') }]));
    expect(fileAndFolder.code).toBe('zip_bad_name');
  });

  it('refuses a symlink entry and a folder entry', async () => {
    const link = await refusal(
      craftZip([...good, { name: 'content/link', data: data('/etc/passwd'), externalAttrs: SYMLINK }]),
    );
    expect(link.code).toBe('zip_not_regular');
    expect(link.localized.en).toContain('symbolic link');
    const folder = await refusal(craftZip([...good, { name: 'content/dir/', externalAttrs: (0o040755 << 16) >>> 0 }]));
    expect(folder.code).toBe('zip_not_regular');
  });

  it('refuses zip bombs: a deflated entry, a huge declared size, overlapping entries, a total over the cap', async () => {
    const deflated = deflateRawSync(Buffer.alloc(10 * 2 ** 20));
    const compressed = await refusal(craftZip([...good, { name: 'content/bomb', data: deflated, method: 8 }]));
    expect(compressed.code).toBe('zip_compressed');
    const declared = await refusal(
      craftZip([...good, { name: 'content/huge', data: data('x'), declaredSize: 0xfffffff0 }]),
    );
    expect(declared.code).toBe('zip_bomb');
    const overlap = await refusal(craftZip([...good, { name: 'content/b.txt', data: data('hello'), sameLocalAs: 1 }]));
    expect(overlap.code).toBe('zip_overlap');
    expect(overlap.localized.en).toContain('content/b.txt');
    const limits = { maxArchiveBytes: 2 ** 20, maxEntries: 100, maxTotalBytes: 20 };
    expect((await refusal(craftZip([...good, { name: 'content/b', data: Buffer.alloc(30) }]), limits)).code).toBe(
      'zip_bomb',
    );
    expect((await refusal(craftZip(good), { ...limits, maxEntries: 1 })).code).toBe('zip_too_many_entries');
    expect((await refusal(craftZip(good), { ...limits, maxArchiveBytes: 100 })).code).toBe('package_too_large');
  });

  it('refuses 0 bytes, a non-ZIP with the right extension, and truncated archives', async () => {
    expect((await refusal(Buffer.alloc(0))).code).toBe('package_empty');
    const pdf = await refusal(Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n'));
    expect(pdf.code).toBe('zip_truncated');
    expect(pdf.localized.en).toContain('not a ZIP archive');
    const whole = craftZip(good);
    expect((await refusal(whole.subarray(0, whole.length - 5))).code).toBe('zip_truncated');
    expect((await refusal(whole.subarray(0, Math.floor(whole.length / 2)))).code).toBe('zip_truncated');
    // The end record kept, the data cut out: offsets now point past the end.
    const cut = Buffer.concat([whole.subarray(0, 10), whole.subarray(whole.length - 22)]);
    expect(['zip_truncated', 'zip_invalid']).toContain((await refusal(cut)).code);
  });

  it('refuses bytes that no entry accounts for: a prefix, a suffix, a comment', async () => {
    expect((await refusal(craftZip(good, { prefix: data('MZ stub') }))).code).toMatch(/^zip_(gap|invalid)$/);
    expect((await refusal(craftZip(good, { suffix: data('hidden') }))).code).toMatch(/^zip_(truncated|invalid)$/);
    expect((await refusal(craftZip(good, { comment: data('hi') }))).code).toBe('zip_not_canonical');
    // Central records swapped: every byte still belongs to an entry, but it is not the file the writer makes.
    const swapped = craftZip([...good, { name: 'content/b.txt', data: data('b') }]);
    const cd = swapped.readUInt32LE(swapped.length - 22 + 16);
    const first = 46 + 'mimetype'.length;
    const second = 46 + 'content/a.txt'.length;
    const permuted = Buffer.concat([
      swapped.subarray(0, cd + first),
      swapped.subarray(cd + first + second, swapped.length - 22),
      swapped.subarray(cd + first, cd + first + second),
      swapped.subarray(swapped.length - 22),
    ]);
    expect((await refusal(permuted)).code).toBe('zip_not_canonical');
    // The central directory size in the end record, which yauzl ignores, is checked too.
    const whole = craftZip(good);
    expect((await refusal(flipByte(whole, whole.length - 22 + 12))).code).toBe('zip_not_canonical');
  });

  it('refuses headers the format does not write (timestamps, encryption, non-UTF-8 names)', async () => {
    expect((await refusal(craftZip([...good, { name: 'content/t', date: 0x5a21 }]))).code).toBe('zip_not_canonical');
    // Encrypted (flag bit 0): yauzl already refuses its sizes.
    expect((await refusal(craftZip([...good, { name: 'content/e', flags: 0x0801 }]))).code).toMatch(
      /^zip_(not_canonical|invalid)$/,
    );
    expect((await refusal(craftZip([...good, { name: 'content/d', flags: 0x0808 }]))).code).toBe('zip_not_canonical');
    const latin1 = await refusal(craftZip([...good, { name: Buffer.from([0x63, 0xe9]), flags: 0 }]));
    expect(latin1.code).toBe('zip_bad_name');
  });

  it('opens an archive whose entry bytes were altered, but refuses to extract it (CRC-32)', async () => {
    const whole = craftZip(good);
    const at = whole.indexOf(data('hello'));
    const e = await refusal(flipByte(whole, at + 1));
    expect(e.code).toBe('zip_entry_damaged');
    expect(e.localized.en).toContain('content/a.txt');
  });
});
