// Issue 13, item 7: `dossier unit-import FILE --expect-fingerprint HEX` — the officer pins an applicant's key
// to the fingerprint printed on their F-1 at the first import; another key is refused, and nothing is written.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatFingerprint } from '../../electron/core/package/sm2.js';
import { dossier } from '../helpers/cli.js';
import { makeKey } from '../helpers/packageFixtures.js';
import { UNIT, writePerson } from '../helpers/unitFixtures.js';
import { tempDir } from '../helpers/workspace.js';

describe('unit-import --expect-fingerprint', () => {
  it('imports the file only when the expected key signed it; one file at a time; 64 hex digits', async () => {
    const data = path.join(tempDir(), 'unit');
    const profileFile = path.join(tempDir(), 'unit.json');
    writeFileSync(profileFile, JSON.stringify(UNIT));
    expect((await dossier('unit-profile', '--data', data, '--set', profileFile)).code).toBe(0);
    const folder = tempDir();
    const a = await writePerson(folder, 60);
    const b = await writePerson(folder, 61);

    const other = makeKey().fingerprint;
    const wrong = await dossier('unit-import', a.file, '--data', data, '--expect-fingerprint', other, '--lang', 'en');
    expect(wrong.code).toBe(1);
    expect(wrong.out).toContain(`refused  ${path.basename(a.file)}: `);
    expect(wrong.out).toContain(formatFingerprint(other));
    const list = await dossier('unit-list', '--data', data, '--json');
    expect(JSON.parse(list.out)).toMatchObject({ applicants: [] });

    // As typed from the paper: groups of four, upper case.
    const right = await dossier(
      'unit-import',
      a.file,
      '--data',
      data,
      '--expect-fingerprint',
      formatFingerprint(a.key.fingerprint),
    );
    expect(right).toMatchObject({ code: 0, out: `导入  ${path.basename(a.file)}（申报人60，第 1 版）` });

    const many = await dossier('unit-import', folder, '--data', data, '--expect-fingerprint', b.key.fingerprint);
    expect(many.code).toBe(2);
    expect(many.err).toContain('只能用于一个申报包文件');
    const short = await dossier('unit-import', b.file, '--data', data, '--expect-fingerprint', 'abcd');
    expect(short.code).toBe(2);
    expect(short.err).toContain('64 位十六进制数字');
  }, 60_000);
});
