// Every hostile archive of issue 6 and pitfalls.md "ZIP", built byte by byte: each refused with its reason,
// in both languages, naming the entry, and nothing extracted.
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DossierError } from '../../electron/core/errors.js';
import { endRecords } from '../../electron/core/package/zipFormat.js';
import { DEFAULT_LIMITS, openPackage, type ReadLimits } from '../../electron/core/package/zipRead.js';
import { makeJpeg } from '../helpers/files.js';
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
    // Said as what it is (issue 13): the same name in NFC and NFD, not a case collision.
    expect(nfc.localized.en).toContain('another Unicode normalisation (NFC/NFD)');
    expect(nfc.localized.zh).toContain('Unicode 规范化形式');
    expect(nfc.localized.en).not.toContain('case');
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
    expect(pdf.code).toBe('not_a_package');
    expect(pdf.localized.en).toContain('not a package file');
    const whole = craftZip(good);
    expect((await refusal(whole.subarray(0, whole.length - 5))).code).toBe('zip_truncated');
    expect((await refusal(whole.subarray(0, Math.floor(whole.length / 2)))).code).toBe('zip_truncated');
    // The end record kept, the data cut out: offsets now point past the end.
    const cut = Buffer.concat([whole.subarray(0, 10), whole.subarray(whole.length - 22)]);
    expect(['zip_truncated', 'zip_invalid']).toContain((await refusal(cut)).code);
  });

  it('refuses bytes that no entry accounts for: a prefix, a suffix, a comment', async () => {
    // Bytes before the first entry: a Windows program (a self-extracting archive) is said to be one.
    const exe = await refusal(craftZip(good, { prefix: data('MZ stub') }));
    expect([exe.code, exe.localized.zh]).toEqual(['not_a_package', expect.stringContaining('.exe')]);
    // Any other bytes before it: said as such, with their count (issue 13), not as a broken directory.
    const prefixed = await refusal(craftZip(good, { prefix: data('junk!') }));
    expect(prefixed.code).toBe('zip_prefixed');
    expect(prefixed.localized.en).toContain('5 bytes of data come before the archive');
    expect((await refusal(craftZip(good, { suffix: data('hidden') }))).code).toBe('zip_not_canonical');
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
    const sized = await refusal(flipByte(whole, whole.length - 22 + 12));
    expect([sized.code, sized.localized.en]).toEqual([
      'zip_invalid',
      expect.stringContaining('but by its size the directory starts at'),
    ]);
  });

  it('refuses headers the format does not write (timestamps, encryption, non-UTF-8 names)', async () => {
    expect((await refusal(craftZip([...good, { name: 'content/t', date: 0x5a21 }]))).code).toBe('zip_not_canonical');
    // Encrypted (flag bit 0) with sizes that leave no room for the 12-byte header: said as encrypted, not as
    // yauzl's "size mismatch 5 != 5" (issue 13).
    const encrypted = await refusal(craftZip([...good, { name: 'content/e', data: data('hello'), flags: 0x0801 }]));
    expect(encrypted.code).toBe('zip_encrypted');
    expect(encrypted.localized.en).not.toContain('size');
    expect((await refusal(craftZip([...good, { name: 'content/d', flags: 0x0808 }]))).code).toBe('zip_not_canonical');
    const latin1 = await refusal(craftZip([...good, { name: Buffer.from([0x63, 0xe9]), flags: 0 }]));
    expect(latin1.code).toBe('zip_bad_name');
  });

  // Issue 13, item 7: each refusal names the real cause, not the parser's first stumble.
  it('names the real cause: data before the archive, local vs central size, a ZIP64 end record that lies', async () => {
    const whole = craftZip(good);
    // A package appended to another file (`cat junk package`): its offsets all point 7 bytes short.
    const prepended = await refusal(Buffer.concat([data('garbage'), whole]));
    expect(prepended.code).toBe('zip_prefixed');
    expect(prepended.localized.en).toContain('7 bytes of data come before the archive');
    expect(prepended.localized.zh).toContain('多了 7 字节');

    // The local header of content/a.txt gives 4 bytes, the central directory 5.
    const local = 30 + 'mimetype'.length + 'application/vnd.dossier.package+zip'.length;
    const sizes = Buffer.from(whole);
    sizes.writeUInt32LE(4, local + 18);
    sizes.writeUInt32LE(4, local + 22);
    const size = await refusal(sizes);
    expect(size.code).toBe('zip_size_mismatch');
    expect(size.localized.en).toContain('the local header of the entry "content/a.txt" gives its size as 4/4 bytes');
    expect(size.localized.en).toContain('the central directory as 5/5');

    // ZIP64 end records (the writer's own bytes) on a file that needs none.
    const eocd = whole.subarray(whole.length - 22);
    const [cdSize, cdOffset] = [eocd.readUInt32LE(12), eocd.readUInt32LE(16)];
    const zip64 = Buffer.concat([whole.subarray(0, whole.length - 22), endRecords(2, cdOffset, cdSize, true)]);
    const unneeded = await refusal(zip64);
    expect(unneeded.code).toBe('zip_zip64_invalid');
    expect(unneeded.localized.en).toContain('has a ZIP64 end record, though neither its 2 entries');
    // Where ZIP64 is needed (a lowered threshold), one that puts the directory elsewhere, and one that
    // miscounts the entries.
    const limits = { ...DEFAULT_LIMITS, zip64At: 10 };
    const body = whole.subarray(0, whole.length - 22);
    const shifted = Buffer.concat([body, endRecords(2, cdOffset, cdSize, true)]);
    shifted.writeBigUInt64LE(BigInt(cdOffset + 3), shifted.length - 98 + 48);
    const elsewhere = await refusal(shifted, limits);
    expect([elsewhere.code, elsewhere.localized.en]).toEqual([
      'zip_zip64_invalid',
      expect.stringContaining(`The ZIP64 end record puts the central directory at offset ${cdOffset + 3}`),
    ]);
    const miscounted = await refusal(Buffer.concat([body, endRecords(3, cdOffset, cdSize, true)]), limits);
    expect([miscounted.code, miscounted.localized.en]).toEqual([
      'zip_zip64_invalid',
      expect.stringContaining('the ZIP64 end record says 3 entries'),
    ]);
    // The locator pointing elsewhere than the record before it.
    const pointer = Buffer.concat([body, endRecords(2, cdOffset, cdSize, true)]);
    pointer.writeUInt32LE(cdOffset + cdSize + 1, pointer.length - 22 - 20 + 8);
    const located = await refusal(pointer, limits);
    expect([located.code, located.localized.en]).toEqual([
      'zip_zip64_invalid',
      expect.stringContaining('the ZIP64 locator points at offset'),
    ]);
    // And bytes put before a ZIP64 package: every offset short by the same count, said as such.
    const before = await refusal(Buffer.concat([data('junk'), body, endRecords(2, cdOffset, cdSize, true)]), limits);
    expect([before.code, before.localized.en]).toEqual(['zip_prefixed', expect.stringContaining('4 bytes of data')]);
  });

  it('opens an archive whose entry bytes were altered, but refuses to extract it (CRC-32)', async () => {
    const whole = craftZip(good);
    const at = whole.indexOf(data('hello'));
    const e = await refusal(flipByte(whole, at + 1));
    expect(e.code).toBe('zip_entry_damaged');
    expect(e.localized.en).toContain('content/a.txt');
  });
});

// Issue 19, item 10: every message in the user's language. yauzl speaks English ("End of central directory
// record signature not found…"); the officer reads what happened and what to do, in Chinese (and in English
// words of ours), and the parser's own line goes to the log (stderr) only.
describe("the reader's refusals, in the user's language", () => {
  afterEach(() => vi.restoreAllMocks());

  /** The refusal and what went to the log while it was made. */
  async function refusalLogged(bytes: Buffer): Promise<{ e: DossierError; log: string[] }> {
    const log: string[] = [];
    vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => void log.push(args.join(' ')));
    const e = await refusal(bytes);
    return { e, log };
  }

  const YAUZL_WORDS =
    /central directory|signature not found|header signature|EOF|overflows|multi-disk|size mismatch|comment length|strong encryption/i;

  /** Chinese prose naming the file, no word of the parser's in either language. */
  function expectOurWords(e: DossierError) {
    expect(e.localized.zh).toMatch(/^“package\.zip”不是可接受的申报包：/);
    expect(e.localized.zh).not.toMatch(YAUZL_WORDS);
    expect(e.localized.en).not.toMatch(YAUZL_WORDS);
    // The Chinese message is Chinese: no run of Latin words beyond names such as ZIP, CRC-32 or .pdf.
    expect(e.localized.zh).not.toMatch(/[A-Za-z]+ [A-Za-z]+ [A-Za-z]+/);
  }

  it.each([
    ['a text file', () => Buffer.from('这不是申报包\n'.repeat(200)), '它不是 ZIP 格式'],
    ['a PDF', () => Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n'), '.pdf'],
    ['a JPEG scan', () => makeJpeg(64, 48), '.jpg'],
  ])('%s named .zcpkg: "这不是申报包文件", what it is instead, the parser only in the log', async (_, make, kind) => {
    const { e, log } = await refusalLogged(await make());
    expect(e.code).toBe('not_a_package');
    expect(e.localized.zh).toContain('这不是申报包文件');
    expect(e.localized.zh).toContain(kind);
    expect(e.localized.en).toContain('not a package file');
    expectOurWords(e);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatch(
      /^\[dossier\] ZIP reader: package\.zip: End of central directory record signature not found/,
    );
    expect(log[0]).not.toContain('\n');
  });

  it('a truncated package: incomplete, copy it again', async () => {
    const whole = craftZip(good);
    for (const cut of [whole.subarray(0, whole.length - 5), whole.subarray(0, Math.floor(whole.length / 2))]) {
      const { e, log } = await refusalLogged(cut);
      expect(e.code).toBe('zip_truncated');
      expect(e.localized.zh).toContain('文件不完整');
      expect(e.localized.en).toContain('incomplete');
      expectOurWords(e);
      expect(log).toEqual([expect.stringMatching(/^\[dossier\] ZIP reader: package\.zip: End of central directory/)]);
    }
    // The end record kept, an entry's data cut out: the entry runs past the end of the file.
    const hollow = Buffer.concat([whole.subarray(0, 40), whole.subarray(whole.length - 22)]);
    const { e } = await refusalLogged(hollow);
    expect(['zip_truncated', 'zip_invalid']).toContain(e.code);
    expectOurWords(e);
  });

  it('an encrypted entry: packages are never encrypted (traditional and strong encryption)', async () => {
    const traditional = await refusalLogged(
      craftZip([
        ...good,
        { name: 'content/e', data: Buffer.alloc(17), declaredSize: 5, compressedSize: 17, flags: 0x0801 },
      ]),
    );
    expect(traditional.e.code).toBe('zip_encrypted');
    expect(traditional.e.localized.zh).toContain('条目“content/e”已加密');
    expectOurWords(traditional.e);
    // Our own check: nothing of yauzl's to log.
    expect(traditional.log).toEqual([]);
    const strong = await refusalLogged(craftZip([...good, { name: 'content/s', data: data('x'), flags: 0x0841 }]));
    expect(strong.e.code).toBe('zip_encrypted');
    expect(strong.e.localized.zh).toContain('已加密');
    expectOurWords(strong.e);
    // Bit 0 is set with bit 6: our own reading of the directory says it before yauzl.
    expect(strong.log).toEqual([]);
  });

  it('broken directory records, a split archive, bytes after the end: said in Chinese, logged in English', async () => {
    const whole = craftZip(good);
    const cd = whole.readUInt32LE(whole.length - 22 + 16);
    const cases: [string, Buffer, string, string][] = [
      ['central signature', flipByte(whole, cd), 'zip_invalid', '目录记录已损坏'],
      ['local signature', flipByte(whole, 0 + 1), 'zip_invalid', '损坏'],
      ['disk number', flipByte(whole, whole.length - 22 + 4), 'zip_multi_part', '分卷压缩包'],
      ['trailing bytes', craftZip(good, { suffix: data('hidden') }), 'zip_not_canonical', '多余的字节'],
    ];
    for (const [what, bytes, code, says] of cases) {
      const { e, log } = await refusalLogged(bytes);
      expect([what, e.code]).toEqual([what, code]);
      expect(e.localized.zh).toContain(says);
      expectOurWords(e);
      expect(log).toHaveLength(1);
    }
  });

  it('a header the format does not write names the field in Chinese', async () => {
    const e = await refusal(craftZip([...good, { name: 'content/t', date: 0x5a21 }]));
    expect(e.localized.zh).toContain('ZIP 头字段（修改日期）');
    expect(e.localized.en).toContain('field "date"');
  });

  it('a damaged entry (CRC-32) is refused in both languages, naming the entry', async () => {
    const whole = craftZip(good);
    const e = await refusal(flipByte(whole, whole.indexOf(data('hello')) + 1));
    expect(e.code).toBe('zip_entry_damaged');
    expect(e.localized.zh).toContain('条目“content/a.txt”的内容与其校验值');
    expectOurWords(e);
  });
});
