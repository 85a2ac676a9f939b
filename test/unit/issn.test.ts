// ISSN and CN numbers of journals (M-10, rules R-7).
import { describe, expect, it } from 'vitest';
import { checkCn, checkIssn, issnCheckCharacter } from '../../shared/checks/issn.js';

describe('checkIssn (R-7)', () => {
  it.each(['1144-875X', '0317-8471', '1007-1881', '1002-3364', '1005-006X', '0258-8013'])('%s is valid', (issn) => {
    expect(checkIssn(issn)).toEqual({ ok: true, value: issn });
  });

  it('R-7: 1144-875X by hand: weights 8..2, (11 − Σ mod 11) mod 11, 10 → X', () => {
    const sum = 1 * 8 + 1 * 7 + 4 * 6 + 4 * 5 + 8 * 4 + 7 * 3 + 5 * 2;
    expect(sum).toBe(122);
    expect((11 - (sum % 11)) % 11).toBe(10);
    expect(issnCheckCharacter('1144875')).toBe('X');
  });

  it('normalises a prefix, a missing hyphen, a lower-case x and full-width digits', () => {
    expect(checkIssn('ISSN 1144-875x')).toEqual({ ok: true, value: '1144-875X' });
    expect(checkIssn('1144875X')).toEqual({ ok: true, value: '1144-875X' });
    expect(checkIssn('１００７－１８８１')).toEqual({ ok: true, value: '1007-1881' });
  });

  it.each([
    ['', 'empty'],
    ['1144-87', 'format'],
    ['1144-87X5', 'format'],
    ['ISBN 978-7-111', 'format'],
  ])('%j is refused as %s', (raw, reason) => expect(checkIssn(raw)).toMatchObject({ ok: false, reason }));

  it('R-7: a wrong check character names the expected one', () => {
    expect(checkIssn('1144-8751')).toEqual({ ok: false, value: '1144-8751', reason: 'check_character', expected: 'X' });
    expect(checkIssn('1007-1882')).toMatchObject({ reason: 'check_character', expected: '1' });
  });
});

describe('checkCn (R-7)', () => {
  it('R-7: a print periodical (serial 1000–5999) passes without warnings', () => {
    expect(checkCn('CN 33-1080/TM')).toEqual({
      ok: true,
      value: 'CN 33-1080/TM',
      region: '33',
      serial: 1080,
      classification: 'TM',
      warnings: [],
    });
  });

  it.each(['CN33-1080/TM', '33-1080/tm', 'cn 33 - 1080 / TM', 'ＣＮ３３－１０８０／ＴＭ'])('normalises %j', (raw) => {
    expect(checkCn(raw)).toMatchObject({ ok: true, value: 'CN 33-1080/TM' });
  });

  it('accepts classifications with a digit (G4, O6)', () => {
    expect(checkCn('CN 11-3792/G4')).toMatchObject({ ok: true, classification: 'G4' });
  });

  it.each([
    ['CN 11-0065', ['newspaper']], // newspapers: 0001–0999, often without a classification
    ['CN 11-0120/F', ['newspaper']],
    ['CN 11-6012/TP', ['not_print']], // ≥ 6000: web and electronic publications
    ['CN 99-1234/TM', ['unknown_region']],
  ])('R-7: %s warns %j', (raw, warnings) => {
    expect(checkCn(raw)).toMatchObject({ ok: true, warnings });
  });

  it.each([
    ['', 'empty'],
    ['CN 33-1080', 'format'], // a periodical without its classification
    ['CN 3-1080/TM', 'format'],
    ['CN 33-10800/TM', 'format'],
    ['ISSN 1007-1881', 'format'],
  ])('%j is refused as %s', (raw, reason) => expect(checkCn(raw)).toMatchObject({ ok: false, reason }));
});
