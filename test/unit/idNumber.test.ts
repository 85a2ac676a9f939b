// Resident ID number, GB 11643-1999 (rules R-6).
import { describe, expect, it } from 'vitest';
import { checkIdNumber, idCheckCharacter, upgradeFifteenDigit } from '../../shared/checks/idNumber.js';

describe('checkIdNumber (R-6)', () => {
  it.each([
    ['370101190102039973', '1901-02-03', 'male'],
    ['11010519491231002X', '1949-12-31', 'female'],
    ['142302197001011013', '1970-01-01', 'male'],
  ])('R-6 vector %s is valid, born %s, %s', (raw, birthDate, sex) => {
    expect(checkIdNumber(raw)).toEqual({ ok: true, value: raw, birthDate, sex });
  });

  it('R-6: accepts a lower-case x and stores X; trims; reads full-width digits', () => {
    expect(checkIdNumber(' 11010519491231002x ')).toMatchObject({ ok: true, value: '11010519491231002X' });
    expect(checkIdNumber('１４２３０２１９７００１０１１０１３')).toMatchObject({
      ok: true,
      value: '142302197001011013',
    });
  });

  it('R-6: the check character by hand for 11010519491231002X', () => {
    const digits = [1, 1, 0, 1, 0, 5, 1, 9, 4, 9, 1, 2, 3, 1, 0, 0, 2];
    const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const sum = digits.reduce((s, d, i) => s + d * weights[i]!, 0);
    expect(sum).toBe(167);
    expect(sum % 11).toBe(2); // "10X98765432"[2] = X
    expect(idCheckCharacter('11010519491231002')).toBe('X');
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['370101010203997', 'fifteen_digit'], // first generation: invalid since 2013-01-01, never accepted
    ['37010119010203997', 'length'],
    ['3701011901020399730', 'length'],
    ['37010119010203997A', 'characters'],
    ['3701011901020399X3', 'characters'],
    ['370101190102309973', 'birth_date'], // 1901-02-30
    ['370101190113039973', 'birth_date'], // month 13
  ])('R-6: %j is refused as %s', (raw, reason) => {
    expect(checkIdNumber(raw)).toMatchObject({ ok: false, reason });
  });

  it('R-6: a wrong check character names the expected one', () => {
    expect(checkIdNumber('370101190102039974')).toEqual({
      ok: false,
      value: '370101190102039974',
      reason: 'check_character',
      expected: '3',
    });
    expect(checkIdNumber('110105194912310021')).toMatchObject({ reason: 'check_character', expected: 'X' });
  });

  it('R-6: the sex comes from the parity of the 17th digit', () => {
    const first17 = '33080219780516014';
    expect(checkIdNumber(first17 + idCheckCharacter(first17))).toMatchObject({ ok: true, sex: 'female' });
  });
});

describe('upgradeFifteenDigit (R-6, old documents only)', () => {
  it.each([
    ['370101010203997', '370101190102039973'],
    ['142302700101101', '142302197001011013'],
  ])('%s becomes %s', (old, upgraded) => {
    expect(upgradeFifteenDigit(old)).toBe(upgraded);
    expect(checkIdNumber(upgraded).ok).toBe(true);
  });

  it('returns null for anything but 15 digits', () => {
    expect(upgradeFifteenDigit('370101190102039973')).toBeNull();
    expect(upgradeFifteenDigit('37010101020399X')).toBeNull();
    expect(upgradeFifteenDigit('')).toBeNull();
  });
});
