// `dossier verify` pins each level's signer (issue 19, item 4): --expect-applicant checks level 1 (the key on
// the applicant's F-1), --expect-unit level 2 (the unit's key, batch.json's unitFingerprint), and
// --expect-fingerprint stays as level 1's first name. The commands docs/batch-format.md gives the city's
// desk ("Checking a batch") are read from the document and run exactly as written on a real level-2
// package: an applicant's package in the export's content format, countersigned by a unit's key. Then
// every wrong command (exit 2, nothing read or written, the flag named) and every wrong signer (exit 1,
// the level and both fingerprints named).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VerifyReport } from '../../shared/package/report.js';
import { formatFingerprint } from '../../electron/core/package/sm2.js';
import { addLevel } from '../../electron/core/package/writePackage.js';
import { dossier } from '../helpers/cli.js';
import { createdBy, makeKey, unitFiles } from '../helpers/packageFixtures.js';
import { writePerson, type PersonPackage } from '../helpers/unitFixtures.js';
import { tempDir } from '../helpers/workspace.js';

const DOC = path.join(import.meta.dirname, '../../docs/batch-format.md');

/** The command lines between the doc's verify-batch-package markers, each split into its words. */
function documentedCommands(): string[][] {
  const text = readFileSync(DOC, 'utf8');
  const block = /<!-- verify-batch-package: begin -->([\s\S]*?)<!-- verify-batch-package: end -->/.exec(text);
  if (!block) throw new Error('docs/batch-format.md has no verify-batch-package block');
  return block[1]!
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith('dossier '))
    .map((line) => line.split(/\s+/));
}

interface Fixture {
  person: PersonPackage;
  /** The person's package countersigned (level 2) by the unit's key. */
  l2: string;
  applicantKey: string;
  unitKey: string;
}

let f: Fixture;
// The packages serve every test here (tempDir's folders go after each test).
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'dossier-pins-'));
  const person = await writePerson(dir, 1);
  const unit = makeKey();
  const l2 = path.join(dir, `申报包-${person.archive.profile.name}-r1-L2.zcpkg`);
  await addLevel(person.file, l2, { files: unitFiles, key: unit, createdBy });
  f = { person, l2, applicantKey: person.key.fingerprint, unitKey: unit.fingerprint };
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const json = (out: string) => JSON.parse(out) as VerifyReport;
const shown = formatFingerprint;

describe('the verification docs/batch-format.md gives the receiving desk', () => {
  it('runs as written on a level-2 package and passes, each level pinned to its own signer', async () => {
    const commands = documentedCommands();
    expect(commands.length).toBeGreaterThanOrEqual(1);
    // The documented command pins both levels: that is the point of the step.
    expect(commands.every((c) => c.includes('--expect-applicant') && c.includes('--expect-unit'))).toBe(true);
    const values: Record<string, string> = { FILE: f.l2, APPLICANT_KEY: f.applicantKey, UNIT_KEY: f.unitKey };
    for (const [program, ...words] of commands) {
      expect(program).toBe('dossier');
      const argv = words.map((w) => values[w] ?? w);
      // Every placeholder the doc uses was explained and substituted.
      expect(argv.filter((w) => /^[A-Z_]+$/.test(w))).toEqual([]);
      const run = await dossier(...argv);
      expect(run.code, `${words.join(' ')}\n${run.out}\n${run.err}`).toBe(0);
      if (argv.includes('--json')) {
        const report = json(run.out);
        expect(report.ok).toBe(true);
        expect(
          report.levels.map((l) => [l.level, l.signerFingerprint, l.expectedFingerprint, l.signerMatches]),
        ).toEqual([
          [1, f.applicantKey, f.applicantKey, true],
          [2, f.unitKey, f.unitKey, true],
        ]);
      } else {
        expect(run.out).toContain(`✓ 签名人（申报人）指纹 ${shown(f.applicantKey)}（与预期相符）`);
        expect(run.out).toContain(`✓ 签名人（单位）指纹 ${shown(f.unitKey)}（与预期相符）`);
        expect(run.out).toContain('结论：申报包完好，各级签名有效。');
      }
    }
  });

  it("the doc's warning holds: --expect-fingerprint means level 1, so the unit's key there is a mismatch", async () => {
    const run = await dossier('verify', f.l2, '--expect-fingerprint', f.unitKey, '--lang', 'en');
    expect(run.code).toBe(1);
    expect(run.out).toContain(
      `✗ signer (applicant) fingerprint ${shown(f.applicantKey)} (NOT the expected one! expected ${shown(f.unitKey)})`,
    );
    // Level 2 was not pinned: said so, with the flag that would pin it.
    expect(run.out).toContain(`– signer (unit) fingerprint ${shown(f.unitKey)} (not checked:`);
    expect(run.out).toContain('--expect-unit');
  });
});

describe('dossier verify: what each flag pins', () => {
  it('without a flag: each level names its signer, nothing is compared (null in JSON), exit 0', async () => {
    const text = await dossier('verify', f.l2);
    expect(text.code).toBe(0);
    expect(text.out).toContain(`– 签名人（申报人）指纹 ${shown(f.applicantKey)}（未核对：`);
    expect(text.out).toContain('或用 --expect-applicant 指定');
    expect(text.out).toContain(`– 签名人（单位）指纹 ${shown(f.unitKey)}（未核对：`);
    expect(text.out).toContain('或用 --expect-unit 指定');
    const data = json((await dossier('verify', f.l2, '--json')).out);
    expect(data.levels.map((l) => [l.signerFingerprint, l.expectedFingerprint, l.signerMatches])).toEqual([
      [f.applicantKey, null, null],
      [f.unitKey, null, null],
    ]);
  });

  it('--expect-fingerprint and --expect-applicant are one pin: alone, together, typed from paper', async () => {
    for (const flag of ['--expect-fingerprint', '--expect-applicant']) {
      const run = await dossier('verify', f.l2, flag, f.applicantKey, '--json');
      expect(run.code, flag).toBe(0);
      expect(json(run.out).levels.map((l) => l.signerMatches)).toEqual([true, null]);
    }
    // The same key twice, once as printed (groups of four, upper case): agreed, so accepted.
    const both = await dossier(
      'verify',
      f.l2,
      '--expect-fingerprint',
      shown(f.applicantKey),
      '--expect-applicant',
      f.applicantKey,
      '--expect-unit',
      shown(f.unitKey).toLowerCase(),
    );
    expect(both.code, both.out + both.err).toBe(0);
    // A level-1 package pinned at level 1 only: fine.
    expect((await dossier('verify', f.person.file, '--expect-applicant', f.applicantKey)).code).toBe(0);
  });

  it('a level-2 signer that differs: exit 1, the level and both fingerprints named, in text and JSON', async () => {
    const other = makeKey().fingerprint;
    const run = await dossier('verify', f.l2, '--expect-applicant', f.applicantKey, '--expect-unit', other);
    expect(run.code).toBe(1);
    expect(run.out).toContain(`✓ 签名人（申报人）指纹 ${shown(f.applicantKey)}（与预期相符）`);
    expect(run.out).toContain(`✗ 签名人（单位）指纹 ${shown(f.unitKey)}（与预期不符！预期 ${shown(other)}）`);
    expect(run.out).toContain(`第 2 级（单位）的签名人指纹是 ${shown(f.unitKey)}，不是预期的 ${shown(other)}`);
    expect(run.out).toContain('结论：申报包未通过验证。');

    const data = await dossier('verify', f.l2, '--expect-unit', other, '--json', '--lang', 'en');
    expect(data.code).toBe(1);
    const report = json(data.out);
    expect(report.ok).toBe(false);
    expect(report.levels[1]).toMatchObject({
      signerFingerprint: f.unitKey,
      expectedFingerprint: other,
      signerMatches: false,
    });
    expect(report.problems).toEqual([expect.objectContaining({ code: 'unexpected_signer', level: 2 })]);
    expect(report.problems[0]!.message.en).toContain(
      `level 2 (unit) signer's fingerprint is ${shown(f.unitKey)}, not the expected ${shown(other)}`,
    );
  });

  it('a level-1 signer that differs: exit 1, level 1 named with both fingerprints; level 2 still checked', async () => {
    const other = makeKey().fingerprint;
    const run = await dossier('verify', f.l2, '--expect-applicant', other, '--expect-unit', f.unitKey, '--json');
    expect(run.code).toBe(1);
    const report = json(run.out);
    expect(report.levels.map((l) => l.signerMatches)).toEqual([false, true]);
    expect(report.problems.map((p) => [p.code, p.level])).toEqual([['unexpected_signer', 1]]);
    expect(report.problems[0]!.message.zh).toContain(
      `第 1 级（申报人）的签名人指纹是 ${shown(f.applicantKey)}，不是预期的 ${shown(other)}`,
    );
  });
});

describe('dossier verify: a wrong command is refused (exit 2), naming the flag, before anything is read', () => {
  const notHex = 'g'.repeat(64);
  const short = 'a'.repeat(63);

  for (const flag of ['--expect-fingerprint', '--expect-applicant', '--expect-unit']) {
    it(`${flag}: not hex, wrong length, empty`, async () => {
      const bad = await dossier('verify', f.l2, flag, notHex);
      expect(bad.code).toBe(2);
      expect(bad.out).toBe('');
      expect(bad.err).toContain(`${flag} 须为 64 位十六进制数字`);
      expect(bad.err).toContain('不是十六进制数字');
      const wrongLength = await dossier('verify', f.l2, flag, short, '--lang', 'en');
      expect(wrongLength.code).toBe(2);
      expect(wrongLength.err).toContain(`${flag} must be 64 hex digits`);
      expect(wrongLength.err).toContain('it has 63');
      expect((await dossier('verify', f.l2, flag, '')).code).toBe(2);
      // The same refusal as JSON when JSON was asked for.
      const asJson = await dossier('verify', f.l2, flag, notHex, '--json');
      expect(asJson.code).toBe(2);
      expect(JSON.parse(asJson.out)).toMatchObject({ ok: false, error: { code: 'wrong_usage' } });
    });
  }

  it('a bad fingerprint is said before a missing file', async () => {
    const run = await dossier('verify', path.join(tempDir(), 'none.zcpkg'), '--expect-unit', 'xyz', '--lang', 'en');
    expect(run.code).toBe(2);
    expect(run.err).toContain('--expect-unit must be 64 hex digits');
  });

  it('--expect-fingerprint and --expect-applicant naming different keys', async () => {
    const other = makeKey().fingerprint;
    const run = await dossier('verify', f.l2, '--expect-fingerprint', f.applicantKey, '--expect-applicant', other);
    expect(run.code).toBe(2);
    expect(run.out).toBe('');
    expect(run.err).toContain('--expect-fingerprint 与 --expect-applicant 都指第 1 级（申报人）的签名人');
    expect(run.err).toContain(shown(f.applicantKey));
    expect(run.err).toContain(shown(other));
  });

  it('--expect-unit on a package only the applicant has signed', async () => {
    const run = await dossier('verify', f.person.file, '--expect-unit', f.unitKey);
    expect(run.code).toBe(2);
    expect(run.out).toBe('');
    expect(run.err).toContain('--expect-unit 核对的是第 2 级（单位）的签名人');
    expect(run.err).toContain('只有第 1 级（申报人）的签名');
    const en = await dossier('verify', f.person.file, '--expect-unit', f.unitKey, '--json', '--lang', 'en');
    expect(en.code).toBe(2);
    const failure = JSON.parse(en.out) as { ok: boolean; error: { code: string; message: { en: string } } };
    expect(failure).toMatchObject({ ok: false, error: { code: 'wrong_usage' } });
    expect(failure.error.message.en).toContain('is signed at level 1 (the applicant) only');
  });
});

describe('dossier import: --expect-applicant is --expect-fingerprint; --expect-unit confirms the unit key', () => {
  it('imports with --expect-applicant; refuses another applicant key (1) and --expect-unit (2), nothing written', async () => {
    // Issue 13: a level 2 is taken only from a unit key the applicant confirmed (the opinion page's fingerprint).
    const unitPin = path.join(tempDir(), 'unit-pin');
    const unconfirmed = await dossier('import', f.l2, '--data', unitPin);
    expect(unconfirmed.code).toBe(1);
    expect(unconfirmed.err).toContain('尚未确认过单位的密钥');
    expect(unconfirmed.err).toContain(formatFingerprint(f.unitKey));
    const wrongUnit = await dossier('import', f.l2, '--data', unitPin, '--expect-unit', f.applicantKey);
    expect(wrongUnit.code).toBe(1);
    expect(wrongUnit.err).toContain('不是所确认的');
    const confirmed = await dossier('import', f.l2, '--data', unitPin, '--expect-unit', f.unitKey);
    expect(confirmed.code).toBe(0);
    // Trusted from then on: the same package again needs no flag.
    expect((await dossier('import', f.l2, '--data', unitPin)).code).toBe(0);

    const conflicting = path.join(tempDir(), 'conflict');
    const conflict = await dossier(
      'import',
      f.person.file,
      '--data',
      conflicting,
      '--expect-fingerprint',
      f.applicantKey,
      '--expect-applicant',
      f.unitKey,
    );
    expect(conflict.code).toBe(2);
    expect(existsSync(conflicting)).toBe(false);
    const badHex = path.join(tempDir(), 'bad-hex');
    expect((await dossier('import', f.person.file, '--data', badHex, '--expect-applicant', 'zz')).code).toBe(2);
    expect(existsSync(badHex)).toBe(false);

    const wrongKey = tempDir();
    const mismatch = await dossier('import', f.person.file, '--data', wrongKey, '--expect-applicant', f.unitKey);
    expect(mismatch.code).toBe(1);
    expect(mismatch.err).toContain(`第 1 级（申报人）的签名人指纹是 ${shown(f.applicantKey)}`);
    const nothing = await dossier('export-json', '--data', wrongKey);
    expect(nothing.code).not.toBe(0);

    const target = tempDir();
    const imported = await dossier('import', f.person.file, '--data', target, '--expect-applicant', f.applicantKey);
    expect(imported.code, imported.err).toBe(0);
    expect(imported.out).toContain('已导入');
  });
});
