// `dossier keygen | export | verify | import` (issue 6) in-process on real workspaces: what they print and
// their exit codes — 0 success, 1 failure (blockers, missing justifications, a package that does not
// verify), 2 invalid input (no passphrase without a terminal, not a package, a usage error).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importArchiveJson } from '../../electron/core/archiveService.js';
import { precheck } from '../../electron/core/package/exportService.js';
import { formatFingerprint } from '../../electron/core/package/sm2.js';
import { readSampleJson } from '../../electron/core/workspace.js';
import { dossier } from '../helpers/cli.js';
import { fixBlockers, PASSPHRASE, TODAY, workspaceIn } from '../helpers/exportFixtures.js';
import { flipByte } from '../helpers/zipcraft.js';
import { tempDir } from '../helpers/workspace.js';

const saved = process.env.DOSSIER_PASSPHRASE;
beforeEach(() => {
  delete process.env.DOSSIER_PASSPHRASE;
});
afterEach(() => {
  if (saved === undefined) delete process.env.DOSSIER_PASSPHRASE;
  else process.env.DOSSIER_PASSPHRASE = saved;
});

/** A workspace with the sample archive, its blockers fixed (or not), closed again for the CLI to open. */
async function sampleData({ fixed = true }: { fixed?: boolean } = {}): Promise<{ dir: string; justify: string[] }> {
  const dir = tempDir();
  const w = workspaceIn(dir);
  const applicantId = importArchiveJson(w.db, readSampleJson());
  if (fixed) await fixBlockers(w, applicantId);
  const justify = precheck(w, applicantId, TODAY).warnings.flatMap((f) => [
    '--justify',
    `${f.id}=已核实，以单位出具的证明为准（${f.id}）。`,
  ]);
  return { dir, justify };
}

describe('dossier keygen', () => {
  it('creates a key from DOSSIER_PASSPHRASE or a file; refuses without one, a short one, or over a key', async () => {
    const dir = tempDir();
    expect((await dossier('keygen', '--data', dir, '--lang', 'en')).code).toBe(2);
    process.env.DOSSIER_PASSPHRASE = 'short';
    expect((await dossier('keygen', '--data', dir, '--lang', 'en')).code).toBe(2);
    process.env.DOSSIER_PASSPHRASE = PASSPHRASE;
    const made = await dossier('keygen', '--data', dir, '--lang', 'en');
    expect(made.code).toBe(0);
    const fp = /Key fingerprint: ((?:[0-9A-F]{4} ){15}[0-9A-F]{4})/.exec(made.out)?.[1];
    expect(fp).toBeDefined();
    const again = await dossier('keygen', '--data', dir, '--lang', 'en');
    expect(again.code).toBe(1);
    expect(again.err).toContain('already exists');

    delete process.env.DOSSIER_PASSPHRASE;
    const other = tempDir();
    const file = path.join(tempDir(), 'pass.txt');
    writeFileSync(file, `${PASSPHRASE}\n`);
    expect((await dossier('keygen', '--data', other, '--passphrase-file', file)).code).toBe(0);
    expect((await dossier('keygen', '--data', tempDir(), '--passphrase-file', `${file}.none`)).code).toBe(2);
  });
});

describe('the publicity confirmation (M-3) before the export', () => {
  // N-8: the unit publicises after the applicant hands in the materials, and adds M-3 at the countersignature.
  it('is neither a blocker nor a warning for the sample applicant, and says the unit issues it', () => {
    const w = workspaceIn(tempDir());
    const applicantId = importArchiveJson(w.db, readSampleJson());
    const { blockers, warnings, report } = precheck(w, applicantId, TODAY);
    expect(blockers.length).toBeGreaterThan(0);
    const ids = [...blockers, ...warnings].map((f) => f.ruleId);
    expect(ids).not.toContain('M-3.publicity-form');
    const m3 = report.findings.find((f) => f.ruleId === 'M-3.publicity-form');
    expect(m3).toMatchObject({ status: 'review', severity: 'info', fix: { kind: 'slot', target: 'M-3/publicity' } });
    expect(m3!.message.zh).toContain('由单位在公示期满后出具并盖章');
    expect(m3!.message.en).toContain('issued and stamped by your unit');
  });
});

describe('dossier export, verify, import', () => {
  it('export: 1 listing the blockers; 1 listing unjustified warnings; 2 without a passphrase', async () => {
    process.env.DOSSIER_PASSPHRASE = PASSPHRASE;
    const blocked = await sampleData({ fixed: false });
    expect((await dossier('keygen', '--data', blocked.dir)).code).toBe(0);
    const out = path.join(tempDir(), 'p.zcpkg');
    const refused = await dossier('export', '--data', blocked.dir, '--out', out, '--today', TODAY, '--lang', 'en');
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('Fix these first');
    expect(refused.err).toContain('R-7.paper-pages#work-1');
    // The publicity confirmation is the unit's to issue after the hand-in (N-8): never a reason to refuse.
    expect(refused.err).not.toContain('M-3.publicity-form');

    const { dir, justify } = await sampleData();
    expect((await dossier('keygen', '--data', dir)).code).toBe(0);
    const unjustified = await dossier('export', '--data', dir, '--out', out, '--today', TODAY, '--lang', 'en');
    expect(unjustified.code).toBe(1);
    expect(unjustified.err).toContain('--justify FINDING_ID=TEXT');
    expect(unjustified.err).toContain('M-7.ce-proof#2020');
    expect((await dossier('export', '--data', dir, '--out', out, '--justify', 'M-7.ce-proof#2020=短')).code).toBe(2);
    expect((await dossier('export', '--data', dir, '--out', out, '--justify', 'no-equals-sign')).code).toBe(2);
    expect((await dossier('export', '--data', dir)).code).toBe(2);
    delete process.env.DOSSIER_PASSPHRASE;
    const noPass = await dossier('export', '--data', dir, '--out', out, '--today', TODAY, ...justify, '--lang', 'en');
    expect(noPass.code).toBe(2);
    expect(noPass.err).toContain('DOSSIER_PASSPHRASE');
    expect(() => readFileSync(out)).toThrow();
  });

  it('export → verify (every level printed) → import into a new folder → import again (unchanged)', async () => {
    const { dir, justify } = await sampleData();
    const pass = path.join(tempDir(), 'pass');
    writeFileSync(pass, PASSPHRASE);
    const keygen = await dossier('keygen', '--data', dir, '--passphrase-file', pass, '--lang', 'en');
    const fp = /Key fingerprint: ([0-9A-F ]+)/.exec(keygen.out)![1]!.trim();
    const outDir = tempDir();
    const exported = await dossier(
      'export',
      '--data',
      dir,
      '--out',
      outDir,
      '--today',
      TODAY,
      '--passphrase-file',
      pass,
      ...justify,
      '--lang',
      'en',
    );
    expect(exported.code).toBe(0);
    expect(exported.err).toContain('Generating');
    expect(exported.err).toMatch(/Writing and signing the package/);
    const file = /Package exported: (.+)/.exec(exported.out)![1]!;
    expect(path.dirname(file)).toBe(outDir);
    expect(path.basename(file)).toMatch(/^申报包-.+-r1\.zcpkg$/);

    const verified = await dossier('verify', file, '--expect-fingerprint', fp, '--lang', 'en');
    expect(verified.code).toBe(0);
    expect(verified.out).toContain('Level 1 (applicant)');
    expect(verified.out).toContain('✓ signature valid');
    expect(verified.out).toContain(`signer (applicant) fingerprint ${fp} (as expected)`);
    expect(verified.out).toMatch(/✓ files: \d+ ok, 0 mismatch, 0 damaged, 0 absent/);
    expect(verified.out).toContain('✓ unlisted files: 0');
    expect(verified.out).toContain('Result: the package holds');
    const json = await dossier('verify', file, '--json');
    expect(json.code).toBe(0);
    expect(JSON.parse(json.out)).toMatchObject({ ok: true, revision: 1 });
    const wrong = await dossier(
      'verify',
      file,
      '--expect-fingerprint',
      formatFingerprint('ab'.repeat(32)),
      '--lang',
      'en',
    );
    expect(wrong.code).toBe(1);
    expect(wrong.out).toContain('NOT the expected one');
    expect((await dossier('verify', file, '--expect-fingerprint', 'xyz')).code).toBe(2);

    const bytes = readFileSync(file);
    const flipped = path.join(tempDir(), 'flipped.zcpkg');
    writeFileSync(flipped, flipByte(bytes, Math.floor(bytes.length / 2)));
    const bad = await dossier('verify', flipped, '--lang', 'en');
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('Result: the package does NOT verify');
    const notZip = path.join(tempDir(), 'x.zcpkg');
    writeFileSync(notZip, 'not a zip at all');
    expect((await dossier('verify', notZip)).code).toBe(2);
    const notZipJson = await dossier('verify', notZip, '--json');
    expect([notZipJson.code, JSON.parse(notZipJson.out).ok]).toEqual([2, false]);
    expect((await dossier('verify', path.join(tempDir(), 'none.zcpkg'))).code).toBe(2);
    expect((await dossier('verify')).code).toBe(2);

    const target = path.join(tempDir(), 'unit');
    const imported = await dossier('import', file, '--data', target, '--expect-fingerprint', fp, '--lang', 'en');
    expect(imported.code).toBe(0);
    expect(imported.out).toContain('Imported: ');
    const again = await dossier('import', file, '--data', target, '--lang', 'en');
    expect(again.code).toBe(0);
    expect(again.out).toContain('already imported; nothing changed');
    expect((await dossier('import', flipped, '--data', tempDir())).code).toBe(1);
    expect((await dossier('import', notZip, '--data', tempDir())).code).toBe(2);
    const checked = await dossier('check', '--data', target, '--today', TODAY, '--json');
    expect(JSON.parse(checked.out).findings.length).toBeGreaterThan(0);
  }, 60_000);
});
