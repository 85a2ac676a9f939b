// The bad packages of issue 6 that are well-formed ZIPs: each gives a report with ok: false and the reason;
// the ones that are not ZIPs at all are refused by verifyPackage with a DossierError.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DossierError } from '../../electron/core/errors.js';
import { canonicalBytes } from '../../electron/core/package/canonicalJson.js';
import { sign } from '../../electron/core/package/sm2.js';
import type { VerifyReport } from '../../shared/package/report.js';
import { verifyPackage } from '../../electron/core/package/verify.js';
import { openPackage } from '../../electron/core/package/zipRead.js';
import { makeKey, readEntries, rebuild, replace, signedPackages, type RawEntry } from '../helpers/packageFixtures.js';
import { flipByte } from '../helpers/zipcraft.js';
import { tempDir } from '../helpers/workspace.js';

const SCAN = 'content/attachments/scan-1.jpg';
const codes = (r: VerifyReport) => [...new Set(r.problems.map((p) => p.code))].sort();
const entry = (entries: RawEntry[], p: string) => entries.find((e) => e.path === p)!.bytes;

/** The manifest of `level` edited, then signed by `key` (the attacker's, or the original signer's). */
function resign(
  entries: RawEntry[],
  level: number,
  key: ReturnType<typeof makeKey>,
  edit: (m: Record<string, unknown>) => void,
): RawEntry[] {
  const manifest = JSON.parse(entry(entries, `META-INF/manifest-L${level}.json`).toString('utf8'));
  edit(manifest);
  const bytes = canonicalBytes(manifest);
  let out = replace(entries, `META-INF/manifest-L${level}.json`, bytes);
  out = replace(out, `META-INF/manifest-L${level}.sig`, sign(bytes, key));
  return replace(out, `META-INF/signer-L${level}.pem`, Buffer.from(key.publicKeyPem));
}

describe('tampered packages', () => {
  it('one byte flipped in an attachment: damaged (CRC-32), or mismatched (SHA-256) once the CRC is fixed', async () => {
    const dir = tempDir();
    const { l1 } = await signedPackages(dir);
    const raw = readFileSync(l1);
    const scan = entry(await readEntries(l1), SCAN);
    const at = raw.indexOf(scan) + 1000;
    writeFileSync(path.join(dir, 'flip.dossier'), flipByte(raw, at));
    const damaged = await verifyPackage(path.join(dir, 'flip.dossier'));
    expect(damaged.ok).toBe(false);
    expect(codes(damaged)).toEqual(['file_damaged']);
    expect(damaged.levels[0]!.files.find((f) => f.path === SCAN)!.status).toBe('damaged');

    const fixed = await rebuild(l1, path.join(dir, 'fixed.dossier'), (es) => replace(es, SCAN, flipByte(scan, 1000)));
    const mismatch = await verifyPackage(fixed);
    expect(codes(mismatch)).toEqual(['file_mismatch']);
    expect(mismatch.problems[0]!.message.zh).toContain(SCAN);
    // And an import that extracts with the manifest's hashes refuses it, leaving nothing.
    const good = await verifyPackage(l1);
    const expected = new Map(good.levels[0]!.files.map((f) => [f.path, f.expectedSha256]));
    const pkg = await openPackage(fixed);
    await expect(pkg.extractAll(path.join(dir, 'imported'), { expectSha256: expected })).rejects.toMatchObject({
      code: 'zip_entry_damaged',
    });
    await pkg.close();
    expect(readdirSync(dir).some((f) => f.startsWith('imported'))).toBe(false);
  });

  it('one byte flipped in a manifest or in a signature: the signature fails', async () => {
    const dir = tempDir();
    const { l1 } = await signedPackages(dir);
    const es = await readEntries(l1);
    const m = entry(es, 'META-INF/manifest-L1.json');
    const mAt = m.indexOf('"revision":1') + 11; // 1 → another digit-like byte keeps it JSON-ish
    const inManifest = await rebuild(l1, path.join(dir, 'm.dossier'), (x) =>
      replace(x, 'META-INF/manifest-L1.json', flipByte(m, mAt)),
    );
    expect(codes(await verifyPackage(inManifest))).toContain('bad_signature');
    const sig = entry(es, 'META-INF/manifest-L1.sig');
    const inSig = await rebuild(l1, path.join(dir, 's.dossier'), (x) =>
      replace(x, 'META-INF/manifest-L1.sig', flipByte(sig, sig.length - 3)),
    );
    expect(codes(await verifyPackage(inSig))).toEqual(['bad_signature']);
    // The raw flip in the file (CRC not fixed) is caught too.
    const raw = readFileSync(l1);
    writeFileSync(path.join(dir, 'raw.dossier'), flipByte(raw, raw.indexOf(m) + 20));
    expect(codes(await verifyPackage(path.join(dir, 'raw.dossier')))).toContain('bad_signature');
  });

  it('a file added, a file removed', async () => {
    const dir = tempDir();
    const { l1 } = await signedPackages(dir);
    const added = await rebuild(l1, path.join(dir, 'add.dossier'), (es) => [
      ...es,
      { path: 'content/extra.pdf', bytes: Buffer.from('%PDF-') },
    ]);
    const a = await verifyPackage(added);
    expect(codes(a)).toEqual(['unlisted']);
    expect(a.unlisted).toEqual(['content/extra.pdf']);
    const removed = await rebuild(l1, path.join(dir, 'rm.dossier'), (es) => es.filter((e) => e.path !== SCAN));
    const r = await verifyPackage(removed);
    expect(codes(r)).toEqual(['file_absent']);
    expect(r.levels[0]!.files.find((f) => f.path === SCAN)!.status).toBe('absent');
    const reordered = await rebuild(l1, path.join(dir, 'order.dossier'), (es) => [es[0]!, ...es.slice(1).reverse()]);
    expect(codes(await verifyPackage(reordered))).toEqual(['entry_order']);
  });

  it('a manifest re-signed by another key: caught by the expected fingerprint, and at level 2 by the chain', async () => {
    const dir = tempDir();
    const { l1, l2, applicant } = await signedPackages(dir);
    const mallory = makeKey();
    // Only the signature and key replaced: the manifest still names the applicant's fingerprint.
    const naive = await rebuild(l1, path.join(dir, 'naive.dossier'), (es) => {
      const bytes = entry(es, 'META-INF/manifest-L1.json');
      return replace(
        replace(es, 'META-INF/manifest-L1.sig', sign(bytes, mallory)),
        'META-INF/signer-L1.pem',
        Buffer.from(mallory.publicKeyPem),
      );
    });
    expect(codes(await verifyPackage(naive))).toEqual(['signer_mismatch']);
    // Manifest edited to name the new key and re-signed: only the paper fingerprint (F-1) tells.
    const forged = await rebuild(l1, path.join(dir, 'forged.dossier'), (es) =>
      resign(es, 1, mallory, (m) => ((m.signer as { fingerprint: string }).fingerprint = mallory.fingerprint)),
    );
    expect((await verifyPackage(forged)).levels[0]!.signatureValid).toBe(true);
    const expected = await verifyPackage(forged, { expectFingerprints: { 1: applicant.fingerprint } });
    expect(codes(expected)).toEqual(['unexpected_signer']);
    expect(expected.problems[0]!.message.zh).toContain('重新签名');
    // In a level-2 package, the unit's manifest holds the digest of the applicant's signature.
    const chain = await rebuild(l2, path.join(dir, 'chain.dossier'), (es) =>
      resign(es, 1, mallory, (m) => ((m.signer as { fingerprint: string }).fingerprint = mallory.fingerprint)),
    );
    const c = await verifyPackage(chain);
    expect(codes(c)).toEqual(['chain_broken']);
    expect(c.levels[1]!.chainValid).toBe(false);
  });

  // Issue 13, item 7: the manifest names the key by the SHA-256 of its DER, and the PEM around that DER must
  // be its one canonical encoding — else bytes of the file would lie outside what is signed.
  it('a signer key in any encoding but the canonical PEM: refused, though the DER (and fingerprint) is the same', async () => {
    const dir = tempDir();
    const { l1, l2, applicant, unit } = await signedPackages(dir);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    const variants = (pem: string): [string, string][] => {
      const lines = pem.split('\n');
      const last = lines[2]!; // the second base64 line, ending in "=="
      // The base64 digit before the padding carries 4 bits beyond the 91st byte: set one of them.
      const loose = alphabet[alphabet.indexOf(last.at(-3)!) ^ 1]!;
      return [
        ['no final newline', pem.trimEnd()],
        ['two final newlines', `${pem}\n`],
        ['CRLF line ends', pem.replace(/\n/g, '\r\n')],
        ['unused base64 bits set', pem.replace(last, `${last.slice(0, -3)}${loose}==`)],
        ['junk after the padding', pem.replace(last, `${last}QUJD`)],
        ['one long base64 line', pem.replace(`${lines[1]}\n`, lines[1]!)],
      ];
    };
    for (const [level, file, key] of [
      [1, l1, applicant],
      [2, l2, unit],
    ] as const) {
      for (const [name, text] of variants(key.publicKeyPem)) {
        expect([name, text === key.publicKeyPem]).toEqual([name, false]);
        const bad = await rebuild(file, path.join(dir, `pem-${level}.dossier`), (es) =>
          replace(es, `META-INF/signer-L${level}.pem`, Buffer.from(text)),
        );
        const r = await verifyPackage(bad);
        // The lenient decoder reads the very same key: only the encoding is wrong.
        expect([name, level, codes(r)]).toEqual([name, level, ['signer_key_not_canonical']]);
        expect(r.problems[0]!.message.zh).toContain(`signer-L${level}.pem`);
      }
    }
    // The canonical encoding is what OpenSSL writes, byte for byte (docs/package-format.md).
    expect(entry(await readEntries(l1), 'META-INF/signer-L1.pem').toString()).toBe(applicant.publicKeyPem);
  });

  it('a refused manifest: its reason first, and the files it would have listed in one line', async () => {
    const dir = tempDir();
    const { l1 } = await signedPackages(dir);
    const broken = await rebuild(l1, path.join(dir, 'broken.dossier'), (es) =>
      replace(es, 'META-INF/manifest-L1.json', Buffer.from('{"format": not json')),
    );
    const r = await verifyPackage(broken);
    expect(r.problems[0]!.code).toBe('manifest_not_json');
    const unlisted = r.problems.filter((p) => p.code === 'unlisted');
    expect(unlisted).toHaveLength(1);
    expect(r.unlisted.length).toBeGreaterThan(3);
    expect(unlisted[0]!.message.en).toMatch(/^\d+ entries are in the package but no manifest lists them: /);
    expect(unlisted[0]!.message.en).toContain('the level 1 manifest was refused, see above');
    expect(unlisted[0]!.message.zh).toContain('第 1 级的清单未被接受');
  });

  it('an unknown format version, even correctly signed', async () => {
    const dir = tempDir();
    const { l1, applicant } = await signedPackages(dir);
    const v2 = await rebuild(l1, path.join(dir, 'v2.dossier'), (es) =>
      resign(es, 1, applicant, (m) => (m.formatVersion = 2)),
    );
    const r = await verifyPackage(v2);
    expect(r.ok).toBe(false);
    expect(codes(r)).toContain('unknown_format_version');
    expect(r.levels[0]!.formatVersion).toBe(2);
    expect(r.problems.find((p) => p.code === 'unknown_format_version')!.message.en).toContain('newer app');
  });

  it('files that are not packages at all are refused, not reported', async () => {
    const dir = tempDir();
    for (const [name, bytes, code] of [
      ['empty.dossier', Buffer.alloc(0), 'package_empty'],
      ['fake.dossier', Buffer.from('PK\u0003\u0004 but not really a zip at all'), 'zip_truncated'],
    ] as const) {
      writeFileSync(path.join(dir, name), bytes);
      const e = await verifyPackage(path.join(dir, name)).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(DossierError);
      expect((e as DossierError).code).toBe(code);
      expect((e as DossierError).localized.zh).toContain(name);
    }
    const { l1 } = await signedPackages(dir);
    const raw = readFileSync(l1);
    writeFileSync(path.join(dir, 'cut.dossier'), raw.subarray(0, raw.length - 100));
    await expect(verifyPackage(path.join(dir, 'cut.dossier'))).rejects.toMatchObject({ code: 'zip_truncated' });
  });
});
