// The format stands without this code: the shell script in docs/package-format.md ("Verifying with stock
// tools": unzip, sha256sum, jq, openssl dgst -sm3 -verify) is run exactly as printed there, on good
// packages and on tampered ones.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalBytes } from '../../electron/core/package/canonicalJson.js';
import { sign } from '../../electron/core/package/sm2.js';
import { addLevel } from '../../electron/core/package/writePackage.js';
import { createdBy, makeKey, rebuild, replace, signedPackages } from '../helpers/packageFixtures.js';
import { flipByte } from '../helpers/zipcraft.js';
import { skipForMissingTool } from '../helpers/tools.js';
import { hasStockTools, stockVerify } from '../helpers/stockVerify.js';
import { tempDir } from '../helpers/workspace.js';

const runScript = stockVerify;

describe.skipIf(skipForMissingTool(hasStockTools, 'openssl without SM3, or no jq: the stock-tools test'))(
  'verification with stock tools only (the documented script)',
  () => {
    it('verifies both levels of a good package and prints each signer fingerprint', async () => {
      const { l1, l2, applicant, unit } = await signedPackages(tempDir());
      const two = runScript(l2);
      expect(two.out).toContain('OK: 2 level(s) verified');
      expect(two.status).toBe(0);
      expect(two.out.match(/Verified OK/g)).toHaveLength(2);
      expect(two.out).toContain(`level 1 signed by key ${applicant.fingerprint}`);
      expect(two.out).toContain(`level 2 signed by key ${unit.fingerprint}`);
      expect(runScript(l1).out).toContain('OK: 1 level(s) verified');
    });

    it('verifies all three levels of a package the reviewing desk signed (issue 17, level 3)', async () => {
      const dir = tempDir();
      const { l2, applicant, unit } = await signedPackages(dir);
      const desk = makeKey();
      const l3 = path.join(dir, 'desk.dossier');
      const review = { format: 'dossier.desk-review', version: 2, decision: 'accepted' };
      await addLevel(l2, l3, {
        files: [
          {
            path: 'content/desk/review.json',
            source: { kind: 'bytes', bytes: Buffer.from(JSON.stringify(review)) },
            mediaType: 'application/json',
            role: 'desk-review',
          },
        ],
        key: desk,
        createdBy,
        level: 3,
      });
      const three = runScript(l3);
      expect(three.out).toContain('OK: 3 level(s) verified');
      expect(three.out.match(/Verified OK/g)).toHaveLength(3);
      expect(three.out).toContain(`level 1 signed by key ${applicant.fingerprint}`);
      expect(three.out).toContain(`level 2 signed by key ${unit.fingerprint}`);
      expect(three.out).toContain(`level 3 signed by key ${desk.fingerprint}`);
      expect(three.status).toBe(0);
    });

    it('fails on a changed file, an added file, a bad signature and a broken chain', async () => {
      const dir = tempDir();
      const { l2 } = await signedPackages(dir);
      const changed = await rebuild(l2, path.join(dir, 'changed.zip'), (es) =>
        es.map((e) => (e.path === 'content/archive.json' ? { ...e, bytes: flipByte(e.bytes, 3) } : e)),
      );
      const r1 = runScript(changed);
      expect(r1.status).not.toBe(0);
      expect(r1.out).toContain('content/archive.json: FAILED');

      const added = await rebuild(l2, path.join(dir, 'added.zip'), (es) => [
        ...es,
        { path: 'content/x.txt', bytes: Buffer.from('x') },
      ]);
      const r2 = runScript(added);
      expect(r2.status).not.toBe(0);
      expect(r2.out).toContain('content/x.txt');

      const badSig = await rebuild(l2, path.join(dir, 'sig.zip'), (es) => {
        const sig = es.find((e) => e.path === 'META-INF/manifest-L2.sig')!.bytes;
        return replace(es, 'META-INF/manifest-L2.sig', flipByte(sig, sig.length - 2));
      });
      const r3 = runScript(badSig);
      expect(r3.status).not.toBe(0);
      expect(r3.out).toContain('Verification failure');

      // Level 1 changed and re-signed by another key, consistently: level 1 alone passes, the chain does not.
      const mallory = makeKey();
      const chain = await rebuild(l2, path.join(dir, 'chain.zip'), (es) => {
        const m = JSON.parse(es.find((e) => e.path === 'META-INF/manifest-L1.json')!.bytes.toString('utf8'));
        m.signer.fingerprint = mallory.fingerprint;
        const bytes = canonicalBytes(m);
        let out = replace(es, 'META-INF/manifest-L1.json', bytes);
        out = replace(out, 'META-INF/manifest-L1.sig', sign(bytes, mallory));
        return replace(out, 'META-INF/signer-L1.pem', Buffer.from(mallory.publicKeyPem));
      });
      const r4 = runScript(chain);
      expect(r4.status).not.toBe(0);
      expect(r4.out).toContain(`level 1 signed by key ${mallory.fingerprint}`);
      expect(r4.out).not.toContain('OK:');
      // The same key in another PEM encoding (CRLF line ends): same DER, same fingerprint, refused.
      const crlf = await rebuild(l2, path.join(dir, 'crlf.zip'), (es) => {
        const pem = es.find((e) => e.path === 'META-INF/signer-L1.pem')!.bytes.toString('utf8');
        return replace(es, 'META-INF/signer-L1.pem', Buffer.from(pem.replace(/\n/g, '\r\n')));
      });
      const r5 = runScript(crlf);
      expect(r5.status).not.toBe(0);
      expect(r5.out).not.toContain('OK:');
    });
  },
);
